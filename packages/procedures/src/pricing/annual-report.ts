import { endOfShanghaiDay, formatShanghaiInstant, isIsoDate } from '@gdx/calendar';
import type { PricingRules } from '../authorized-operation/profile-part.js';
import { PricingError } from './pricing-error.js';

/** The annual report on one year and whether it came in time (the contract's `AnnualReportDue`). */
export interface AnnualReportDue {
  year: number;
  dueDate: string;
  dueAt: string;
  submittedAt: string | null;
  /** Submitted after `dueAt`. */
  late: boolean;
  /** Not submitted and `now` is at or past `dueAt`. */
  overdue: boolean;
}

/**
 * The annual report on `year` is due by 24:00 of `rules.annualReportDue` (03-31) of the following
 * year, Asia/Shanghai, with no holiday roll-over ("3月底前", 发改价格〔2025〕65号 五; domain
 * ambiguity 7). `submittedAt` and `now` are epoch ms.
 *
 * @example
 * annualReportDue(2026, rules, { submittedAt: null, now: Date.parse('2027-04-01T09:00:00+08:00') });
 * // { dueDate: '2027-03-31', dueAt: '2027-04-01T00:00:00+08:00', late: false, overdue: true, ... }
 */
export function annualReportDue(
  year: number,
  rules: Pick<PricingRules, 'annualReportDue'>,
  state: { submittedAt: number | null; now: number },
): AnnualReportDue {
  const dueDate = `${year + 1}-${rules.annualReportDue}`;
  if (!Number.isInteger(year) || year < 1000 || year > 9998 || !isIsoDate(dueDate)) {
    throw new PricingError('INVALID_PERIOD', 'year', '报告年度无效', `no report due day ${dueDate} for year ${year}`);
  }
  const dueAtMs = endOfShanghaiDay(dueDate);
  const { submittedAt, now } = state;
  return {
    year,
    dueDate,
    dueAt: formatShanghaiInstant(dueAtMs),
    submittedAt: submittedAt === null ? null : formatShanghaiInstant(submittedAt),
    late: submittedAt !== null && submittedAt >= dueAtMs,
    overdue: submittedAt === null && now >= dueAtMs,
  };
}
