/**
 * @gdx/registration — typed client of the public data resource registration platform
 * (公共数据资源登记): applications, registrations, public notices and objections, lookup.
 *
 * @example
 * ```ts
 * import { RegistrationClient } from '@gdx/registration';
 * const client = new RegistrationClient({ baseUrl: 'http://127.0.0.1:4010/registration/v1', credentials: { appKey, secret } });
 * const app = await client.applications.get('rga_01J…');
 * ```
 * @packageDocumentation
 */
export { RegistrationClient } from './generated/client.js';
export * from './generated/resources.js';
export * from './generated/runtime.js';
export type { components, operations, paths } from './generated/types.js';
export type * from './generated/models.js';
export type * from './generated/operation-types.js';
// The same identifier checks the platforms apply, to validate input before sending it.
export { isValidCreditCode, isValidResidentId, validateCreditCode, validateResidentId } from '@gdx/identifiers';
