import { formalFeeEligibility } from '@gdx/procedures';
import { PlatformProblem } from '../../app/platform-problem.js';
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
