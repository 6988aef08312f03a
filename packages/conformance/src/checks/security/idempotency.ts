import { describeResponse } from '../../http/response.js';
import type { Check } from '../../runner/types.js';
import { expectProblem } from '../expect-problem.js';
import { listIds, validBody } from '../fixtures.js';

const SOURCE = 'docs/design.md §Idempotency';

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
  {
    id: 'IDEM-01',
    title: 'an idempotency-key replay returns the original result and creates nothing',
    source: SOURCE,
    area: 'security',
    needsSimulation: false,
    async run(ctx) {
      const http = ctx.http(0);
      const body = validBody(ctx, 'catalog', 'post', '/entries');
      const key = `conformance-${ctx.random.string(24)}`;
      const first = await http.request('POST', 'catalog', '/entries', { json: body, idempotencyKey: key });
      ctx.expect.that(first.status >= 200 && first.status < 300, 'the first request succeeds', '2xx', describeResponse(first));
      const before = await listIds(http, 'catalog', '/entries');
      const replay = await http.request('POST', 'catalog', '/entries', { json: body, idempotencyKey: key });
      ctx.expect.equal(replay.status, first.status, 'the replay answers the original status');
      ctx.expect.equal(replay.body, first.body, 'the replay answers the original body');
      ctx.expect.equal(replay.headers.get('idempotent-replayed'), 'true', 'the replay is marked Idempotent-Replayed: true');
      ctx.expect.equal(await listIds(http, 'catalog', '/entries'), before, 'the replay creates no second object');
    },
  },
  {
    id: 'IDEM-02',
    title: 'an idempotency key reused with another body answers 422 IDEMPOTENCY_KEY_REUSED',
    source: SOURCE,
    area: 'security',
    needsSimulation: false,
    async run(ctx) {
      const http = ctx.http(0);
      const body = validBody(ctx, 'catalog', 'post', '/entries');
      const key = `conformance-${ctx.random.string(24)}`;
      const first = await http.request('POST', 'catalog', '/entries', { json: body, idempotencyKey: key });
      ctx.expect.that(first.status >= 200 && first.status < 300, 'the first request succeeds', '2xx', describeResponse(first));
      const other = await http.request('POST', 'catalog', '/entries', { json: { ...body, name: `${String(body.name ?? '')} (variant ${ctx.random.string(6)})` }, idempotencyKey: key });
      expectProblem(ctx.expect, other, 422, 'IDEMPOTENCY_KEY_REUSED', 'the same key with another body');
    },
  },
];
