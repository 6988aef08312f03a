import type { OperationContext, OperationHandler, OperationResult, SandboxContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { blankTextError, isBlankText, refuseBlankTexts } from '../../app/blank-text.js';
import { addDays, formatShanghaiInstant, shanghaiDate } from '@gdx/calendar';
import type { Deadline } from '@gdx/kernel';
import { checkPeriod, checkSubjectIsCaller, DATA_OBJECTION, DATA_OBJECTION_TEXTS, dataObjectionView, fileDataObjection, referencedProvider, illegalTransition, listPage, requireRole, type DataObjectionRecord, type DataObjectionSubmission } from '../workflow-host/index.js';
import { startBlockedReporting } from './grant-lifecycle.js';
import { addReport, type DemandRecord, type GrantRecord, type OpenDataState, type UsageReportRecord } from './open-data-state.js';
import { demandView, grantView, spotCheckView, usageReportView } from './wire-views.js';
import { DEMAND, GRANT, SPOT_CHECK } from './object-kinds.js';

type Ctx = OperationContext<OpenDataState>;

function ownGrant(ctx: Ctx): GrantRecord {
  const id = ctx.params.grantId ?? '';
  const grant = ctx.state.grants.get(id);
  if (!grant || grant.owner !== ctx.caller?.id) throw new PlatformProblem('NOT_FOUND', unknownId('/path/grantId', GRANT, id));
  return grant;
}

function reportProblem(pointer: string, code: string, zh: string, en: string) {
  return { pointer, code, message: { zh, en } };
}

/**
 * A usage report answers for days of the grant that no report has answered yet (the platform
 * tracks reports due and overdue, 第二十四条, so a repeated report must not clear a duty to come):
 * its period lies within the grant's validity (`PERIOD_OUT_OF_RANGE` at `/period/from` or
 * `/period/to`), overlaps no period already reported (`PERIOD_ALREADY_REPORTED` at the day that
 * falls in it), has ended by `today` (`PERIOD_NOT_ENDED` at `/period/to`: days still to come
 * cannot be reported on, and counting them would clear a duty before they were lived; a period
 * may be reported on its last day), and its summary is written out (`TEXT_BLANK` at `/summary`). 400
 * `VALIDATION_FAILED`, every refused field together; nothing is stored.
 */
function checkReport(state: OpenDataState, grant: GrantRecord, body: { period: { from: string; to: string }; summary: string }, today: string): void {
  const { from, to } = body.period;
  const errors: ReturnType<typeof reportProblem>[] = [];
  if (from < grant.validFrom) {
    errors.push(reportProblem('/period/from', 'PERIOD_OUT_OF_RANGE', `报告期间须在授权有效期内（${grant.validFrom} 至 ${grant.validUntil}）：${from}`, `The period reported on must lie within the grant's validity (${grant.validFrom} to ${grant.validUntil}): ${from}`));
  }
  if (to > grant.validUntil) {
    errors.push(reportProblem('/period/to', 'PERIOD_OUT_OF_RANGE', `报告期间须在授权有效期内（${grant.validFrom} 至 ${grant.validUntil}）：${to}`, `The period reported on must lie within the grant's validity (${grant.validFrom} to ${grant.validUntil}): ${to}`));
  }
  if (errors.length === 0) {
    const earlier = (state.reportsByGrant.get(grant.id) ?? []).map((id) => state.reports.get(id) as UsageReportRecord).find((r) => from <= r.period.to && to >= r.period.from);
    if (earlier) {
      const field = from >= earlier.period.from ? 'from' : 'to';
      const { from: f, to: t } = earlier.period;
      errors.push(reportProblem(`/period/${field}`, 'PERIOD_ALREADY_REPORTED', `${f} 至 ${t} 已有使用报告（${earlier.id}），报告期间不得重叠`, `The days ${f} to ${t} are already reported on (${earlier.id}): periods reported on must not overlap`));
    }
    if (to > today) {
      errors.push(reportProblem('/period/to', 'PERIOD_NOT_ENDED', `报告期间尚未结束（截止 ${to}，今日为 ${today}），期间结束后方可报告`, `The period reported on has not ended (it ends on ${to}; today is ${today}): report on it once it has`));
    }
  }
  if (isBlankText(body.summary)) {
    errors.push(blankTextError('/summary'));
  }
  if (errors.length > 0) {
    throw new PlatformProblem('VALIDATION_FAILED', { detail: errors.map((e) => e.message.en).join('; '), errors });
  }
}

/**
 * The earliest day the period after `due` could end: its limit counted in calendar days from the
 * last day of `due`'s period, where the next one starts (a working-day period ends no earlier);
 * `''` for a limit in hours or years (then the duty goes on as before).
 */
function nextPeriodEnds(state: OpenDataState, due: Deadline): string {
  return due.unit === 'calendar_days' || due.unit === 'working_days' ? addDays(state.host.periodEnd(due), due.limit) : '';
}

function submitUsageReport(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const grant = ownGrant(ctx);
  const body = ctx.body as { period: { from: string; to: string }; summary: string; withinScenario: boolean; attachments?: unknown[] };
  checkPeriod(body.period, '/period');
  // Checked live only: a report an older version acknowledged replays as it was answered.
  if (!ctx.replaying) checkReport(state, grant, body, shanghaiDate(sandbox.now()));
  // Loading the year starts a blocked duty; until then a report says why none is tracked yet.
  const blocked = startBlockedReporting(state, grant);
  if (blocked) throw blocked;
  const running = grant.reporting ? state.host.get(grant.id) : undefined;
  if (!running) {
    // The grant has no usage-feedback condition: no reports are due.
    throw illegalTransition(grant.state, 'submit_report', [], 'NO_REPORTS_DUE');
  }
  const due = running.deadline;
  // The duty ends with the grant: when the next period would end after it, this is the last report
  // (no further due date, so no holiday year past the grant is needed).
  const last = due !== null && nextPeriodEnds(state, due) > grant.validUntil;
  state.host.dispatch(grant.id, last ? 'submit_last_report' : 'submit_report', { actor: { role: 'applicant', organizationId: grant.owner }, payload: { report: body } });
  const report: UsageReportRecord = {
    id: sandbox.ids.next('urp'),
    grantId: grant.id,
    period: body.period,
    summary: body.summary,
    withinScenario: body.withinScenario,
    attachments: body.attachments ?? [],
    submittedAt: formatShanghaiInstant(sandbox.now()),
    dueDate: due?.dueDate ?? '',
    late: due?.overdue ?? false,
  };
  state.reports.set(report.id, report);
  addReport(state.reportsByGrant, report);
  return { status: 201, body: usageReportView(report) };
}

/**
 * Files a data-subject objection on the open-data platform (owner `null` for a third party, the
 * submission at `at` in the simulation API's body); the referenced dataset's (or catalog
 * entry's) provider answers (an unknown one → 404, nothing filed).
 *
 * @example
 * ```ts
 * fileOpenDataObjection(state, sandbox, caller.id, 'applicant', submission);
 * ```
 */
export function fileOpenDataObjection(state: OpenDataState, sandbox: SandboxContext, owner: string | null, role: string, submission: DataObjectionSubmission, at = ''): DataObjectionRecord {
  const providerId = referencedProvider(submission, at, (id) => state.datasets.get(id)?.provider ?? state.datasets.entry(id)?.provider);
  return fileDataObjection(state.host, sandbox, { machineId: 'open-data.data-objection', owner, role, providerId, submission }, state.objections);
}

/** The holder's answer to a spot check of its grant (404 for another grant's or organisation's); answered once. */
function answerSpotCheck(ctx: Ctx): OperationResult {
  const { state } = ctx;
  const grant = ownGrant(ctx);
  const checkId = ctx.params.spotCheckId ?? '';
  const check = state.spotChecks.get(checkId);
  if (!check || check.grantId !== grant.id) throw new PlatformProblem('NOT_FOUND', unknownId('/path/spotCheckId', SPOT_CHECK, checkId, `no spot check ${checkId} of grant ${grant.id}`));
  // A written answer, as the simulation API's `answer` must be; live only, as every check here.
  if (!ctx.replaying) refuseBlankTexts(ctx.body, ['/text']);
  state.host.dispatch(check.id, 'answer', { actor: { role: 'applicant', organizationId: grant.owner }, payload: { answer: ctx.body } });
  return { status: 200, body: spotCheckView(state, check) };
}

/**
 * A demand for data not yet open (需求受理反馈) comes from society, as an application does
 * (open-data.md): a government department states its data needs through sharing, so only an
 * `applicant` files one (403 `FORBIDDEN` otherwise, nothing stored). Checked live only: a demand an
 * older version acknowledged from another organisation replays as answered.
 */
function submitDemand(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = ctx.replaying ? ctx.caller! : requireRole(ctx, 'applicant');
  if (!ctx.replaying) refuseBlankTexts(ctx.body, ['/title', '/description']);
  const actor = { role: 'applicant', organizationId: caller.id };
  state.host.check('open-data.demand', { actor });
  const record: DemandRecord = { id: sandbox.ids.next('dmd'), owner: caller.id, requester: { creditCode: caller.creditCode, name: caller.name }, submission: structuredClone(ctx.body as DemandRecord['submission']) };
  state.demands.set(record.id, record);
  state.host.create('open-data.demand', { id: record.id, actor });
  return { status: 201, location: `/demands/${record.id}`, body: demandView(state, record) };
}

/**
 * Grants with their usage reports and spot checks, demands and data objections of the signed organisation.
 *
 * @example
 * ```ts
 * grantOperations.getGrant(ctx).body.usageReportsDue;
 * ```
 */
export const grantOperations: Record<string, OperationHandler<OpenDataState>> = {
  getGrant: (ctx) => ({ status: 200, body: grantView(ctx.state, ownGrant(ctx)) }),
  submitUsageReport,
  listUsageReports: (ctx) => {
    const grant = ownGrant(ctx);
    const reports = (ctx.state.reportsByGrant.get(grant.id) ?? []).map((id) => ctx.state.reports.get(id) as UsageReportRecord);
    return { status: 200, body: listPage(ctx, reports, ['string', 'string'], (r) => [r.submittedAt, r.id], usageReportView) };
  },
  listSpotChecks: (ctx) => {
    const grant = ownGrant(ctx);
    const wanted = typeof ctx.query['state'] === 'string' ? ctx.query['state'] : undefined;
    return { status: 200, body: ctx.state.host.listPage(ctx, 'spot_check', grant.id, wanted, (id) => spotCheckView(ctx.state, ctx.state.spotChecks.get(id)!)) };
  },
  answerSpotCheck,
  submitDemand,
  getDemand: (ctx) => {
    const id = ctx.params.demandId ?? '';
    const record = ctx.state.demands.get(id);
    if (!record || record.owner !== ctx.caller?.id) return ctx.problem('NOT_FOUND', unknownId('/path/demandId', DEMAND, id));
    return { status: 200, body: demandView(ctx.state, record) };
  },
  submitDataObjection: (ctx) => {
    const body = ctx.body as DataObjectionSubmission;
    // Checked live only: an objection an older version acknowledged replays as it was answered.
    if (!ctx.replaying) {
      refuseBlankTexts(body, DATA_OBJECTION_TEXTS);
      checkSubjectIsCaller(body.subject, ctx.caller!);
    }
    const record = fileOpenDataObjection(ctx.state, ctx.sandbox, ctx.caller!.id, 'applicant', body);
    return { status: 201, location: `/data-objections/${record.id}`, body: dataObjectionView(ctx.state.host, record) };
  },
  getDataObjection: (ctx) => {
    const id = ctx.params.objectionId ?? '';
    const record = ctx.state.objections.get(id);
    if (!record || record.owner !== ctx.caller?.id) return ctx.problem('NOT_FOUND', unknownId('/path/objectionId', DATA_OBJECTION, id));
    return { status: 200, body: dataObjectionView(ctx.state.host, record) };
  },
};
