import { isRecord } from '../../http/response.js';
import { expectedDeadline, justAfter, recurringPeriod } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { Check } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { createObject, validBody } from '../fixtures.js';
import { expectStatus, postJson } from '../requests.js';
import { dataObjectionBody } from './data-objections.js';
import { findPublicItem } from './find-resource.js';
import { act, ACTIONS } from './officials.js';
import { approvedGrant, inXiamen, startSpotCheck } from './open-data-steps.js';
import { eventTypes, expectDeadline, expectState, readObject, sandboxToday } from './sandbox.js';

const L = LIMITS.xiamen.openData;
/** When ODP-USAGE-02's grant is issued: a day whose 90-day periods end on rest days. */
const USAGE_GRANTED_AT = '2025-11-03T10:00:00+08:00';
const check = workflowCheck('open-data');

/** The grant's entries in `usageReportsDue`. */
function reportsDue(grant: Record<string, unknown>): Record<string, unknown>[] {
  return (Array.isArray(grant.usageReportsDue) ? grant.usageReportsDue : []).filter(isRecord);
}

/** The grant's entry for the report due on `dueDate` in `usageReportsDue`. */
function reportDue(grant: Record<string, unknown>, dueDate: string): Record<string, unknown> | undefined {
  return reportsDue(grant).find((r) => r.dueDate === dueDate);
}

/**
 * Duties after approval and around the data (Xiamen profile): a usage report missed past its due
 * date is tracked as overdue, and a late one stays marked late (第二十四条(二)); its periods lie on
 * the 90-day grid from the grant, each due on its last day or the next working day after rest
 * days, the next starting where the previous ended (民法典 第二百零三条 moves the due day, not the
 * period); a data-subject
 * objection on the open-data platform is due in 5 WD and, missed, flagged rather than deemed
 * answered (第十四条, shared with the sharing platform); a spot check of a grant with usage
 * feedback is answered by its holder (接受抽查, 第二十四条; 10 WD, the contract's choice).
 *
 * @example
 * ```ts
 * openDataDutyChecks.map((c) => c.id); // ['ODP-USAGE-02', 'ODP-OBJECTION-01', 'ODP-SPOT-01']
 * ```
 */
export const openDataDutyChecks: Check[] = [
  check('ODP-USAGE-02', 'a usage report missed for 90 calendar days from the grant falls overdue; submitted late, it stays marked late; the next period follows on from the end of the first, not from its due date', `${L.usageReport.basis}; 民法典 第二百零三条; shared/domain/open-data.md §After approval (the platform tracks reports due and overdue)`, async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      // Granted on 2025-11-03: the first period ends on Sunday 2026-02-01 (due Monday 02-02), the
      // second on 2026-05-02 in the Labour Day holiday (due 05-06), so a grid counted on from a
      // moved due date shows.
      await sbx.advance({ to: USAGE_GRANTED_AT });
      const { grantId, issuedOn } = await approvedGrant(ctx, sbx, 'usage_feedback');
      const path = `/grants/${encodeURIComponent(grantId)}`;
      const due = expectedDeadline(issuedOn, L.usageReport);
      const first = recurringPeriod(issuedOn, L.usageReport, 1);
      const fresh = await readObject(ctx, sbx, 'open-data', path);
      expectDeadline(ctx, fresh, L.usageReport, due, false);
      ctx.expect.equal(reportDue(fresh, due.dueDate), { ...first, submitted: false, overdue: false }, 'the first report is listed as due: the period ends 90 days after the grant, the report on that day or the next working day');
      await sbx.advance({ to: justAfter(due) });
      const late = await readObject(ctx, sbx, 'open-data', path);
      expectDeadline(ctx, late, L.usageReport, due, true);
      ctx.expect.equal(reportDue(late, due.dueDate), { ...first, submitted: false, overdue: true }, 'the missed report is listed as overdue');
      const body = validBody(ctx, 'open-data', 'post', '/grants/{grantId}/usage-reports', { period: { from: issuedOn, to: first.periodEnd } }, sbx.organizations[0]?.creditCode);
      await createObject(ctx, sbx.http(0), 'open-data', `${path}/usage-reports`, body);
      const after = await readObject(ctx, sbx, 'open-data', path);
      ctx.expect.equal(reportDue(after, due.dueDate)?.submitted, true, 'the late report is recorded as submitted');
      ctx.expect.equal(reportDue(after, due.dueDate)?.overdue, true, 'the late report stays marked overdue');
      const second = recurringPeriod(issuedOn, L.usageReport, 2);
      // The duty ends with the grant: no second period is due when it would end after the grant.
      const expected = second.periodEnd <= String(after.validUntil) ? { ...second, submitted: false, overdue: false } : undefined;
      ctx.expect.equal(reportsDue(after).find((r) => r.submitted === false), expected, 'the next report is listed as due: its period runs on from the end of the first (not from the due date moved off a rest day)');
    });
  }),
  check('ODP-OBJECTION-01', 'a data objection on the open-data platform is due in 5 WD; missed, it is flagged overdue, never deemed answered', `${L.dataObjection.basis}; shared/domain/open-data.md §After approval (the data-subject objection applies here too)`, async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      const datasetId = await findPublicItem(ctx, sbx, 'open-data', '/datasets', { openingType: 'open' });
      const { id } = await createObject(ctx, sbx.http(0), 'open-data', '/data-objections', dataObjectionBody(sbx, 0, datasetId));
      const path = `/data-objections/${encodeURIComponent(id)}`;
      const due = expectedDeadline(await sandboxToday(ctx, sbx), L.dataObjection);
      const filed = await readObject(ctx, sbx, 'open-data', path);
      expectState(ctx, filed, 'submitted', 'a new data objection');
      expectDeadline(ctx, filed, L.dataObjection, due, false);
      await sbx.advance({ to: justAfter(due) });
      const overdue = await readObject(ctx, sbx, 'open-data', path);
      expectState(ctx, overdue, 'submitted', 'after the answer limit');
      expectDeadline(ctx, overdue, L.dataObjection, due, true);
      ctx.expect.that(eventTypes(overdue).includes('deadline_overdue'), 'a deadline_overdue event is recorded', 'deadline_overdue', eventTypes(overdue));
      expectStatus(ctx, await act(sbx, 'open-data', 'data_objection', id, ACTIONS.answer), 200, 'the provider answers late');
      const answered = await readObject(ctx, sbx, 'open-data', path);
      expectState(ctx, answered, 'answered', 'after the answer');
      ctx.expect.that(isRecord(answered.answer), 'the answer is recorded', 'an answer { text }', answered.answer);
    });
  }),
  check('ODP-SPOT-01', 'a grant with usage feedback accepts spot checks: its holder answers each in writing, within 10 WD (choice), once', `${L.spotCheck.basis}; shared/domain/open-data.md §After approval (the holder answers spot checks)`, async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      const { grantId } = await approvedGrant(ctx, sbx, 'usage_feedback');
      const checkId = await startSpotCheck(ctx, sbx, grantId);
      const path = `/grants/${encodeURIComponent(grantId)}/spot-checks`;
      const due = expectedDeadline(await sandboxToday(ctx, sbx), L.spotCheck);
      const listed = await sbx.http(0).request('GET', 'open-data', path, { query: { state: 'submitted' } });
      expectStatus(ctx, listed, 200, 'the holder lists the spot checks of its grant');
      const pending = (isRecord(listed.body) && Array.isArray(listed.body.items) ? listed.body.items.filter(isRecord) : []).find((c) => c.id === checkId) ?? {};
      expectDeadline(ctx, pending, L.spotCheck, due, false);
      const answer = () => postJson(ctx, sbx.http(0), 'open-data', `${path}/${encodeURIComponent(checkId)}/answer`, { text: 'conformance: 已提供调用日志' });
      const answered = await answer();
      expectStatus(ctx, answered, 200, 'the holder answers the spot check');
      expectState(ctx, isRecord(answered.body) ? answered.body : {}, 'answered', 'the answered spot check');
      expectStatus(ctx, await answer(), 409, 'a second answer to the same spot check');
    });
  }),
];
