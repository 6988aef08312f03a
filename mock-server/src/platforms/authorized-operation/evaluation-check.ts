import type { OfficialActing } from '../workflow-host/index.js';
import type { AuthorizationRecord } from './ao-records.js';
import { evaluatedYear } from './pricing-view.js';

/** Why a yearly evaluation may not start today: its `reasonCode` and the reason in zh and en. */
export interface EvaluationRefusal {
  reasonCode: 'NO_YEAR_TO_EVALUATE' | 'YEAR_ALREADY_EVALUATED';
  zh: string;
  en: string;
}

/**
 * Why `start_evaluation` may not evaluate today, or `null`: one yearly evaluation a year (101号
 * 第三十四条) of the year before, an ended year within the term (`evaluatedYear`) — none while the
 * term's first year runs (`NO_YEAR_TO_EVALUATE`), none of a year already decided, passed or failed
 * (`YEAR_ALREADY_EVALUATED`; a `rectify` is no decision, its re-evaluation follows by itself).
 *
 * @example
 * ```ts
 * evaluationRefusal(authorization, '2025-10-31')?.reasonCode; // 'NO_YEAR_TO_EVALUATE' for a term from 2025-01-02
 * ```
 */
export function evaluationRefusal(authorization: AuthorizationRecord, today: string): EvaluationRefusal | null {
  const year = evaluatedYear(authorization, today);
  if (year === null) {
    const { from } = authorization.agreement.term;
    return { reasonCode: 'NO_YEAR_TO_EVALUATE', zh: `授权期限内尚无已结束的年度可供评估（期限自 ${from} 起，今日 ${today}）`, en: `No year of the term has ended yet to evaluate (the term starts ${from}, today is ${today})` };
  }
  const decided = authorization.evaluations.find((e) => e.year === year && e.result !== 'rectify');
  if (!decided) return null;
  return { reasonCode: 'YEAR_ALREADY_EVALUATED', zh: `${year} 年度已评估（${decided.result}，${decided.decidedOn}），每年评估一次`, en: `${year} was already evaluated (${decided.result} on ${decided.decidedOn}); one evaluation a year` };
}

/**
 * How an authorization takes the simulation API's actions, for its timeline and `POST /actions`
 * alike: `start_evaluation` is not offered while `evaluationRefusal` would refuse it.
 *
 * @example
 * ```ts
 * instanceObject(state.host, instance, { objectType: 'authorization', ...authorizationActing(authorization, today) });
 * ```
 */
export function authorizationActing(authorization: AuthorizationRecord, today: string): OfficialActing {
  return { refuses: (action) => action === 'start_evaluation' && evaluationRefusal(authorization, today) !== null };
}
