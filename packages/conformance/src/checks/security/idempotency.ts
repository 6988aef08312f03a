import type { HttpResponse } from '../../http/response.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { checkMaker } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { listIds, validBody } from '../fixtures.js';
import { expectSuccess, idempotencyKey } from '../requests.js';

const SOURCE = 'docs/design.md §Idempotency';
const check = checkMaker({ area: 'security', needsSimulation: false });

/**
 * Creates a catalog entry under a fresh key (the check fails unless it is taken) and answers a
 * sender that POSTs a body under that same key.
 */
async function firstUnderKey(ctx: CheckContext): Promise<{ body: Record<string, unknown>; first: HttpResponse; again: (json: unknown) => Promise<HttpResponse> }> {
  const body = validBody(ctx, 'catalog', 'post', '/entries');
  const key = idempotencyKey(ctx, 24);
  const again = (json: unknown) => ctx.http(0).request('POST', 'catalog', '/entries', { json, idempotencyKey: key });
  const first = await again(body);
  expectSuccess(ctx, first, 'the first request succeeds');
  return { body, first, again };
}

/**
 * `IDEM-01`: the same `Idempotency-Key` with the same body returns the original status and body
 * with `Idempotent-Replayed: true` and creates nothing more. `IDEM-02`: the same key with another
 * body answers 422 `IDEMPOTENCY_KEY_REUSED`.
 *
 * @example
 * ```ts
 * idempotencyChecks.map((c) => c.id); // ['IDEM-01', 'IDEM-02']
 * ```
 */
export const idempotencyChecks: Check[] = [
  check('IDEM-01', 'an idempotency-key replay returns the original result and creates nothing', SOURCE, async (ctx) => {
    const { body, first, again } = await firstUnderKey(ctx);
    const before = await listIds(ctx.http(0), 'catalog', '/entries');
    const replay = await again(body);
    ctx.expect.equal(replay.status, first.status, 'the replay answers the original status');
    ctx.expect.equal(replay.body, first.body, 'the replay answers the original body');
    ctx.expect.equal(replay.headers.get('idempotent-replayed'), 'true', 'the replay is marked Idempotent-Replayed: true');
    ctx.expect.equal(await listIds(ctx.http(0), 'catalog', '/entries'), before, 'the replay creates no second object');
  }),
  check('IDEM-02', 'an idempotency key reused with another body answers 422 IDEMPOTENCY_KEY_REUSED', SOURCE, async (ctx) => {
    const { body, again } = await firstUnderKey(ctx);
    const other = await again({ ...body, name: `${String(body.name ?? '')} (variant ${ctx.random.string(6)})` });
    expectProblem(ctx.expect, other, 422, 'IDEMPOTENCY_KEY_REUSED', 'the same key with another body');
  }),
];
