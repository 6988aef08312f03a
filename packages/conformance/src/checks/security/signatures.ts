import { generateNonce } from '@gdx/protocol';
import { describeResponse } from '../../http/response.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { checkMaker } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { validBody } from '../fixtures.js';

const SOURCE = 'docs/design.md §Authentication (signing)';
/** A signed list every implementation has; the requests only need to reach the signature check. */
const target = (ctx: CheckContext, options: Parameters<ReturnType<CheckContext['http']>['request']>[3] = {}) =>
  ctx.http(0).request('GET', 'registration', '/applications', options);

const securityCheck = checkMaker({ area: 'security', needsSimulation: false });
const check = (id: string, title: string, run: (ctx: CheckContext) => Promise<void>): Check => securityCheck(id, title, SOURCE, run);

/**
 * Signature checks `SEC-SIG-01`…`06`: a correctly signed request passes with either method; a
 * wrong secret, an unknown app key, a replayed nonce, a stale timestamp and a body changed after
 * signing are each rejected with their 401 code.
 *
 * @example
 * ```ts
 * signatureChecks.map((c) => c.id); // ['SEC-SIG-01', …]
 * ```
 */
export const signatureChecks: Check[] = [
  check('SEC-SIG-01', 'a correctly signed request is accepted (HMAC-SHA256 and HMAC-SM3)', async (ctx) => {
    for (const algorithm of ['HMAC-SHA256', 'HMAC-SM3'] as const) {
      const res = await target(ctx, { signAs: { ...ctx.organizations[0]!, algorithm } });
      ctx.expect.that(res.status === 200, `a request signed with ${algorithm} is accepted`, '200', describeResponse(res));
    }
  }),
  check('SEC-SIG-02', 'a replayed nonce is rejected with 401 NONCE_REPLAYED', async (ctx) => {
    const nonce = generateNonce();
    const first = await target(ctx, { nonce });
    ctx.expect.that(first.status === 200, 'the first use of the nonce is accepted', '200', describeResponse(first));
    expectProblem(ctx.expect, await target(ctx, { nonce }), 401, 'NONCE_REPLAYED', 'the same nonce again');
  }),
  check('SEC-SIG-03', 'a timestamp outside ±5 minutes is rejected with 401 TIMESTAMP_OUT_OF_WINDOW', async (ctx) => {
    expectProblem(ctx.expect, await target(ctx, { timestamp: Date.now() - 6 * 60_000 }), 401, 'TIMESTAMP_OUT_OF_WINDOW', 'a timestamp 6 minutes old');
    expectProblem(ctx.expect, await target(ctx, { timestamp: Date.now() + 6 * 60_000 }), 401, 'TIMESTAMP_OUT_OF_WINDOW', 'a timestamp 6 minutes ahead');
  }),
  check('SEC-SIG-04', 'a body changed after signing is rejected with 401 SIGNATURE_INVALID', async (ctx) => {
    const body = validBody(ctx, 'catalog', 'post', '/entries');
    const signed = JSON.stringify(body);
    const res = await ctx.http(0).request('POST', 'catalog', '/entries', {
      rawBody: JSON.stringify({ ...body, tampered: true }),
      signedBody: signed,
      idempotencyKey: `conformance-${ctx.random.string(24)}`,
    });
    expectProblem(ctx.expect, res, 401, 'SIGNATURE_INVALID', 'a tampered body');
  }),
  check('SEC-SIG-05', 'a wrong secret is rejected with 401 SIGNATURE_INVALID', async (ctx) => {
    const res = await target(ctx, { signAs: { ...ctx.organizations[0]!, secret: `${ctx.organizations[0]!.secret}-wrong` } });
    expectProblem(ctx.expect, res, 401, 'SIGNATURE_INVALID', 'a signature made with a wrong secret');
  }),
  check('SEC-SIG-06', 'an unknown app key is rejected with 401 APP_KEY_UNKNOWN', async (ctx) => {
    const res = await target(ctx, { signAs: { ...ctx.organizations[0]!, appKey: `unknown-${ctx.random.string(16)}` } });
    expectProblem(ctx.expect, res, 401, 'APP_KEY_UNKNOWN', 'an unknown app key');
  }),
];
