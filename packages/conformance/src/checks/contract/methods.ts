import type { Specs } from '../../specs/load-specs.js';
import { fillPath, HTTP_METHODS } from '../../specs/operations.js';
import { PLATFORM_CODES, type Check, type Platform } from '../../runner/types.js';
import { expectProblem } from '../expect-problem.js';

const CANDIDATES = ['DELETE', 'PUT', 'PATCH', 'POST'] as const;

/**
 * `CON-METHOD-<P>-<path>` per documented path: a method the path does not document answers 405
 * `METHOD_NOT_ALLOWED` (not 404, not 500).
 *
 * @example
 * ```ts
 * methodChecks(specs, ['catalog']).map((c) => c.id); // ['CON-METHOD-CAT-entries', …]
 * ```
 */
export function methodChecks(specs: Specs, platforms: readonly Platform[]): Check[] {
  const out: Check[] = [];
  for (const platform of platforms) {
    for (const [path, item] of Object.entries(specs[platform]?.paths ?? {})) {
      const documented = HTTP_METHODS.filter((m) => item[m] !== undefined).map((m) => m.toUpperCase());
      const method = CANDIDATES.find((m) => !documented.includes(m));
      if (method === undefined) continue;
      const slug = path.replace(/\{[^}]+\}/g, 'id').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
      out.push({
        id: `CON-METHOD-${PLATFORM_CODES[platform]}-${slug}`,
        title: `${method} ${path} (undocumented) answers 405`,
        source: 'docs/design.md §Errors (METHOD_NOT_ALLOWED 405)',
        area: 'contract',
        platform,
        needsSimulation: false,
        async run(ctx) {
          const filled = fillPath(path, () => `zz-missing-${ctx.random.string(12)}`);
          const res = await ctx.http(0).request(method, platform, filled, method === 'DELETE' ? {} : { json: {} });
          expectProblem(ctx.expect, res, 405, 'METHOD_NOT_ALLOWED', `${method} ${path}`);
        },
      });
    }
  }
  return out;
}
