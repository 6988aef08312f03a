import { formalFeeEligibility } from '@gdx/procedures';
import { PlatformProblem } from '../../app/platform-problem.js';
import { invalid } from './ao-access.js';
import type { AuthorizationRecord } from './ao-records.js';

/**
 * Why the grantor may not apply for formal fees on `today`, or `undefined` when it may (65号 二):
 * before a complete operating year has passed from the term's first day fees stay trial (422
 * `OPERATING_YEAR_INCOMPLETE`, with `firstCompleteYearEnds`), and an application pending or already
 * approved is not made twice (409 `CONFLICT`).
 *
 * @example
 * ```ts
 * const refusal = formalFeeRefusal(authorization, '2026-06-30'); // term from 2026-01-05 → OPERATING_YEAR_INCOMPLETE
 * ```
 */
export function formalFeeRefusal(authorization: AuthorizationRecord, today: string): PlatformProblem | undefined {
  const eligibility = formalFeeEligibility(authorization.agreement.term.from, today);
  if (!eligibility.mayApply) {
    return new PlatformProblem('OPERATING_YEAR_INCOMPLETE', {
      detail: `首个完整运营年度至 ${eligibility.firstCompleteYearEnds} 结束 / the first complete operating year ends on ${eligibility.firstCompleteYearEnds}`,
      extensions: { firstCompleteYearEnds: eligibility.firstCompleteYearEnds },
    });
  }
  const status = authorization.pricing.formalApplication?.status;
  if (status === 'pending' || status === 'approved') {
    return new PlatformProblem('CONFLICT', { detail: `已有${status === 'pending' ? '待评估' : '已批准'}的申请 / a ${status} application exists` });
  }
  return undefined;
}

/**
 * Why the annual report an application names (`annualReportYear`) cannot accompany it, or
 * `undefined` when it can: the domain's choice lets the written application come with the
 * report (65号 二、五; authorized-operation.md §9 "apply with the first report", the profile's
 * `formalFeesWithFirstReport`), so the report must be one filed on the authorization (400
 * `REPORT_NOT_FILED`); a profile that takes the application on its own has no such member (400
 * `FIELD_NOT_APPLICABLE`). Both at `/annualReportYear`.
 *
 * @example
 * ```ts
 * accompanyingReportRefusal(authorization, 2026, true); // no report on 2026 filed → REPORT_NOT_FILED
 * ```
 */
export function accompanyingReportRefusal(authorization: AuthorizationRecord, year: number | undefined, withReport: boolean): PlatformProblem | undefined {
  if (year === undefined) return undefined;
  if (!withReport) {
    return invalid('/annualReportYear', 'FIELD_NOT_APPLICABLE', '本地规则不随年度报告申请正式收费，请单独提出书面申请', 'The profile takes the formal-fee application on its own, not with an annual report (formalFeesWithFirstReport: false)');
  }
  if (authorization.pricing.reports.some((r) => r.year === year)) return undefined;
  return invalid('/annualReportYear', 'REPORT_NOT_FILED', `尚未报送 ${year} 年度报告，申请无法随附`, `No annual report on ${year} was filed on this authorization for the application to come with`);
}
