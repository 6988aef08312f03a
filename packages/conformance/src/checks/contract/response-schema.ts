import { fillPath, type Operation } from '../../specs/operations.js';
import { resolveRef, sampleFromSchema } from '../../specs/samples.js';
import type { ResponseValidator } from '../../specs/validator.js';
import { PLATFORM_CODES, type Check, type CheckContext } from '../../runner/types.js';
import { expectProblem } from '../expect-problem.js';
import { expectSuccess, listItems } from '../requests.js';

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

/** Whether the operation takes docs/design.md §Paging's `limit` and `cursor`. */
function pages(ctx: CheckContext, op: Operation): boolean {
  const doc = ctx.specs[op.platform] ?? {};
  const names = ((op.definition.parameters as unknown[] | undefined) ?? []).map((raw) => resolveRef(doc, raw)).filter((p) => p.in === 'query').map((p) => p.name);
  return names.includes('limit') && names.includes('cursor');
}

/** Pages read first, two items each: enough to cross page boundaries, cheap on a big list. */
const PAGE_LIMIT = 2;
const MAX_PAGES = 6;
/** A list whose `total` is at most this many items is read to its end, so that `total` is checked exactly. */
const EXACT_TOTAL_BOUND = 500;
/** Items a page after the first six: the contract's largest `limit` (docs/design.md §Paging, 1–200). */
const BULK_LIMIT = 200;

/**
 * Reads a paged list page after page (docs/design.md §Paging) as the first organisation:
 * six pages of two items, then — when `total` is at most {@link EXACT_TOTAL_BOUND} — on with the
 * last page's cursor, 200 items a page, to the end. Every page conforms, holds at most `limit`
 * items and repeats no id of an earlier page, and `total` is never exceeded — and, once the last
 * page (`nextCursor: null`) is read, met exactly. A longer list is read six pages deep only.
 */
async function expectStablePaging(ctx: CheckContext, op: Operation, validator: ResponseValidator, query: Record<string, string>): Promise<void> {
  const seen = new Map<string, number>();
  let cursor: string | undefined;
  let total: unknown;
  for (let page = 1; ; page += 1) {
    const bulk = page > MAX_PAGES;
    if (bulk && !(typeof total === 'number' && total <= EXACT_TOTAL_BOUND)) return;
    const limit = bulk ? BULK_LIMIT : PAGE_LIMIT;
    const res = await ctx.http(0).request('GET', op.platform, op.path, { query: { ...query, limit, cursor }, sign: !op.public });
    const where = `GET ${op.path} page ${page}, limit ${limit} (${res.method} ${res.url})`;
    expectSuccess(ctx, res, `${where} succeeds`);
    for (const v of validator.check(op, res)) ctx.expect.fail(`${op.operationId} ${where}: ${v.message}`, v.expected, v.actual);
    const body = res.body as Record<string, unknown>;
    const items = listItems(res);
    total ??= body.total;
    ctx.expect.that(items.length <= limit, `${where}: at most limit items`, `≤ ${limit}`, items.length);
    for (const item of items) {
      if (typeof item.id !== 'string') continue;
      ctx.expect.that(!seen.has(item.id), `${where}: ${item.id} appears on one page only`, `not on page ${seen.get(item.id)}`, `on pages ${seen.get(item.id)} and ${page}`);
      seen.set(item.id, page);
    }
    ctx.expect.that(typeof total !== 'number' || seen.size <= total, `${where}: never more items than total`, `≤ ${String(total)}`, seen.size);
    if (typeof body.nextCursor !== 'string') {
      ctx.expect.that(typeof total !== 'number' || seen.size === total, `${where}: the last page ends with total items read`, total, seen.size);
      return;
    }
    // A cursor after an empty page would page forever: the list must end once nothing is left.
    if (bulk && items.length === 0) return ctx.expect.fail(`${where}: a page with a next cursor holds items`, '≥ 1 item', 0);
    cursor = body.nextCursor;
  }
}

/**
 * `CON-SCHEMA-<P>-<operationId>` for every GET: a list answers a documented status with a body that
 * matches its schema and, where it pages (`limit`, `cursor`), pages stably: two items a page for six
 * pages, then to the end 200 a page when `total` is at most 500; no id twice, never more than
 * `total` and exactly `total` once the last page is read;
 * an item GET with an id that cannot exist answers 404 problem+json (`NOT_FOUND`), itself documented.
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
      const query = requiredQuery(ctx, op);
      const res = await ctx.http(0).request('GET', op.platform, path, { query, sign: !op.public });
      if (hasPathParams) expectProblem(ctx.expect, res, 404, 'NOT_FOUND', `GET ${path}`);
      else expectSuccess(ctx, res, `GET ${op.path} succeeds`);
      for (const v of validator.check(op, res)) ctx.expect.fail(`${op.operationId}: ${v.message}`, v.expected, v.actual);
      if (!hasPathParams && pages(ctx, op)) await expectStablePaging(ctx, op, validator, query);
    },
  };
}
