import { describeResponse, isRecord, type HttpResponse } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, justAfter, workingDaysAfter } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { act, ACTIONS } from './officials.js';
import { app, objectTo, START, toPublicNotice } from './registration-steps.js';
import { expectDeadline, expectState, readObject, withSandbox } from './sandbox.js';

const L = LIMITS.national.registration;
const REG_26 = '发改数据规〔2025〕26号';
/** The domain's default where the sources are silent on the notice clock during an objection. */
const CLOCK_RUNS = 'shared/domain/registration.md §The procedure (objection_review: no limit in the sources; choice: the notice clock keeps running)';

const check = workflowCheck('registration');

/** Files an objection, failing the check unless it answers 201 with an id; returns the objection id. */
async function fileObjection(ctx: CheckContext, sbx: Sandbox, noticeId: string): Promise<string> {
  const filed = await objectTo(ctx, sbx, noticeId);
  ctx.expect.that(filed.status === 201 && isRecord(filed.body) && typeof filed.body.id === 'string', 'an objection inside the window is filed', '201 with the objection', describeResponse(filed));
  return String((filed.body as Record<string, unknown>).id);
}

/** The registry decides on a notice objection; the check fails unless it answers 200. */
async function decideObjection(ctx: CheckContext, sbx: Sandbox, objectionId: string, action: string): Promise<void> {
  const res: HttpResponse = await act(sbx, 'registration', 'objection', objectionId, action);
  ctx.expect.that(res.status === 200, `the registry's "${action}" is accepted`, '200', describeResponse(res));
}

/** Reads a public notice without a signature (notices are public). */
async function readNotice(ctx: CheckContext, sbx: Sandbox, noticeId: string): Promise<Record<string, unknown>> {
  const res = await sbx.http(1).request('GET', 'registration', `/public-notices/${encodeURIComponent(noticeId)}`, { sign: false });
  ctx.expect.that(res.status === 200 && isRecord(res.body), 'the public notice is readable without a signature', '200 with the notice', describeResponse(res));
  return res.body as Record<string, unknown>;
}

/**
 * Objections to a public notice (第十二条): upheld → `terminated`; dismissed while the notice runs
 * → back to the running notice, whose clock never stopped; still under review when the notice
 * ends → nothing is coded until the registry decides, and a dismissal then codes at once.
 *
 * @example
 * ```ts
 * objectionChecks.map((c) => c.id); // ['REG-OBJECTION-01', 'REG-OBJECTION-02', 'REG-OBJECTION-03']
 * ```
 */
export const objectionChecks: Check[] = [
  check('REG-OBJECTION-01', 'a real-name objection with evidence during the notice moves it to objection review; upheld, the application is terminated', `${REG_26} 第十二条`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const { id, noticeId } = await toPublicNotice(ctx, sbx);
      await sbx.advance({ workingDays: 2 });
      const objectionId = await fileObjection(ctx, sbx, noticeId);
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id)), 'objection_review', 'after the objection');
      await decideObjection(ctx, sbx, objectionId, ACTIONS.upholdObjection);
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id)), 'terminated', 'after the objection was upheld');
    });
  }),
  check('REG-OBJECTION-02', 'a dismissed objection returns the application to its running notice: the notice clock kept running and its end does not move', `${REG_26} 第十二条; ${CLOCK_RUNS}`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const { id, noticeId, startedOn } = await toPublicNotice(ctx, sbx);
      const due = expectedDeadline(startedOn, L.publicNotice);
      await sbx.advance({ to: `${workingDaysAfter(startedOn, 2)}T10:00:00+08:00` });
      const objectionId = await fileObjection(ctx, sbx, noticeId);
      const underReview = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, underReview, 'objection_review', 'after the objection');
      expectDeadline(ctx, underReview, L.publicNotice, due, false);
      const notice = await readNotice(ctx, sbx, noticeId);
      ctx.expect.equal({ status: notice.status, endsOn: notice.endsOn }, { status: 'under_objection', endsOn: due.dueDate }, 'the notice during the objection review');
      await sbx.advance({ to: `${workingDaysAfter(startedOn, 5)}T10:00:00+08:00` });
      await decideObjection(ctx, sbx, objectionId, ACTIONS.dismissObjection);
      const back = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, back, 'in_public_notice', 'after the objection was dismissed');
      // Neither restarted from the dismissal day nor extended by the days under review.
      expectDeadline(ctx, back, L.publicNotice, due, false);
      const reopened = await readNotice(ctx, sbx, noticeId);
      ctx.expect.equal({ status: reopened.status, endsOn: reopened.endsOn }, { status: 'running', endsOn: due.dueDate }, 'the notice after the dismissal');
      await sbx.advance({ to: justAfter(due) });
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id)), 'registered', 'when the original notice period ended');
    });
  }),
  check('REG-OBJECTION-03', 'an objection still under review when the notice ends holds the coding; dismissed, the registration is coded at once', `${REG_26} 第十二条 (公示期满无异议的赋码); ${CLOCK_RUNS}`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const { id, noticeId, startedOn } = await toPublicNotice(ctx, sbx);
      const due = expectedDeadline(startedOn, L.publicNotice);
      await sbx.advance({ to: `${workingDaysAfter(startedOn, 8)}T10:00:00+08:00` });
      const objectionId = await fileObjection(ctx, sbx, noticeId);
      await sbx.advance({ to: justAfter(due) });
      const pending = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, pending, 'objection_review', 'the notice ended with the objection undecided');
      ctx.expect.equal(pending.registrationId ?? null, null, 'nothing is coded while an objection is undecided: registrationId');
      expectProblem(ctx.expect, await objectTo(ctx, sbx, noticeId), 409, 'OBJECTION_WINDOW_CLOSED', 'a further objection after the notice ended');
      const decidedOn = workingDaysAfter(due.dueDate, 1);
      await sbx.advance({ to: `${decidedOn}T10:00:00+08:00` });
      await decideObjection(ctx, sbx, objectionId, ACTIONS.dismissObjection);
      const coded = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, coded, 'registered', 'dismissed after the notice ended');
      const registration = await readObject(ctx, sbx, 'registration', `/registrations/${encodeURIComponent(String(coded.registrationId))}`);
      ctx.expect.equal(registration.codedOn, decidedOn, 'coded on the day of the dismissal: codedOn');
    });
  }),
];
