import { addDays } from '@gdx/calendar';
import { isRecord } from '../../http/response.js';
import { expectedDeadline, justAfter, workingDaysAfter } from '../../rules/deadlines.js';
import { LIMITS, TERM_CAP_YEARS } from '../../rules/limits.js';
import type { Check } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { expectStatus, listItems, postJson } from '../requests.js';
import {
  activeAuthorization, agreementOf, AOP, approvedPlan, closedCall, inAopSandbox, publishedScopeItem, readAop, startSelection, submitBid, submittedPlan, submittedProduct, termOf,
} from './authorized-operation-steps.js';
import { act, AOP_ACTIONS } from './officials.js';
import { eventTypes, expectDeadline, expectState, sandboxToday } from './sandbox.js';

const L = LIMITS.national.authorizedOperation;
const check = workflowCheck(AOP);
const plan = (id: string) => `/plans/${encodeURIComponent(id)}`;
const selection = (id: string) => `/selections/${encodeURIComponent(id)}`;
const authorization = (id: string) => `/authorizations/${encodeURIComponent(id)}`;
const product = (id: string) => `/products/${encodeURIComponent(id)}`;

/**
 * Deadlines of the authorized-operation procedures (shared/domain/authorized-operation.md §1–§5),
 * each computed independently with `@gdx/calendar` from `LIMITS.*.authorizedOperation`: the plan's
 * deliberation and filing, the tender period and the agreement's deliberation, the term against its
 * 5-year cap, rectification, and a product's compliance review.
 *
 * @example
 * ```ts
 * aopProcedureChecks.map((c) => c.id); // ['AOP-PLAN-01', …]
 * ```
 */
export const aopProcedureChecks: Check[] = [
  check('AOP-PLAN-01', 'a plan submitted Friday 2025-09-26 is deliberated by 2025-11-13 (30 WD, the National Day week skipped)', L.planDeliberation.basis, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await submittedPlan(ctx, sbx, cast);
      const object = await readAop(ctx, sbx, plan(id), cast.implementingBody);
      expectState(ctx, object, 'under_deliberation', 'after the submission');
      expectDeadline(ctx, object, L.planDeliberation, expectedDeadline(await sandboxToday(ctx, sbx), L.planDeliberation), false);
    });
  }),
  check('AOP-PLAN-02', 'a deliberation past 30 WD is overdue, recorded, and never approved by the clock', `${L.planDeliberation.basis}; shared/domain/authorized-operation.md ambiguity 8 (overdue is flagged, never approved)`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await submittedPlan(ctx, sbx, cast);
      const due = expectedDeadline(await sandboxToday(ctx, sbx), L.planDeliberation);
      await sbx.advance({ to: justAfter(due) });
      const object = await readAop(ctx, sbx, plan(id), cast.implementingBody);
      expectState(ctx, object, 'under_deliberation', 'after the deliberation limit');
      expectDeadline(ctx, object, L.planDeliberation, due, true);
      ctx.expect.that(eventTypes(object).includes('deadline_overdue'), 'a deadline_overdue event is recorded', 'deadline_overdue', eventTypes(object));
    });
  }),
  check('AOP-PLAN-03', 'an approved plan is filed with the provincial data authority within 10 WD of the approval', L.planFiling.basis, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const submitted = await submittedPlan(ctx, sbx, cast);
      const approvedOn = workingDaysAfter(await sandboxToday(ctx, sbx), 3);
      await sbx.advance({ to: `${approvedOn}T15:00:00+08:00` });
      expectStatus(ctx, await act(sbx, AOP, 'plan', submitted, AOP_ACTIONS.approvePlan), 200, 'the grantor approves the plan');
      const object = await readAop(ctx, sbx, plan(submitted), cast.implementingBody);
      expectState(ctx, object, 'approved', 'after the approval');
      expectDeadline(ctx, object, L.planFiling, expectedDeadline(approvedOn, L.planFiling), false);
    });
  }),
  check('AOP-PLAN-04', 'a selection names its approved plan: without planId it answers 422 PLAN_REQUIRED at /planId and nothing is created', `发改数据规〔2025〕27号 第八–十二条 (selection on the approved plan); shared/domain/authorized-operation.md §1 (every shipped profile requires a plan)`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const res = await postJson(ctx, sbx.http(cast.implementingBody), AOP, '/selections', { method: 'negotiation' });
      expectProblem(ctx.expect, res, 422, 'PLAN_REQUIRED', 'a selection without planId');
      const errors = isRecord(res.body) && Array.isArray(res.body.errors) ? res.body.errors.filter(isRecord) : [];
      ctx.expect.that(errors.some((e) => e.pointer === '/planId'), 'the problem points at the field', '/planId', errors.map((e) => e.pointer));
      const list = await sbx.http(cast.implementingBody).request('GET', AOP, '/selections', { query: { limit: 200 } });
      ctx.expect.equal(listItems(list).length, 0, 'nothing is stored for the refused selection');
    });
  }),
  check('AOP-PLAN-05', 'a major change of an approved plan is deliberated within 30 WD of the change\'s submission, on its own limit (startTrigger change_submitted)', L.planChangeDeliberation.basis, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await approvedPlan(ctx, sbx, cast);
      const proposedOn = workingDaysAfter(await sandboxToday(ctx, sbx), 5);
      await sbx.advance({ to: `${proposedOn}T10:00:00+08:00` });
      const approved = await readAop(ctx, sbx, plan(id), cast.implementingBody);
      const res = await postJson(ctx, sbx.http(cast.implementingBody), AOP, `${plan(id)}/changes`, { reason: 'conformance: 重大变更', content: approved.content });
      expectStatus(ctx, res, 200, 'the implementing body proposes a major change');
      const object = await readAop(ctx, sbx, plan(id), cast.implementingBody);
      expectState(ctx, object, 'change_deliberation', 'after the change was proposed');
      expectDeadline(ctx, object, L.planChangeDeliberation, expectedDeadline(proposedOn, L.planChangeDeliberation), false);
      const d = isRecord(object.deadline) ? object.deadline : {};
      ctx.expect.equal({ step: d.step, startTrigger: d.startTrigger }, { step: L.planChangeDeliberation.step, startTrigger: 'change_submitted' }, 'the change\'s deadline names its own step and trigger');
    });
  }),
  check('AOP-SEL-01', 'a tender selects no operator before its 20 calendar days end: 409 TENDER_PERIOD_RUNNING', L.tenderPeriod.basis, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await startSelection(ctx, sbx, cast, await approvedPlan(ctx, sbx, cast), 'open_tender');
      await submitBid(ctx, sbx, cast, id);
      const due = expectedDeadline(await sandboxToday(ctx, sbx), L.tenderPeriod);
      const object = await readAop(ctx, sbx, selection(id), cast.implementingBody);
      expectState(ctx, object, 'selecting', 'after the tender started');
      expectDeadline(ctx, object, L.tenderPeriod, due, false);
      const operatorId = sbx.organizations[cast.operator]?.id;
      await sbx.advance({ to: `${due.dueDate}T15:00:00+08:00` });
      expectProblem(ctx.expect, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.select, { operatorId }), 409, 'TENDER_PERIOD_RUNNING', 'a selection on the last day of the tender period');
      await sbx.advance({ to: justAfter(due) });
      expectStatus(ctx, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.select, { operatorId }), 200, 'the implementing body selects once the period ended');
    });
  }),
  check('AOP-SEL-02', 'the agreement is deliberated within 20 WD of the day it went to deliberation', L.agreementDeliberation.basis, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await startSelection(ctx, sbx, cast, await approvedPlan(ctx, sbx, cast), 'negotiation');
      expectStatus(ctx, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.select, { operatorId: sbx.organizations[cast.operator]?.id }), 200, 'the implementing body selects the operator');
      const today = await sandboxToday(ctx, sbx);
      const agreement = agreementOf([await publishedScopeItem(ctx, sbx)], termOf(today, 3));
      expectStatus(ctx, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.deliberateAgreement, { agreement }), 200, 'the agreement goes to deliberation');
      const object = await readAop(ctx, sbx, selection(id), cast.implementingBody);
      expectState(ctx, object, 'agreement_deliberation', 'after the agreement went to deliberation');
      expectDeadline(ctx, object, L.agreementDeliberation, expectedDeadline(today, L.agreementDeliberation), false);
    });
  }),
  check('AOP-TERM-01', 'a signed authorization is active until the last day of its agreed term, within the 5-year cap', '发改数据规〔2025〕27号 第十四条(二) ("原则上最长不超过 5 年")', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      const today = await sandboxToday(ctx, sbx);
      const object = await readAop(ctx, sbx, authorization(id), cast.operator);
      expectState(ctx, object, 'active', 'after signing');
      const term = termOf(today, 3);
      const deadline = isRecord(object.deadline) ? object.deadline : {};
      ctx.expect.equal({ step: deadline.step, startedOn: deadline.startedOn, dueDate: deadline.dueDate }, { step: 'term', startedOn: term.from, dueDate: term.to }, 'the term runs from signing to its last day');
      const termCheck = isRecord(object.termCheck) ? object.termCheck : {};
      ctx.expect.equal({ capYears: termCheck.capYears, capEndsOn: termCheck.capEndsOn, outcome: termCheck.outcome }, { capYears: TERM_CAP_YEARS, capEndsOn: termOf(today, TERM_CAP_YEARS).to, outcome: 'ok' }, 'a 3-year term is within the cap');
    });
  }),
  check('AOP-SEL-03', 'an Inner Mongolia call closes by the clock after its 20 calendar days; the qualification review is then due in 20 WD', `${LIMITS['inner-mongolia'].authorizedOperation.callPeriod.basis}; ${LIMITS['inner-mongolia'].authorizedOperation.qualificationReview.basis}`, async (ctx) => {
    await inAopSandbox(ctx, 'inner-mongolia', async (sbx, cast) => {
      const im = LIMITS['inner-mongolia'].authorizedOperation;
      const { id, callEnd } = await closedCall(ctx, sbx, cast);
      const object = await readAop(ctx, sbx, selection(id), cast.implementingBody);
      expectState(ctx, object, 'review', 'after the call period');
      // The call ends at 24:00 of its last day: the review starts on the next day.
      expectDeadline(ctx, object, im.qualificationReview, expectedDeadline(addDays(callEnd.dueDate, 1), im.qualificationReview), false);
    });
  }),
  check('AOP-SEL-04', 'a negotiation runs no bid period: neither it nor any of its events shows a deadline, and after 20 calendar days nothing closes it and it still takes a bid', `${L.tenderPeriod.basis}; 发改数据规〔2025〕27号 第十二条 (谈判; the sources set it no period)`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await startSelection(ctx, sbx, cast, await approvedPlan(ctx, sbx, cast), 'negotiation');
      const noDeadlines = async (when: string) => {
        const object = await readAop(ctx, sbx, selection(id), cast.implementingBody);
        expectState(ctx, object, 'selecting', when);
        ctx.expect.equal(object.deadline, null, `the negotiation shows no deadline ${when}`);
        const log = listItems(await sbx.http(cast.implementingBody).request('GET', AOP, `${selection(id)}/events`, { query: { limit: 200 } }));
        const embedded = Array.isArray(object.events) ? object.events.filter(isRecord) : [];
        const withDeadline = [...embedded, ...log].filter((e) => e.deadline !== null).map((e) => `${String(e.type)}: ${JSON.stringify(e.deadline)}`);
        ctx.expect.equal(withDeadline, [], `no event of the negotiation carries a deadline ${when} (its first one included)`);
        return object;
      };
      await noDeadlines('at its start');
      await sbx.advance({ to: justAfter(expectedDeadline(await sandboxToday(ctx, sbx), L.tenderPeriod)) });
      await submitBid(ctx, sbx, cast, id);
      const object = await noDeadlines('after the 20 calendar days of a tender and a bid');
      ctx.expect.that(!eventTypes(object).includes('tender_closed'), 'nothing closes a negotiation', 'no tender_closed', eventTypes(object));
    });
  }),
  check('AOP-TERM-02', 'a term over 5 years is refused in Inner Mongolia with 422 TERM_EXCEEDS_CAP', '内政数字〔2024〕101号 第八条; shared/domain/authorized-operation.md ambiguity 2 (error in inner-mongolia)', async (ctx) => {
    await inAopSandbox(ctx, 'inner-mongolia', async (sbx, cast) => {
      const { id } = await closedCall(ctx, sbx, cast);
      expectStatus(ctx, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.passReview, { operatorId: sbx.organizations[cast.operator]?.id }), 200, 'the 主管部门 passes the review');
      expectStatus(ctx, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.approveSelection), 200, 'the government approves the selection');
      const agreement = agreementOf([await publishedScopeItem(ctx, sbx)], termOf(await sandboxToday(ctx, sbx), TERM_CAP_YEARS + 1), 'inner-mongolia');
      expectStatus(ctx, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.deliberateAgreement, { agreement }), 200, 'the agreement goes to deliberation');
      expectProblem(ctx.expect, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.sign, { agreement, justification: 'conformance: 项目投资回收期长' }), 422, 'TERM_EXCEEDS_CAP', 'signing a 6-year term');
      expectState(ctx, await readAop(ctx, sbx, selection(id), cast.implementingBody), 'agreement_deliberation', 'after the refused signature');
    });
  }),
  check('AOP-RECT-01', 'a rectification order gives the operator 30 calendar days from the notice', L.rectification.basis, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      // A yearly evaluation evaluates an ended year of the term (内政数字〔2024〕101号 第三十四条): a term running since last year.
      const id = await activeAuthorization(ctx, sbx, cast, 'national', 3, `${Number((await sandboxToday(ctx, sbx)).slice(0, 4)) - 1}-01-01`);
      expectStatus(ctx, await act(sbx, AOP, 'authorization', id, AOP_ACTIONS.startEvaluation), 200, 'the data authority starts the evaluation');
      const orderedOn = workingDaysAfter(await sandboxToday(ctx, sbx), 5);
      await sbx.advance({ to: `${orderedOn}T15:00:00+08:00` });
      expectStatus(ctx, await act(sbx, AOP, 'authorization', id, AOP_ACTIONS.orderRectification), 200, 'the data authority orders a rectification');
      const object = await readAop(ctx, sbx, authorization(id), cast.operator);
      expectState(ctx, object, 'rectifying', 'after the rectification order');
      expectDeadline(ctx, object, L.rectification, expectedDeadline(orderedOn, L.rectification), false);
    });
  }),
  check('AOP-PRODUCT-01', "a product's compliance review is due 5 WD after its submission", L.complianceReview.basis, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await submittedProduct(ctx, sbx, cast, await activeAuthorization(ctx, sbx, cast, 'national'));
      const object = await readAop(ctx, sbx, product(id), cast.operator);
      expectState(ctx, object, 'compliance_review', 'after the submission');
      expectDeadline(ctx, object, L.complianceReview, expectedDeadline(await sandboxToday(ctx, sbx), L.complianceReview), false);
    });
  }),
];
