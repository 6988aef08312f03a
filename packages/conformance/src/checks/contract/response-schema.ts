import { fillPath, type Operation } from '../../specs/operations.js';
import { resolveRef, sampleFromSchema } from '../../specs/samples.js';
import type { ResponseValidator } from '../../specs/validator.js';
import { PLATFORM_CODES, type Check, type CheckContext } from '../../runner/types.js';
import { expectProblem } from '../expect-problem.js';
import { expectSuccess } from '../requests.js';

/** Required query parameters filled with samples (e.g. a search term). */
export function requiredQuery(ctx: CheckContext, op: Operation): Record<string, string> {
  const doc = ctx.specs[op.platform] ?? {};
  const query: Record<string, string> = {};
  for (const raw of (op.definition.parameters as unknown[] | undefined) ?? []) {
    const p = resolveRef(doc, raw);
    if (p.in === 'query' && p.required === true && typeof p.name === 'string') {
      query[p.name] = String(sampleFromSchema(doc, p.schema ?? {}, ctx.random, {}, p.name));
    }
  }
  return query;
}

/**
 * `CON-SCHEMA-<P>-<operationId>` for every GET: a list answers a documented status with a body that
 * matches its schema; an item GET with an id that cannot exist answers 404 problem+json
 * (`NOT_FOUND`), itself documented.
 *
 * @example
 * ```ts
 * const check = responseSchemaCheck(op, validator); // undefined for non-GET operations
 * ```
 */
export function responseSchemaCheck(op: Operation, validator: ResponseValidator): Check | undefined {
  if (op.method !== 'GET') return undefined;
  const hasPathParams = op.path.includes('{');
  return {
    id: `CON-SCHEMA-${PLATFORM_CODES[op.platform]}-${op.operationId}`,
    title: hasPathParams
      ? `GET ${op.path} with an unknown id answers a documented 404 problem`
      : `GET ${op.path} answers a documented status, content type and body`,
    source: `openapi/${op.platform} ${op.operationId}`,
    area: 'contract',
    platform: op.platform,
    needsSimulation: false,
    async run(ctx) {
      const path = fillPath(op.path, () => `zz-missing-${ctx.random.string(12)}`);
      const res = await ctx.http(0).request('GET', op.platform, path, { query: requiredQuery(ctx, op), sign: !op.public });
      if (hasPathParams) expectProblem(ctx.expect, res, 404, 'NOT_FOUND', `GET ${path}`);
      else expectSuccess(ctx, res, `GET ${op.path} succeeds`);
      for (const v of validator.check(op, res)) ctx.expect.fail(`${op.operationId}: ${v.message}`, v.expected, v.actual);
    },
  };
}
