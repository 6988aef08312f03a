/**
 * @gdx/open-data — typed client of the public data open platform (公共数据开放): open datasets and
 * opening plans, demands, on-application requests and their grants, usage reports, published
 * rejection reasons and data objections.
 *
 * @example
 * ```ts
 * import { OpenDataClient } from '@gdx/open-data';
 * const client = new OpenDataClient({ baseUrl: 'http://127.0.0.1:4010/open-data/v1' });
 * for await (const dataset of client.datasets.list({ openingType: 'open' })) console.log(dataset.id);
 * ```
 * @packageDocumentation
 */
export { OpenDataClient } from './generated/client.js';
export * from './generated/resources.js';
export * from './generated/runtime.js';
export type { components, operations, paths } from './generated/types.js';
export type * from './generated/models.js';
export type * from './generated/operation-types.js';
// The same identifier checks the platforms apply, to validate input before sending it.
export { isValidCreditCode, isValidResidentId, validateCreditCode, validateResidentId } from '@gdx/identifiers';
