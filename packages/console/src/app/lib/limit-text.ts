import type { StepDeadline } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Translate } from '../i18n/locale.js';

/** The message naming a limit in each unit the contract's `TimeUnit` has. */
const LIMIT_IN: Record<StepDeadline['unit'], MessageKey> = {
  working_days: 'timeline.limit',
  calendar_days: 'timeline.limitCalendarDays',
  hours: 'timeline.limitHours',
  years: 'timeline.limitYears',
};

/**
 * A step's limit in words, in its own unit. A limit in working days also says how many were
 * counted and how many days skipped so far (`skipped`); the other units have no counted or skipped
 * days (the server lists none), so saying "0 working days counted" of them would be false. A count
 * that reaches a year without a holiday schedule says it is an estimate.
 *
 * @example
 * ```ts
 * limitText({ unit: 'working_days', limit: 3, countedDays: [...5 dates], … }, 9, translator('en'));
 * // 'Limit 3 working days; 5 working days counted; 9 days skipped'
 * limitText({ unit: 'calendar_days', limit: 90, … }, 0, translator('zh')); // '时限 90 日（自然日）'
 * ```
 */
export function limitText(deadline: StepDeadline, skipped: number, t: Translate): string {
  // A unit added to the contract later is named by its id rather than as working days.
  const key = LIMIT_IN[deadline.unit] as MessageKey | undefined;
  const parts = [key ? t(key, { n: deadline.limit }) : `${deadline.limit} ${deadline.unit}`];
  if (deadline.unit === 'working_days') parts.push(t('timeline.counted', { n: deadline.countedDays.length }), t('timeline.skipped', { n: skipped }));
  if (deadline.estimate) parts.push(t('timeline.estimate', { years: deadline.unpublishedYears.join(', ') }));
  return parts.join(t('app.separator'));
}
