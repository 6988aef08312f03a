export { createAuthorizedOperationPlatform, type AuthorizedOperationPlatformOptions } from './authorized-operation-platform.js';
