/**
 * @gdx/sharing — typed client of the government data sharing platform (政务数据共享): sharing
 * requests and disputes, grants, data objections and quality issues.
 *
 * @example
 * ```ts
 * import { SharingClient } from '@gdx/sharing';
 * const client = new SharingClient({ baseUrl: 'http://127.0.0.1:4010/sharing/v1', credentials: { appKey, secret } });
 * for await (const grant of client.grants.list()) console.log(grant.id);
 * ```
 * @packageDocumentation
 */
export { SharingClient } from './generated/client.js';
export * from './generated/resources.js';
export * from './generated/runtime.js';
export type { components, operations, paths } from './generated/types.js';
export type * from './generated/models.js';
export type * from './generated/operation-types.js';
// The same identifier checks the platforms apply, to validate input before sending it.
export { isValidCreditCode, isValidResidentId, validateCreditCode, validateResidentId } from '@gdx/identifiers';
