import { addDays, addMonthsClamped } from '@gdx/calendar';
import type { Profile } from '../profile-schema.js';

/**
 * An agreed term against the profile's cap (27号 第十四条(二) "原则上最长不超过 5 年"; 101号 第八条).
 * `capEndsOn` is the last day of a term of `capYears` starting `from` (民法典 第二百零二条: the
 * corresponding day, or the month's last day when there is none, both ends counted).
 */
export interface TermCheck {
  from: string;
  to: string;
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
 * a justification, `error` (Inner Mongolia) refuses it. A term ending before it starts throws a
 * `RangeError` (the caller validates dates first).
 *
 * @example
 * assessTerm(resolveProfile('national'), { from: '2026-01-05', to: '2032-01-04' }, '特许经营期与基础设施折旧期一致');
 * // { capEndsOn: '2031-01-04', outcome: 'warning', code: 'TERM_OVER_CAP_WARNING', ... }
 * assessTerm(resolveProfile('inner-mongolia'), { from: '2026-01-05', to: '2032-01-04' }).code; // 'TERM_EXCEEDS_CAP'
 */
export function assessTerm(profile: Profile, term: { from: string; to: string }, justification?: string | null): TermCheck {
  if (term.to < term.from) throw new RangeError(`term ends (${term.to}) before it starts (${term.from})`);
  const capYears = profile.limits['authorized_operation.term'].value;
  const capEndsOn = addDays(addMonthsClamped(term.from, capYears * 12), -1);
  const given = justification?.trim() ? justification.trim() : null;
  const base = { from: term.from, to: term.to, capYears, capEndsOn, justification: given };
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
