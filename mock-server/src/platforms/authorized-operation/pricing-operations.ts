import { formatShanghaiInstant } from '@gdx/calendar';
import { shanghaiDay } from '@gdx/kernel';
import { annualReportDue, maximumAllowedRevenue, PricingError, yearlyDeviation } from '@gdx/procedures';
import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { listPage } from '../workflow-host/index.js';
import { invalid, pricingProblem, refused } from './ao-access.js';
import type { AnnualReportRecord, AuthorizationRecord, AuthorizedOperationState, PricingActor } from './ao-records.js';
import { onAnnualReportFiled } from './annual-report-duty.js';
import { onAnnualReport } from './authorization-effects.js';
import { accompanyingReportRefusal, formalFeeRefusal } from './formal-fee-check.js';
import { applyingAuthorization, ceilingReportingAuthorization, pricingAuthorization, reportingAuthorization } from './pricing-actors.js';
import { deviationOf, pricingRules, pricingView, yearInTerm } from './pricing-view.js';
import { warningsAt } from './wire-views.js';

type Ctx = OperationContext<AuthorizedOperationState>;


/**
 * The contract's `AnnualReport`: who filed it, due 03-31 of the next year, `late` after it, with the
 * year's deviation decision. A report an older version took was the operator's (only it could file).
 */
function reportView(state: AuthorizedOperationState, authorization: AuthorizationRecord, report: AnnualReportRecord) {
  const due = annualReportDue(report.year, pricingRules(state), { submittedAt: report.submittedAt, now: state.sandbox.now() });
  const filedBy: PricingActor = report.filedBy ?? { role: 'operator', organizationId: authorization.operatorId };
  return {
    id: report.id,
    authorizationId: authorization.id,
    year: report.year,
    filedBy,
    dueDate: due.dueDate,
    submittedAt: formatShanghaiInstant(report.submittedAt),
    late: due.late,
    content: report.content,
    deviation: deviationOf(state, authorization, report.year, report.content.revenueFen),
    warnings: warningsAt(state, report.submittedAt),
  };
}

/**
 * The grantor's written application for formal fees (65号 二 "授权主体应…提出书面申请"), after a
 * complete operating year, with a filed annual report where the profile takes it so
 * (`accompanyingReportRefusal`). One an older version took from the operator is replayed as sent:
 * the machine's `grantorApplies` lets it pass while replayed.
 */
function applyForFormalFees(ctx: Ctx): OperationResult {
  const { authorization, actor } = applyingAuthorization(ctx);
  const today = shanghaiDay(ctx.sandbox.now());
  const refusal = formalFeeRefusal(authorization, today);
  if (refusal) throw refusal;
  const body = ctx.body as { note: string; annualReportYear?: number };
  // Checked live only: an older version took any year, so its journal replays as answered.
  const withReport = ctx.state.host.procedures.profile.options.authorizedOperation.formalFeesWithFirstReport;
  const reportRefusal = ctx.replaying ? undefined : accompanyingReportRefusal(authorization, body.annualReportYear, withReport);
  if (reportRefusal) throw reportRefusal;
  ctx.state.host.dispatch(authorization.id, 'apply_formal_fees', { actor: { ...actor }, payload: { application: structuredClone(body) } }, { replayed: ctx.replaying });
  return { status: 200, body: pricingView(ctx.state, authorization) };
}

/** `POST /authorizations/{id}/ceiling-reports`: the grantor's written report of the ceilings set since its last one (65号 二). */
function reportCeilings(ctx: Ctx): OperationResult {
  const { authorization, actor } = ceilingReportingAuthorization(ctx);
  ctx.state.host.dispatch(authorization.id, 'report_ceilings', { actor: { ...actor }, payload: { report: structuredClone(ctx.body) } });
  return { status: 200, body: pricingView(ctx.state, authorization) };
}

/**
 * The report on a year reports the whole year (65号 五: 上一年度), so it is filed once the year has
 * ended (Asia/Shanghai): a report on a running year would decide the deviation from a part of it,
 * and then block the real report as already submitted.
 */
function checkYearEnded(year: number, today: string): void {
  if (year < Number(today.slice(0, 4))) return;
  throw refused('YEAR_NOT_ENDED', '/year', `${year} 年度尚未结束（今日 ${today}），次年方可报送`, `The year ${year} has not ended (today is ${today}); report on it from the next year`);
}

function submitAnnualReport(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const { authorization, actor: filer } = reportingAuthorization(ctx);
  const content = ctx.body as AnnualReportRecord['content'] & { products: { productId: string }[] };
  // Costs are counted net of subsidies (65号 三(一)): no more subsidy than cost. Live only (an older journal replays as answered).
  const { totalFen, subsidiesFen } = content['costs'] as { totalFen: number; subsidiesFen: number };
  if (!ctx.replaying && subsidiesFen > totalFen) {
    throw invalid('/costs/subsidiesFen', 'SUBSIDIES_EXCEED_COSTS', `补贴（${subsidiesFen} 分）不得超过总成本（${totalFen} 分）：成本按扣除补贴后计`, `Subsidies (${subsidiesFen} fen) may not exceed the total costs (${totalFen} fen): costs are counted net of subsidies`);
  }
  if (!yearInTerm(authorization, content.year)) throw refused('YEAR_OUTSIDE_TERM', '/year', '报告年度不在授权运营期限内', 'The year lies outside the term');
  checkYearEnded(content.year, shanghaiDay(sandbox.now()));
  const unknown = content.products.findIndex((p) => state.products.get(p.productId)?.authorizationId !== authorization.id);
  if (unknown >= 0) throw invalid(`/products/${unknown}/productId`, 'UNKNOWN_PRODUCT', '该授权运营下没有此产品', 'No product of this authorization has this id');
  if (authorization.pricing.reports.some((r) => r.year === content.year)) {
    throw new PlatformProblem('CONFLICT', { detail: `${content.year} 年度报告已报送 / the report on ${content.year} was already submitted` });
  }
  const report: AnnualReportRecord = { id: sandbox.ids.next('aor'), year: content.year, submittedAt: sandbox.now(), filedBy: filer, content: structuredClone(content) };
  authorization.pricing.reports.push(report);
  onAnnualReport(state, authorization, report);
  onAnnualReportFiled(state, authorization, report.year);
  const view = reportView(state, authorization, report);
  publishReport(ctx, authorization, view);
  return { status: 201, body: view };
}

/**
 * Puts a filed report on the sandbox feed and webhooks as an `annual_report` object's first event,
 * `annual_report_submitted` (`data.late` when filed after 03-31), its filer the actor and the
 * authorization's operator, implementing body and grantor its readers. Not a workflow event of the
 * authorization: reports on its last year come after it ended, when its machine takes none.
 */
function publishReport(ctx: Ctx, authorization: AuthorizationRecord, view: ReturnType<typeof reportView>): void {
  const filer = view.filedBy.organizationId;
  const readers = [authorization.operatorId, authorization.implementingBodyId, authorization.grantorId].filter((id): id is string => id !== null && id !== filer);
  ctx.sandbox.emit({
    platform: 'authorized-operation',
    objectType: 'annual_report',
    objectId: view.id,
    organizationId: filer,
    alsoNotify: [...new Set(readers)],
    event: {
      seq: 1,
      type: 'annual_report_submitted',
      at: view.submittedAt,
      actor: { ...view.filedBy },
      from: null,
      to: null,
      reason: null,
      deadline: null,
      data: { authorizationId: authorization.id, year: view.year, dueDate: view.dueDate, late: view.late },
    },
    object: () => view,
  });
}

function calculateMar(ctx: Ctx): OperationResult {
  const body = ctx.body as { costFen: number; bondYieldBasisPoints: number; rateBasisPoints: number; taxFen: number; carryOverDeductionFen?: number; actualRevenueFen?: number };
  const rules = pricingRules(ctx.state);
  try {
    const calculation = maximumAllowedRevenue(body, rules);
    if (body.actualRevenueFen === undefined) return { status: 200, body: { calculation, deviation: null, warnings: [] } };
    return { status: 200, body: { calculation, ...deviationOrWarning(calculation.marFen, body.actualRevenueFen, rules) } };
  } catch (error) {
    if (error instanceof PricingError) throw pricingProblem(error);
    throw error;
  }
}

/**
 * The deviation of an actual revenue from a calculated MAR, or why there is none: a MAR of 0 has
 * no relative deviation (the library's `MAR_ZERO`), which a calculation answers as a warning
 * beside `deviation: null` rather than refuse the MAR it calculated.
 */
function deviationOrWarning(marFen: number, actualRevenueFen: number, rules: ReturnType<typeof pricingRules>) {
  try {
    return { deviation: yearlyDeviation({ marFen, actualRevenueFen }, rules), warnings: [] };
  } catch (error) {
    if (!(error instanceof PricingError) || error.code !== 'MAR_ZERO') throw error;
    return { deviation: null, warnings: [{ code: error.code, message: { zh: error.messageZh, en: error.messageEn } }] };
  }
}

/** Handlers of the pricing operations (65号): the pricing, formal fees, annual reports, MAR calculation. */
export const pricingOperations: Record<string, OperationHandler<AuthorizedOperationState>> = {
  getPricing: (ctx) => ({ status: 200, body: pricingView(ctx.state, pricingAuthorization(ctx)) }),
  applyForFormalFees,
  reportCeilings,
  submitAnnualReport,
  listAnnualReports: (ctx) => {
    const authorization = pricingAuthorization(ctx);
    return { status: 200, body: listPage(ctx, authorization.pricing.reports, ['integer'], (r) => [-r.year], (r) => reportView(ctx.state, authorization, r)) };
  },
  calculateMar,
};
