/**
 * @gdx/catalog — typed client of the government data resource catalog (数据资源目录): catalog
 * entries and their review workflow, public full-text search with facets, DCAT-AP 3 export, and
 * the update duties started by function changes.
 *
 * @example
 * ```ts
 * import { CatalogClient } from '@gdx/catalog';
 * const client = new CatalogClient({ baseUrl: 'http://127.0.0.1:4010/catalog/v1' });
 * const page = await client.search.queryPage({ q: '机动车' });
 * console.log(page.total, page.facets.provider);
 * ```
 * @packageDocumentation
 */
export { CatalogClient } from './generated/client.js';
export * from './generated/resources.js';
export * from './generated/runtime.js';
export type { components, operations, paths } from './generated/types.js';
export type * from './generated/models.js';
export type * from './generated/operation-types.js';
// The same identifier checks the platforms apply, to validate input before sending it.
export { isValidCreditCode, isValidResidentId, validateCreditCode, validateResidentId } from '@gdx/identifiers';
