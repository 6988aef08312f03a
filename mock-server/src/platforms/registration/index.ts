export { createRegistrationPlatform, type RegistrationPlatformOptions } from './registration-platform.js';
export type { RegistrationState, RegistrationSnapshot } from './registration-state.js';
