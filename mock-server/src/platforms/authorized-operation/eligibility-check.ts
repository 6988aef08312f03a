import { PlatformProblem } from '../../app/platform-problem.js';
import { invalid } from './ao-access.js';

/**
 * Refuses eligibility statements that do not meet `required` (the profile's statements: a bid's
 * `eligibilityStatements`, 27号 第十二条 and 101号 第九条; a Xiamen 二级 data access request's
 * `dataAccessEligibilityStatements`, 厦门办法 第十五条): 400 `REQUIRED` at the first one missing,
 * then 400 `ELIGIBILITY_NOT_MET` at every one stated `false` — the party declares it does not meet
 * a condition the rules make it meet ("需满足", "应当满足"). `checkUnmet: false` skips the second
 * check (a journal entry an older version acknowledged with such a statement replays as answered).
 *
 * @example
 * ```ts
 * checkEligibility({ goodCredit: false }, ['goodCredit'], '/eligibility', true); // throws 400 ELIGIBILITY_NOT_MET at /eligibility/goodCredit
 * ```
 */
export function checkEligibility(eligibility: Readonly<Record<string, boolean>> | undefined, required: readonly string[], pointer: string, checkUnmet: boolean): void {
  const stated = eligibility ?? {};
  const missing = required.find((key) => stated[key] === undefined);
  if (missing !== undefined) throw invalid(`${pointer}/${missing}`, 'REQUIRED', `须作出资格条件声明 ${missing}`, `The eligibility statement ${missing} is required`);
  const unmet = checkUnmet ? required.filter((key) => stated[key] === false) : [];
  if (unmet.length === 0) return;
  const errors = unmet.map((key) => ({
    pointer: `${pointer}/${key}`,
    code: 'ELIGIBILITY_NOT_MET',
    message: { zh: `申请单位声明不满足资格条件 ${key}，不具备相应资格`, en: `The applicant states it does not meet the eligibility condition ${key}, so it is not eligible` },
  }));
  throw new PlatformProblem('VALIDATION_FAILED', { detail: `${unmet.length} eligibility ${unmet.length === 1 ? 'condition' : 'conditions'} stated as not met: ${unmet.join(', ')}`, errors });
}
