/**
 * @gdx/authorized-operation — typed client of the authorized-operation platform
 * (公共数据资源授权运营): implementation plans, operator selections and agreements, authorizations
 * with their evaluations, data access per scenario, products with their fees, the pricing of
 * 发改价格〔2025〕65号 (money in integer 分, rates in basis points) and the public disclosures.
 *
 * @example
 * ```ts
 * import { AuthorizedOperationClient } from '@gdx/authorized-operation';
 * const client = new AuthorizedOperationClient({ baseUrl: 'http://127.0.0.1:4010/authorized-operation/v1', credentials: { appKey, secret } });
 * const pricing = await client.pricing.get('aoa_01J…');
 * ```
 * @packageDocumentation
 */
export { AuthorizedOperationClient } from './generated/client.js';
export * from './generated/resources.js';
export * from './generated/runtime.js';
export type { components, operations, paths } from './generated/types.js';
export type * from './generated/models.js';
export type * from './generated/operation-types.js';
// The same identifier checks the platforms apply, to validate input before sending it.
export { isValidCreditCode, isValidResidentId, validateCreditCode, validateResidentId } from '@gdx/identifiers';
