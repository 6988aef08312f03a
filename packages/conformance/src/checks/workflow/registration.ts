import { isRecord } from '../../http/response.js';
import { expectedDeadline, justAfter, workingDaysAfter } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { Check } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectFieldRefusal, expectProblem } from '../expect-problem.js';
import { validBody } from '../fixtures.js';
import { expectSuccess, postJson } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { app, decide, EVIDENCE, RECEIVED, START, submit } from './registration-steps.js';
import { eventTypes, expectDeadline, expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

const L = LIMITS.national.registration;

const check = workflowCheck('registration');

/**
 * Registration workflow checks (national profile): the acceptance deadline of the worked
 * example, overdue without approval, the restart on resubmission, the review deadline from
 * acceptance, terminal states and illegal transitions, and the public notice.
 *
 * @example
 * ```ts
 * registrationChecks.map((c) => c.id); // ['REG-ACCEPT-01', …]
 * ```
 */
export const registrationChecks: Check[] = [
  check('REG-ACCEPT-01', 'received 2025-09-26: acceptance is due 2025-09-30 (3 WD, make-up Sunday counted)', L.acceptance.basis, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const id = await submit(ctx, sbx);
      const object = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, object, 'submitted', 'after submission');
      expectDeadline(ctx, object, L.acceptance, expectedDeadline(RECEIVED, L.acceptance), false);
    });
  }),
  check('REG-ACCEPT-02', 'acceptance past its limit is overdue, recorded, and never approved by the clock', `${L.acceptance.basis}; shared/domain/README.md §Time 7`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const id = await submit(ctx, sbx);
      const due = expectedDeadline(RECEIVED, L.acceptance);
      const advanced = await sbx.advance({ to: justAfter(due) });
      expectSuccess(ctx, advanced, 'the clock advances');
      const object = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, object, 'submitted', 'one hour after the acceptance limit');
      expectDeadline(ctx, object, L.acceptance, due, true);
      ctx.expect.that(eventTypes(object).includes('deadline_overdue'), 'a deadline_overdue event is recorded', 'deadline_overdue in events', eventTypes(object));
    });
  }),
  check('REG-ACCEPT-03', 'a resubmission after 一次性告知 restarts the 3 WD acceptance clock from its own day', `${L.acceptance.basis} (clock restarts on resubmission)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const id = await submit(ctx, sbx);
      await decide(ctx, sbx, id, ACTIONS.requestSupplements, { items: [{ field: '/resource/size', text: 'conformance: 缺少数据规模' }, { field: '/riskAssessment', text: 'conformance: 缺少风险评估' }] });
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id)), 'supplement_required', 'after the registry asks for supplements');
      await sbx.advance({ workingDays: 2 });
      const body = validBody(ctx, 'registration', 'post', '/applications/{applicationId}/resubmissions', {}, sbx.organizations[0]?.creditCode);
      const res = await postJson(ctx, sbx.http(0), 'registration', `${app(id)}/resubmissions`, body);
      expectSuccess(ctx, res, 'the resubmission is accepted');
      const today = await sandboxToday(ctx, sbx);
      const object = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, object, 'submitted', 'after the resubmission');
      expectDeadline(ctx, object, L.acceptance, expectedDeadline(today, L.acceptance), false);
    });
  }),
  check('REG-REVIEW-01', 'formal review is due 20 WD after the acceptance day (holidays skipped, make-up days counted)', L.review.basis, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const id = await submit(ctx, sbx);
      await sbx.advance({ to: `${workingDaysAfter(RECEIVED, 2)}T10:00:00+08:00` });
      await decide(ctx, sbx, id, ACTIONS.accept);
      const object = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, object, 'under_review', 'after acceptance');
      expectDeadline(ctx, object, L.review, expectedDeadline(workingDaysAfter(RECEIVED, 2), L.review), false);
    });
  }),
  check('REG-REVIEW-02', 'a review past 20 WD is overdue, stays under review, and is decided only after the registry explains the delay', `${L.review.basis} (说明 required, no deemed approval)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const id = await submit(ctx, sbx);
      await decide(ctx, sbx, id, ACTIONS.accept);
      const due = expectedDeadline(RECEIVED, L.review);
      await sbx.advance({ to: justAfter(due) });
      const object = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, object, 'under_review', 'after the review limit');
      expectDeadline(ctx, object, L.review, due, true);
      // 审核未完成的，应当向登记主体说明原因: no decision of the overdue review before the explanation.
      expectProblem(ctx.expect, await act(sbx, 'registration', 'application', id, ACTIONS.approveReview), 409, 'ILLEGAL_TRANSITION', 'passing the overdue review before explaining the delay');
      await decide(ctx, sbx, id, ACTIONS.explainOverdue, { explanation: 'conformance check: 一致性检查' });
      await decide(ctx, sbx, id, ACTIONS.approveReview);
    });
  }),
  check('REG-ILLEGAL-01', 'not_accepted is terminal: further decisions and resubmissions answer 409', '发改数据规〔2025〕26号 第十条 (不予受理)', async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const id = await submit(ctx, sbx);
      await decide(ctx, sbx, id, ACTIONS.notAccept);
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id)), 'not_accepted', 'after 不予受理');
      expectProblem(ctx.expect, await act(sbx, 'registration', 'application', id, ACTIONS.accept), 409, 'ILLEGAL_TRANSITION', 'accepting a not_accepted application');
      // A body the contract accepts: an invalid one is refused by validation (400) before the
      // state machine is asked, and would pass a platform that reopens terminal applications.
      const body = validBody(ctx, 'registration', 'post', '/applications/{applicationId}/resubmissions', {}, sbx.organizations[0]?.creditCode);
      const resubmit = await postJson(ctx, sbx.http(0), 'registration', `${app(id)}/resubmissions`, body);
      expectProblem(ctx.expect, resubmit, 409, 'ILLEGAL_TRANSITION', 'resubmitting a not_accepted application');
      await sbx.advance({ duration: 'P30D' });
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id)), 'not_accepted', 'a month later');
    });
  }),
  check('REG-NOTICE-01', 'public notice lasts 10 WD; objections need a real name and evidence and close with the notice', `${L.publicNotice.basis}`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const id = await submit(ctx, sbx);
      await decide(ctx, sbx, id, ACTIONS.accept);
      await decide(ctx, sbx, id, ACTIONS.approveReview);
      const today = await sandboxToday(ctx, sbx);
      const object = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, object, 'in_public_notice', 'after the review passed');
      const due = expectedDeadline(today, L.publicNotice);
      expectDeadline(ctx, object, L.publicNotice, due, false);
      ctx.expect.that(typeof object.noticeId === 'string', 'the application names its public notice', 'a noticeId', object.noticeId);
      const notice = await sbx.http(1).request('GET', 'registration', `/public-notices/${encodeURIComponent(String(object.noticeId))}`, { sign: false });
      ctx.expect.that(notice.status === 200 && isRecord(notice.body) && notice.body.endsOn === due.dueDate, 'the notice is public and ends on the 10th working day', `200 with endsOn ${due.dueDate}`, notice.body);
      const objections = `/public-notices/${encodeURIComponent(String(object.noticeId))}/objections`;
      const objector = { kind: 'organization', name: '异议人', creditCode: sbx.organizations[1]?.creditCode };
      const object_ = (json: unknown) => postJson(ctx, sbx.http(1), 'registration', objections, json);
      expectFieldRefusal(ctx.expect, await object_({ objector, text: 'conformance', evidence: [] }), '/evidence', 'an objection without evidence');
      expectFieldRefusal(ctx.expect, await object_({ text: 'conformance', evidence: [EVIDENCE] }), '/objector', 'an objection without the objector\'s real identity');
      await sbx.advance({ to: justAfter(due) });
      const late = await object_({ objector, text: 'conformance', evidence: [EVIDENCE] });
      expectProblem(ctx.expect, late, 409, 'OBJECTION_WINDOW_CLOSED', 'an objection after the notice ended');
    });
  }),
];
