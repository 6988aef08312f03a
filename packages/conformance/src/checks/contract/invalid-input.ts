import { isRecord, type HttpResponse } from '../../http/response.js';
import type { SignedHttp } from '../../http/signed-http.js';
import { fillPath, type Operation } from '../../specs/operations.js';
import { invalidInputs, requestSample } from '../../specs/samples.js';
import type { ResponseValidator } from '../../specs/validator.js';
import { PLATFORM_CODES, type Check, type CheckContext } from '../../runner/types.js';
import { expectPointer, expectProblem } from '../expect-problem.js';
import { idempotencyKey } from '../requests.js';
import { drivesItem, withDrivenItem } from '../workflow/driven-objects.js';
import { realItemPath } from './real-item.js';

function jsonMedia(op: Operation): Record<string, unknown> | undefined {
  const body = op.definition.requestBody as Record<string, unknown> | undefined;
  const media = ((body?.content ?? {}) as Record<string, Record<string, unknown>>)['application/json'];
  return media?.schema === undefined ? undefined : media;
}

/** The count a list answers (`total`, else the number of items on the first page). */
async function countOwn(ctx: CheckContext, op: Operation): Promise<unknown> {
  const res: HttpResponse = await ctx.http(0).request('GET', op.platform, op.path, { query: { limit: 200 } });
  if (!isRecord(res.body)) return `(${res.status})`;
  return typeof res.body.total === 'number' ? res.body.total : Array.isArray(res.body.items) ? res.body.items.length : `(${res.status})`;
}

/** What the title of a check whose object only a workflow creates says about a run without the simulation API. */
const DRIVEN_NOTE = ', on an object a workflow drives (without --sim-url: an unknown id, a 404 accepted)';

/**
 * `CON-INPUT-<P>-<operationId>` for every operation with a JSON body: inputs generated from the
 * schema (not JSON, required property missing, wrong type, undocumented enum value, credit code
 * with a wrong check character) answer 400 `VALIDATION_FAILED` problem+json whose field errors
 * point at the broken member — never 5xx, never a refusal that says nothing about the input (401,
 * 403, or a 404 for a real object; a 409 problem for a real object whose state refuses the command
 * is accepted, since the contract does not say whether state or body is judged first) — and leave
 * no trace: where the same path lists the organisation's objects, the list is unchanged afterwards.
 * An item path is sent to a real object, as the organisation that reaches it: one the target lists
 * or creates (see {@link realItemPath}), else, with the simulation API, one a workflow drives in a
 * sandbox (see {@link withDrivenItem}: registrations, public notices, sharing requests, grants, spot
 * checks, the authorized-operation objects). Only where neither reaches one — such objects in a run
 * without `--sim-url` — is the id one that cannot exist, and a 404 `NOT_FOUND` accepted instead; the
 * title of those checks says so.
 *
 * @example
 * ```ts
 * invalidInputCheck(op, validator)?.id; // 'CON-INPUT-REG-submitApplication'
 * ```
 */
export function invalidInputCheck(op: Operation, validator: ResponseValidator): Check | undefined {
  const media = jsonMedia(op);
  if (media === undefined) return undefined;
  return {
    id: `CON-INPUT-${PLATFORM_CODES[op.platform]}-${op.operationId}`,
    title: `${op.method} ${op.path} rejects invalid input with 400 VALIDATION_FAILED at the field and no trace${drivesItem(op.platform, op.path) ? DRIVEN_NOTE : ''}`,
    source: 'shared/domain/README.md §Common behaviour (bad input never produces a 5xx and never changes state)',
    area: 'contract',
    platform: op.platform,
    needsSimulation: false,
    async run(ctx) {
      const doc = ctx.specs[op.platform] ?? {};
      const sample = requestSample(doc, media, ctx.random, ctx.organizations[0]?.creditCode);
      const unknownPath = fillPath(op.path, () => `zz-missing-${ctx.random.string(12)}`);
      const itemPath = op.path.includes('{');
      /** Sends every malformed body to `path` as `http`; `real`: the path names an object that exists. */
      const sendMalformed = async (http: SignedHttp, path: string, real: boolean): Promise<void> => {
        for (const bad of invalidInputs(doc, media.schema, sample, ctx.random)) {
          const res = await http.request(op.method, op.platform, path, {
            ...(bad.kind === 'not_json' ? { rawBody: '{"not json' } : { json: bad.body }),
            idempotencyKey: idempotencyKey(ctx),
          });
          const what = `${op.method} ${op.path} with ${bad.kind} ${bad.pointer}`.trim();
          // Any 4xx is not enough: a 401 (credentials refused) or a 403 says nothing about the input.
          // Only an id that cannot exist may answer 404 before the body is read; a real object's must be
          // the 400 — or a 409: the contract does not order the checks, and a platform may refuse a
          // command the object's state does not take before it reads the body (nothing changes either way).
          const unknownItem = itemPath && !real && res.status === 404;
          const stateFirst = real && res.status === 409;
          if (stateFirst) expectProblem(ctx.expect, res, 409, undefined, what);
          else expectProblem(ctx.expect, res, unknownItem ? 404 : 400, unknownItem ? 'NOT_FOUND' : 'VALIDATION_FAILED', what);
          if (!unknownItem && !stateFirst && bad.pointer !== '') expectPointer(ctx.expect, res, bad.pointer, what);
          for (const v of validator.check(op, res)) ctx.expect.fail(`${op.operationId} (${bad.kind}): ${v.message}`, v.expected, v.actual);
        }
      };
      if (itemPath) {
        // A real object, so that the refusal can only be about the body: one the target lists or
        // creates, else one a workflow drives in a sandbox of the simulation API; an unknown id only
        // where neither is reachable.
        const real = await realItemPath(ctx, op);
        if (real !== undefined) return sendMalformed(ctx.http(real.org), real.path, true);
        if (await withDrivenItem(ctx, op.platform, op.path, (http, path) => sendMalformed(http, path, true))) return;
        return sendMalformed(ctx.http(0), unknownPath, false);
      }
      const listed = isRecord(doc.paths?.[op.path]?.get);
      const before = listed ? await countOwn(ctx, op) : undefined;
      await sendMalformed(ctx.http(0), op.path, false);
      if (listed) ctx.expect.equal(await countOwn(ctx, op), before, `rejected input leaves the ${op.path} list unchanged`);
    },
  };
}
