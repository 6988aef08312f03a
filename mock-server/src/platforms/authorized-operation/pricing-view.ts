import { shanghaiDay } from '@gdx/kernel';
import { annualReportDue, ceilingLoad, cycleCarryOver, formalFeeEligibility, pricingCycles, spreadDeduction, yearlyDeviation, type PriceCycle, type PricingRules } from '@gdx/procedures';
import type { AuthorizationRecord, AuthorizedOperationState } from './ao-records.js';
import { ceilingReportView } from './ceiling-report.js';

/**
 * The contract's `Pricing.formalApplication`: when, by whom and how it was decided. One an older
 * version took was the operator's (only it could apply then).
 */
function formalApplicationView(authorization: AuthorizationRecord) {
  const application = authorization.pricing.formalApplication;
  if (!application) return null;
  const { appliedOn, status } = application;
  return { appliedOn, appliedBy: application.appliedBy ?? { role: 'operator', organizationId: authorization.operatorId }, status };
}

/** `formal` once the price authority approved the formal-fee application, `trial` before (65号 二). */
export function feeStatusOf(authorization: AuthorizationRecord): 'trial' | 'formal' {
  return authorization.pricing.formalApplication?.status === 'approved' ? 'formal' : 'trial';
}

/** The profile's pricing rules (65号). */
export function pricingRules(state: AuthorizedOperationState): PricingRules {
  return state.host.procedures.profile.options.authorizedOperation.pricing;
}

/** The price cycle a calendar year belongs to: the one holding its first day within the term. */
export function cycleOfYear(authorization: AuthorizationRecord, rules: PricingRules, year: number): PriceCycle | undefined {
  const term = authorization.agreement.term;
  const first = `${year}-01-01` < term.from ? term.from : `${year}-01-01`;
  return pricingCycles(term, rules).find((c) => c.from <= first && first <= c.to);
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/** The calendar years of a cycle: those whose first day within the term falls in it. */
export function yearsOfCycle(authorization: AuthorizationRecord, rules: PricingRules, cycle: PriceCycle): number[] {
  const years: number[] = [];
  for (let year = yearOf(cycle.from); year <= yearOf(cycle.to); year += 1) if (cycleOfYear(authorization, rules, year)?.number === cycle.number) years.push(year);
  return years;
}

/**
 * The net excess revenue of the cycle before `cycle`, deducted from it (65号 四): the reported
 * revenue of its years above the sum of their MARs, never negative; 0 for the first cycle.
 */
export function carryOverInto(authorization: AuthorizationRecord, rules: PricingRules, cycle: PriceCycle): number {
  const previous = pricingCycles(authorization.agreement.term, rules)[cycle.number - 2];
  if (!previous) return 0;
  let marFen = 0;
  let revenueFen = 0;
  for (const year of yearsOfCycle(authorization, rules, previous)) {
    marFen += authorization.pricing.mar[String(year)]?.marFen ?? 0;
    revenueFen += authorization.pricing.reports.find((r) => r.year === year)?.content.revenueFen ?? 0;
  }
  return cycleCarryOver({ marFen, revenueFen });
}

/**
 * The share of the carry-over deducted from a year's MAR: the previous cycle's net excess spread
 * evenly over the cycle's calendar years (smoothing, 65号 四), 0 outside the term.
 */
export function deductionForYear(authorization: AuthorizationRecord, rules: PricingRules, year: number): number {
  const cycle = cycleOfYear(authorization, rules, year);
  if (!cycle) return 0;
  const years = yearsOfCycle(authorization, rules, cycle);
  return spreadDeduction(carryOverInto(authorization, rules, cycle), years.length)[years.indexOf(year)] ?? 0;
}

/** Whether a calendar year overlaps the authorization's term. */
export function yearInTerm(authorization: AuthorizationRecord, year: number): boolean {
  const { from, to } = authorization.agreement.term;
  return year >= yearOf(from) && year <= yearOf(to);
}

/** The calendar year whose MAR the ceilings must fit: today's, within the term (its first year before it starts). */
export function pricingYear(authorization: AuthorizationRecord, today: string): number {
  const { from, to } = authorization.agreement.term;
  return Math.min(Math.max(yearOf(today), yearOf(from)), yearOf(to));
}

/** The year whose annual report is due next or last: the year before today, within the term. */
export function reportYear(authorization: AuthorizationRecord, today: string): number {
  const { from, to } = authorization.agreement.term;
  return Math.min(Math.max(yearOf(today) - 1, yearOf(from)), yearOf(to));
}

/**
 * The year an evaluation starting on `today` evaluates (101号 第三十四条, yearly): the year before,
 * when it lies within the term (it has ended: today is later); `null` while no year of the term
 * has ended, when there is nothing to evaluate and no annual report to evaluate it on.
 */
export function evaluatedYear(authorization: AuthorizationRecord, today: string): number | null {
  const { from, to } = authorization.agreement.term;
  const year = yearOf(today) - 1;
  return year >= yearOf(from) && year <= yearOf(to) ? year : null;
}

/**
 * The deviation decision of a reported year against its MAR (65号 四), `null` without a MAR or
 * with a MAR of 0.
 */
export function deviationOf(state: AuthorizedOperationState, authorization: AuthorizationRecord, year: number, revenueFen: number) {
  const mar = authorization.pricing.mar[String(year)];
  if (!mar || mar.marFen === 0) return null;
  return yearlyDeviation({ year, marFen: mar.marFen, actualRevenueFen: revenueFen }, pricingRules(state));
}

/**
 * The contract's `Pricing` of an authorization as of the sandbox clock.
 *
 * @example
 * ```ts
 * pricingView(state, authorization).years[0].marFen; // 894000000
 * ```
 */
/** The grantor's ceiling report duty (65号 二) read from the authorization's log. */
function ceilingReportOf(state: AuthorizedOperationState, authorization: AuthorizationRecord) {
  const instance = state.host.get(authorization.id);
  return instance ? ceilingReportView(state, instance) : null;
}

export function pricingView(state: AuthorizedOperationState, authorization: AuthorizationRecord) {
  const rules = pricingRules(state);
  const now = state.sandbox.now();
  const today = shanghaiDay(now);
  const term = authorization.agreement.term;
  const cycles = pricingCycles(term, rules);
  const cycle = cycles.find((c) => c.from <= today && today <= c.to) ?? (today < term.from ? cycles[0] : cycles.at(-1))!;
  const { pricing } = authorization;
  const years = Object.keys(pricing.mar)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) => {
      const calculation = pricing.mar[String(year)]!;
      const report = pricing.reports.find((r) => r.year === year);
      return {
        year,
        marFen: calculation.marFen,
        calculation,
        actualRevenueFen: report?.content.revenueFen ?? null,
        deviation: report ? deviationOf(state, authorization, year, report.content.revenueFen) : null,
      };
    });
  const due = reportYear(authorization, today);
  const dueReport = pricing.reports.find((r) => r.year === due);
  const currentMar = pricing.mar[String(pricingYear(authorization, today))]?.marFen ?? 0;
  return {
    authorizationId: authorization.id,
    feeStatus: feeStatusOf(authorization),
    operatingSince: term.from,
    firstCompleteYearEnds: formalFeeEligibility(term.from, today).firstCompleteYearEnds,
    formalApplication: formalApplicationView(authorization),
    cycle: { number: cycle.number, from: cycle.from, to: cycle.to, years: cycle.years, carryOverInFen: carryOverInto(authorization, rules, cycle) },
    years,
    ceilings: pricing.ceilings,
    ceilingLoadFen: ceilingLoad(currentMar, pricing.ceilings).loadFen,
    annualReport: annualReportDue(due, rules, { submittedAt: dueReport?.submittedAt ?? null, now }),
    ceilingReport: ceilingReportOf(state, authorization),
  };
}
