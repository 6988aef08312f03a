import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline } from '../../rules/deadlines.js';
import { LIMITS, type ProfileName } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { createObject, listIds, validBody } from '../fixtures.js';
import { expectStatus, expectSuccess, listItems, postJson } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { expectDeadline, expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

const START = '2025-09-26T10:00:00+08:00';
const entry = (id: string) => `/entries/${encodeURIComponent(id)}`;

const check = workflowCheck('catalog');

/** The provider submits its entry; the submission must be taken (2xx). */
async function submitEntry(ctx: CheckContext, sbx: Sandbox, id: string): Promise<void> {
  const res = await postJson(ctx, sbx.http(0), 'catalog', `${entry(id)}/submissions`, { note: 'conformance' });
  expectSuccess(ctx, res, 'the provider submits the entry');
}

function obligationCheck(id: string, profile: ProfileName): Check {
  const limit = LIMITS[profile].catalog.functionChange;
  return check(id, `after a change of functions the provider's catalog update is due in ${limit.limit} WD (${profile} profile)`, limit.basis, async (ctx) => {
    await withSandbox(ctx, { profile, startAt: START }, async (sbx) => {
      const [entryId] = await listIds(sbx.http(0), 'catalog', '/entries');
      if (entryId === undefined) return ctx.skip("the sandbox's first organisation provides no catalog entry");
      const today = await sandboxToday(ctx, sbx);
      const successor = sbx.organizations[1];
      const body = validBody(ctx, 'catalog', 'post', '/function-changes', {
        kind: 'function_change', effectiveOn: today, entryIds: [entryId], description: 'conformance: 职能划转',
        ...(successor ? { successor: { creditCode: successor.creditCode, name: '承接单位' } } : {}),
      }, sbx.organizations[0]?.creditCode);
      const reported = await createObject(ctx, sbx.http(0), 'catalog', '/function-changes', body);
      const list = await sbx.http(0).request('GET', 'catalog', '/obligations', { query: { state: 'pending', limit: 200 } });
      const items = listItems(list);
      const duty = items.find((o) => o.functionChangeId === reported.id && o.entryId === entryId);
      ctx.expect.that(duty !== undefined, 'the report starts a pending obligation for the entry', `an obligation of ${reported.id}`, items.map((o) => [o.functionChangeId, o.entryId]));
      expectDeadline(ctx, duty!, limit, expectedDeadline(today, limit), false);
    });
  });
}

/**
 * Catalog workflow checks: the authority's review of a submitted entry (a due date, return only
 * with written reasons, resubmission, publication into the public search), and the provider's
 * update duty after a change of functions (7 WD Xiamen, 20 WD national).
 *
 * @example
 * ```ts
 * catalogWorkflowChecks.map((c) => c.id); // ['CAT-REVIEW-01', 'CAT-OBLIG-01', 'CAT-OBLIG-02']
 * ```
 */
export const catalogWorkflowChecks: Check[] = [
  check('CAT-REVIEW-01', 'a submitted entry is reviewed by its due date, returned only with reasons, and published into the search', `${LIMITS.national.catalog.review.basis}; shared/domain/catalog.md §Procedure (退回纠正 with reasons)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START }, async (sbx) => {
      const token = `conformance${ctx.random.string(8, 'abcdefghijklmnopqrstuvwxyz')}`;
      const body = validBody(ctx, 'catalog', 'post', '/entries', {}, sbx.organizations[0]?.creditCode);
      const { id } = await createObject(ctx, sbx.http(0), 'catalog', '/entries', { ...body, name: `一致性检查资源 ${token}` });
      expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'draft', 'a new entry');
      await submitEntry(ctx, sbx, id);
      const submitted = await readObject(ctx, sbx, 'catalog', entry(id));
      expectState(ctx, submitted, 'submitted', 'after the submission');
      expectDeadline(ctx, submitted, LIMITS.national.catalog.review, expectedDeadline(await sandboxToday(ctx, sbx), LIMITS.national.catalog.review), false);
      const bare = await sbx.act({ platform: 'catalog', objectType: 'entry', objectId: id, action: ACTIONS.return });
      expectProblem(ctx.expect, bare, '4xx', undefined, 'a return without reasons');
      const returned = await act(sbx, 'catalog', 'entry', id, ACTIONS.return);
      expectStatus(ctx, returned, 200, 'the authority returns the entry with reasons');
      const back = await readObject(ctx, sbx, 'catalog', entry(id));
      expectState(ctx, back, 'returned', 'after the return');
      ctx.expect.that(Array.isArray(back.reasons) && back.reasons.length > 0, 'the return carries written reasons', 'reasons: [{ text }]', back.reasons);
      const patched = await sbx.http(0).request('PATCH', 'catalog', entry(id), { json: { summary: 'conformance: 已按退回意见修改' } });
      expectStatus(ctx, patched, 200, 'the provider corrects the returned entry');
      await submitEntry(ctx, sbx, id);
      const published = await act(sbx, 'catalog', 'entry', id, ACTIONS.publish);
      expectStatus(ctx, published, 200, 'the authority publishes the entry');
      expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'published', 'after publication');
      const search = await sbx.http(1).request('GET', 'catalog', '/search', { sign: false, query: { q: token, limit: 20 } });
      const hits = listItems(search).map((i) => i.id);
      ctx.expect.that(hits.includes(id), 'the published entry is found by the public search', `hits with ${id}`, hits);
    });
  }),
  obligationCheck('CAT-OBLIG-01', 'xiamen'),
  obligationCheck('CAT-OBLIG-02', 'national'),
];
