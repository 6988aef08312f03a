import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, justAfter } from '../../rules/deadlines.js';
import { LIMITS, type ProfileName, type StepLimit } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectFieldRefusal, expectProblem } from '../expect-problem.js';
import { createObject, validBody } from '../fixtures.js';
import { expectStatus, expectSuccess, listItems, missingFromSeed, postJson, readList, sendCommand } from '../requests.js';
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

/** Kinds of a reported change (`FunctionChangeReport.kind`) and the duty each starts. */
type DutyKind = 'function_change' | 'new_resource' | 'information_change';

const DUTY: Record<DutyKind, { limit: (profile: ProfileName) => StepLimit; title: string; what: string }> = {
  function_change: { limit: (p) => LIMITS[p].catalog.functionChange, title: "after a change of functions the provider's catalog update is due", what: 'conformance: 职能划转' },
  new_resource: { limit: (p) => LIMITS[p].catalog.newResource, title: 'registering a new resource associated with an entry is due', what: 'conformance: 新增关联数据资源' },
  information_change: { limit: (p) => LIMITS[p].catalog.informationChange, title: 'reflecting a change of catalog information is due', what: 'conformance: 目录信息发生变化' },
};

/** Reads the obligation of a report for an entry among the provider's duties filtered by `query`. */
async function findDuty(ctx: CheckContext, sbx: Sandbox, reportId: string, entryId: string, query: Record<string, string | boolean>): Promise<Record<string, unknown>> {
  const list = await sbx.http(0).request('GET', 'catalog', '/obligations', { query: { ...query, limit: 200 } });
  const items = listItems(list);
  const duty = items.find((o) => o.functionChangeId === reportId && o.entryId === entryId);
  ctx.expect.that(duty !== undefined, `the report's duty for the entry is listed (${JSON.stringify(query)})`, `an obligation of ${reportId}`, items.map((o) => [o.functionChangeId, o.entryId]));
  return duty!;
}

/**
 * A check that a reported change starts the provider's duty for an entry, due by the profile's
 * limit from the day of the change; with `overdue`, also that the duty is listed as overdue (and
 * still pending) once the limit passed.
 */
function obligationCheck(id: string, profile: ProfileName, kind: DutyKind, overdue = false): Check {
  const { limit: limitOf, title, what } = DUTY[kind];
  const limit = limitOf(profile);
  const tail = overdue ? ', and listed as overdue once missed' : '';
  return check(id, `${title} in ${limit.limit} WD (${profile} profile)${tail}`, limit.basis, async (ctx) => {
    await withSandbox(ctx, { profile, startAt: START }, async (sbx) => {
      const entryId = (await readList(ctx, sbx.http(0), 'catalog', '/entries', { limit: 200 }))[0]?.id;
      if (typeof entryId !== 'string') return missingFromSeed(ctx, "catalog entry of the sandbox's first organisation", 'GET /catalog/v1/entries');
      const today = await sandboxToday(ctx, sbx);
      const successor = sbx.organizations[1];
      const body = validBody(ctx, 'catalog', 'post', '/function-changes', {
        kind, effectiveOn: today, entryIds: [entryId], description: what,
        ...(kind === 'function_change' && successor ? { successor: { creditCode: successor.creditCode, name: '承接单位' } } : {}),
      }, sbx.organizations[0]?.creditCode);
      if (kind !== 'function_change') delete body.successor;
      const reported = await createObject(ctx, sbx.http(0), 'catalog', '/function-changes', body);
      const due = expectedDeadline(today, limit);
      const duty = await findDuty(ctx, sbx, reported.id, entryId, { state: 'pending' });
      ctx.expect.equal(duty.kind, kind, 'the duty\'s kind');
      expectDeadline(ctx, duty, limit, due, false);
      if (!overdue) return;
      await sbx.advance({ to: justAfter(due) });
      const late = await findDuty(ctx, sbx, reported.id, entryId, { state: 'pending', overdue: true });
      expectDeadline(ctx, late, limit, due, true);
    });
  });
}

const RECLASSIFY_SOURCE = '厦门市公共数据共享开放管理暂行办法 第二十二条 (不予开放…经处理后符合开放要求或者相关权利人明示同意开放的，应当…纳入普遍开放或者依申请开放范围); shared/domain/open-data.md §Opening types';

/** A published `not_open` entry of the first organisation (the contract's example entry, published by the authority). */
async function publishedNotOpenEntry(ctx: CheckContext, sbx: Sandbox, name: string): Promise<{ id: string; legalBasis: unknown }> {
  const body = validBody(ctx, 'catalog', 'post', '/entries', {}, sbx.organizations[0]?.creditCode);
  const opening = { type: 'not_open', conditions: [], legalBasis: '《中华人民共和国个人信息保护法》第十三条' };
  const { id } = await createObject(ctx, sbx.http(0), 'catalog', '/entries', { ...body, name, opening });
  await submitEntry(ctx, sbx, id);
  expectStatus(ctx, await act(sbx, 'catalog', 'entry', id, ACTIONS.publish), 200, 'the authority publishes the not_open entry');
  return { id, legalBasis: opening.legalBasis };
}

/**
 * `CAT-RECLASS-01`: a `not_open` entry is reclassified only on a ground. Without one the request
 * is refused at `/ground` and nothing changes; with desensitisation it goes to review, and once
 * published the entry is `open`, its history keeps the legal basis the `not_open` label cited,
 * and (where the implementation serves the open-data platform) it is listed as a dataset; an entry
 * that is no longer `not_open` answers 409 `NOT_RECLASSIFIABLE`.
 */
const reclassificationCheck = check('CAT-RECLASS-01', 'a not_open entry opens only on a stated ground, keeps its legal basis in the history, and is then an open dataset', RECLASSIFY_SOURCE, async (ctx) => {
  await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
    const token = `conformance${ctx.random.string(8, 'abcdefghijklmnopqrstuvwxyz')}`;
    const { id, legalBasis } = await publishedNotOpenEntry(ctx, sbx, `一致性检查不予开放资源 ${token}`);
    const path = `${entry(id)}/reclassification`;
    const bare = await postJson(ctx, sbx.http(0), 'catalog', path, { openingType: 'open' });
    expectProblem(ctx.expect, bare, 400, 'VALIDATION_FAILED', 'a reclassification without a ground');
    expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'published', 'after the refused reclassification');
    const ground = { kind: 'desensitisation', description: 'conformance: 删除个人身份信息后符合开放要求' };
    expectSuccess(ctx, await postJson(ctx, sbx.http(0), 'catalog', path, { openingType: 'open', ground }), 'the provider reclassifies with desensitisation');
    expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'change_submitted', 'the reclassification under review (xiamen: reviewed by the authority)');
    expectStatus(ctx, await act(sbx, 'catalog', 'entry', id, ACTIONS.publish), 200, 'the authority publishes the reclassification');
    const opened = await readObject(ctx, sbx, 'catalog', entry(id));
    const content = opened.content as Record<string, Record<string, unknown>> | undefined;
    ctx.expect.equal(content?.opening?.type, 'open', 'the published opening type');
    const history = Array.isArray(opened.reclassifications) ? (opened.reclassifications as Record<string, Record<string, unknown>>[]) : [];
    ctx.expect.equal(history[0]?.from?.legalBasis, legalBasis, "the history keeps the not_open label's legal basis");
    const datasets = await sbx.http(1).request('GET', 'open-data', '/datasets', { sign: false, query: { q: token, limit: 20 } });
    if (datasets.status !== 404) {
      const entries = listItems(datasets).map((d) => d.entryId);
      ctx.expect.that(entries.includes(id), 'the reclassified resource is an open dataset', `a dataset of ${id}`, entries);
    }
    const again = await postJson(ctx, sbx.http(0), 'catalog', path, { openingType: 'open', ground });
    expectProblem(ctx.expect, again, 409, 'NOT_RECLASSIFIABLE', 'reclassifying a resource that is already open');
  });
});

const DISPUTE_SOURCE = '厦门市公共数据共享开放管理暂行办法 第十五条 (市大数据主管部门对标注的公共数据共享属性有异议，且经协商不能达成一致意见的，报市人民政府决定); shared/domain/catalog.md §Procedure';

/** The sharing type of an entry's version under review. */
const sharingTypeOf = (entryObject: Record<string, unknown>): unknown => (entryObject.content as { sharing?: { type?: unknown } } | undefined)?.sharing?.type;

/**
 * `CAT-DISPUTE-01` (xiamen): the data authority disputes the sharing type of an entry under
 * review only with written reasons (400, nothing changed); the provider agrees and the proposed
 * label applies; disputed again, the provider keeps its label (only with reasons), the authority
 * escalates, and the city government's decision is the label the entry is published with.
 */
const sharingTypeDisputeCheck = check('CAT-DISPUTE-01', "a sharing-type dispute needs written reasons; the provider's agreement or the city government's decision sets the label the entry is published with", DISPUTE_SOURCE, async (ctx) => {
  await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
    const body = validBody(ctx, 'catalog', 'post', '/entries', {}, sbx.organizations[0]?.creditCode);
    const { id } = await createObject(ctx, sbx.http(0), 'catalog', '/entries', { ...body, name: `一致性检查共享属性异议 ${ctx.random.string(8, 'abcdefghijklmnopqrstuvwxyz')}` });
    await submitEntry(ctx, sbx, id);
    const own = sharingTypeOf(await readObject(ctx, sbx, 'catalog', entry(id)));
    const proposed = own === 'unconditional' ? 'conditional' : 'unconditional';
    const dispute = (extra: Record<string, unknown> = {}) => act(sbx, 'catalog', 'entry', id, ACTIONS.disputeSharingType, { sharing: { type: proposed }, ...extra });

    const bare = await sbx.act({ platform: 'catalog', objectType: 'entry', objectId: id, action: ACTIONS.disputeSharingType, sharing: { type: proposed } });
    expectFieldRefusal(ctx.expect, bare, '/reasons', 'a dispute without written reasons');
    expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'submitted', 'after the refused dispute');

    expectStatus(ctx, await dispute(), 200, 'the authority disputes the sharing type with reasons');
    expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'sharing_type_negotiation', 'during the negotiation');
    const answer = `${entry(id)}/sharing-type-dispute/answer`;
    expectSuccess(ctx, await postJson(ctx, sbx.http(0), 'catalog', answer, { answer: 'agree' }), 'the provider agrees');
    const agreed = await readObject(ctx, sbx, 'catalog', entry(id));
    expectState(ctx, agreed, 'submitted', 'the review resumes after the agreement');
    ctx.expect.equal(sharingTypeOf(agreed), proposed, 'the agreed label');

    // The decision differs from the kept label and from the proposal, so the published label can only be the city government's.
    const decided = proposed === 'unconditional' ? 'conditional' : 'unconditional';
    expectStatus(ctx, await dispute({ sharing: { type: 'not_shared', legalBasis: 'conformance: 《中华人民共和国数据安全法》第二十一条' } }), 200, 'the authority disputes again');
    expectProblem(ctx.expect, await postJson(ctx, sbx.http(0), 'catalog', answer, { answer: 'keep' }), 400, 'VALIDATION_FAILED', 'keeping the label without reasons');
    expectSuccess(ctx, await postJson(ctx, sbx.http(0), 'catalog', answer, { answer: 'keep', reasons: [{ text: 'conformance: 坚持原标注' }] }), 'the provider keeps its label with reasons');
    expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'sharing_type_unresolved', 'negotiation without agreement');
    expectStatus(ctx, await act(sbx, 'catalog', 'entry', id, ACTIONS.escalate), 200, 'the authority escalates to the city government');
    expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'sharing_type_escalated', 'escalated (报市人民政府决定)');
    expectStatus(ctx, await act(sbx, 'catalog', 'entry', id, ACTIONS.decideSharingType, { sharing: { type: decided } }), 200, 'the city government decides the label');
    expectState(ctx, await readObject(ctx, sbx, 'catalog', entry(id)), 'submitted', 'the review resumes after the decision');
    expectStatus(ctx, await act(sbx, 'catalog', 'entry', id, ACTIONS.publish), 200, 'the authority publishes the entry');
    const published = await readObject(ctx, sbx, 'catalog', entry(id));
    expectState(ctx, published, 'published', 'after publication');
    ctx.expect.equal(sharingTypeOf(published), decided, "the published label is the city government's decision");
  });
});

/**
 * Catalog workflow checks: the authority's review of a submitted entry (a due date, return only
 * with written reasons, resubmission, publication into the public search), and the provider's
 * update duties: after a change of functions (7 WD Xiamen, 20 WD national), and for a new
 * associated resource or a change of catalog information (20 WD, 32号 二(五)), overdue once missed;
 * the reclassification of a `not_open` resource on a stated ground (厦门 第二十二条); and the
 * sharing-type dispute decided by the city government (厦门 第十五条).
 *
 * @example
 * ```ts
 * catalogWorkflowChecks.map((c) => c.id); // ['CAT-REVIEW-01', 'CAT-OBLIG-01', …, 'CAT-OBLIG-04', 'CAT-RECLASS-01', 'CAT-DISPUTE-01']
 * ```
 */
export const catalogWorkflowChecks: Check[] = [
  check('CAT-REVIEW-01', 'a submitted entry is reviewed by its due date, returned only with reasons, resubmitted only once corrected, and published into the search', `${LIMITS.national.catalog.review.basis}; shared/domain/catalog.md §Procedure (退回纠正 with reasons)`, async (ctx) => {
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
      expectFieldRefusal(ctx.expect, bare, '/reasons', 'a return without reasons');
      const returned = await act(sbx, 'catalog', 'entry', id, ACTIONS.return);
      expectStatus(ctx, returned, 200, 'the authority returns the entry with reasons');
      const back = await readObject(ctx, sbx, 'catalog', entry(id));
      expectState(ctx, back, 'returned', 'after the return');
      ctx.expect.that(Array.isArray(back.reasons) && back.reasons.length > 0, 'the return carries written reasons', 'reasons: [{ text }]', back.reasons);
      // 退回纠正: returned for correction, the entry goes back to review only once corrected.
      const unchanged = await postJson(ctx, sbx.http(0), 'catalog', `${entry(id)}/submissions`, { note: 'conformance' });
      expectProblem(ctx.expect, unchanged, 409, 'RETURNED_UNCHANGED', 'resubmitting the returned entry unchanged');
      const patched = await sendCommand(ctx, sbx.http(0), 'PATCH', 'catalog', entry(id), { json: { summary: 'conformance: 已按退回意见修改' } });
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
  obligationCheck('CAT-OBLIG-01', 'xiamen', 'function_change'),
  obligationCheck('CAT-OBLIG-02', 'national', 'function_change'),
  // Xiamen: the 7 WD of a change of functions must not stand in for the 20 WD duties of 32号.
  obligationCheck('CAT-OBLIG-03', 'xiamen', 'new_resource', true),
  obligationCheck('CAT-OBLIG-04', 'xiamen', 'information_change', true),
  reclassificationCheck,
  sharingTypeDisputeCheck,
];
