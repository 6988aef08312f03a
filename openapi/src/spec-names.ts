/**
 * The five platform documents, in the order of docs/design.md (authorized operation last: it builds
 * on the other four).
 *
 * @example
 * ```ts
 * import { PLATFORMS } from '@gdx/openapi';
 * for (const platform of PLATFORMS) console.log(`/${platform}/v1`);
 * ```
 */
export const PLATFORMS = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation'] as const;

/**
 * Every document: the five platforms plus the mock's simulation API (`/_sim/v1`).
 *
 * @example
 * ```ts
 * import { SPEC_NAMES, loadBundledSpec } from '@gdx/openapi';
 * const specs = SPEC_NAMES.map((name) => loadBundledSpec(name));
 * ```
 */
export const SPEC_NAMES = [...PLATFORMS, 'simulation'] as const;

/**
 * A platform segment such as `open-data`.
 *
 * @example
 * ```ts
 * const platform: PlatformName = 'sharing';
 * ```
 */
export type PlatformName = (typeof PLATFORMS)[number];

/**
 * The name of one document.
 *
 * @example
 * ```ts
 * const name: SpecName = 'simulation';
 * ```
 */
export type SpecName = (typeof SPEC_NAMES)[number];

/**
 * Narrows a string to a document name.
 *
 * @example
 * ```ts
 * isSpecName('catalog'); // true
 * isSpecName('payments'); // false
 * ```
 */
export function isSpecName(value: string): value is SpecName {
  return (SPEC_NAMES as readonly string[]).includes(value);
}
