import { addDays, addMonthsClamped } from '@gdx/calendar';
import type { Profile } from '../profile-schema.js';

/**
 * An agreed term against the profile's cap (27号 第十四条(二) "原则上最长不超过 5 年"; 101号 第八条).
 * `capEndsOn` is the last day of a term of `capYears` starting `measuredFrom` (民法典 第二百零二条:
 * the corresponding day, or the month's last day when there is none, both ends counted).
 */
export interface TermCheck {
  from: string;
  to: string;
  /**
   * The day the cap is counted from: the term's first day, or the signing day when the
   * authorization is signed before its term starts — it is in force (`active`, its permissions
   * open) from signing (authorized-operation.md §2–§3), so the agreement binds (101号 第八条
   * "协议有效期") from that day to the term's end.
   */
  measuredFrom: string;
  capYears: number;
  capEndsOn: string;
  /** `ok` within the cap; `warning` over it with a justification; `error` refused. */
  outcome: 'ok' | 'warning' | 'error';
  /** `TERM_OVER_CAP_WARNING`, `TERM_JUSTIFICATION_REQUIRED` (warning profiles), `TERM_EXCEEDS_CAP` (error profiles). */
  code: 'TERM_OVER_CAP_WARNING' | 'TERM_JUSTIFICATION_REQUIRED' | 'TERM_EXCEEDS_CAP' | null;
  justification: string | null;
}

/**
 * Checks an agreed term (both days included) against the profile's `authorized_operation.term`
 * cap and its `termPolicy`: `warning` (national, Xiamen by choice) accepts a longer term only with
 * a justification, `error` (Inner Mongolia) refuses it. The cap is counted over the span the
 * authorization is in force: from `signedOn` when it is signed before the term starts (it is
 * `active` from signing, authorized-operation.md §2–§3, the 5 years being that state's limit), else
 * from the term's first day — so a term starting years after the signing cannot stretch the
 * authorization past the cap. A term ending before it starts throws a `RangeError` (the caller
 * validates dates first).
 *
 * @example
 * assessTerm(resolveProfile('national'), { from: '2026-01-05', to: '2032-01-04' }, '特许经营期与基础设施折旧期一致');
 * // { measuredFrom: '2026-01-05', capEndsOn: '2031-01-04', outcome: 'warning', code: 'TERM_OVER_CAP_WARNING', ... }
 * assessTerm(resolveProfile('inner-mongolia'), { from: '2026-01-05', to: '2032-01-04' }).code; // 'TERM_EXCEEDS_CAP'
 * // Signed two years before a 5-year term starts: in force 7 years.
 * assessTerm(resolveProfile('inner-mongolia'), { from: '2027-10-15', to: '2032-10-14' }, null, '2025-10-01').code; // 'TERM_EXCEEDS_CAP'
 */
export function assessTerm(profile: Profile, term: { from: string; to: string }, justification?: string | null, signedOn?: string | null): TermCheck {
  if (term.to < term.from) throw new RangeError(`term ends (${term.to}) before it starts (${term.from})`);
  const capYears = profile.limits['authorized_operation.term'].value;
  const measuredFrom = typeof signedOn === 'string' && signedOn < term.from ? signedOn : term.from;
  const capEndsOn = addDays(addMonthsClamped(measuredFrom, capYears * 12), -1);
  const given = justification?.trim() ? justification.trim() : null;
  const base = { from: term.from, to: term.to, measuredFrom, capYears, capEndsOn, justification: given };
  if (term.to <= capEndsOn) return { ...base, outcome: 'ok', code: null };
  if (profile.options.authorizedOperation.termPolicy === 'error') return { ...base, outcome: 'error', code: 'TERM_EXCEEDS_CAP' };
  return given === null ? { ...base, outcome: 'error', code: 'TERM_JUSTIFICATION_REQUIRED' } : { ...base, outcome: 'warning', code: 'TERM_OVER_CAP_WARNING' };
}

/**
 * The code a machine's guard answers for a term over the cap: `TERM_EXCEEDS_CAP` where the
 * profile's `termPolicy` is `error`, else `TERM_JUSTIFICATION_REQUIRED` (a justification accepts it).
 *
 * @example
 * termRefusal(resolveProfile('inner-mongolia')); // 'TERM_EXCEEDS_CAP'
 */
export function termRefusal(profile: Profile): 'TERM_EXCEEDS_CAP' | 'TERM_JUSTIFICATION_REQUIRED' {
  return profile.options.authorizedOperation.termPolicy === 'error' ? 'TERM_EXCEEDS_CAP' : 'TERM_JUSTIFICATION_REQUIRED';
}
