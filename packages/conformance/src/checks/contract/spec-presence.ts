import type { Specs } from '../../specs/load-specs.js';
import { PLATFORM_CODES, type Check, type Platform } from '../../runner/types.js';

/**
 * `CON-SPEC-<P>`: the platform's bundled document is available, so its contract checks exist.
 * Fails (rather than silently generating nothing) when `@gdx/openapi` has no bundle for it.
 *
 * @example
 * ```ts
 * specPresenceChecks({}, ['registration'])[0]?.id; // 'CON-SPEC-REG'
 * ```
 */
export function specPresenceChecks(specs: Specs, platforms: readonly Platform[]): Check[] {
  return platforms.map((platform) => ({
    id: `CON-SPEC-${PLATFORM_CODES[platform]}`,
    title: `the ${platform} OpenAPI document is bundled and has operations`,
    source: 'docs/design.md §Layout (openapi/ is the single source of truth)',
    area: 'contract',
    platform,
    needsSimulation: false,
    async run(ctx) {
      const paths = Object.keys(specs[platform]?.paths ?? {});
      ctx.expect.that(paths.length > 0, `@gdx/openapi bundles ${platform}.json (run "npm run generate" in openapi/)`, 'a document with paths', specs[platform] ? 'no paths' : 'missing');
    },
  }));
}
