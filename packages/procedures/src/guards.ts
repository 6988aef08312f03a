import { addDays, addMonthsClamped } from '@gdx/calendar';
import { shanghaiDay, type Deadline, type GuardRegistry } from '@gdx/kernel';
import { authorizedOperationGuards } from './authorized-operation/guards.js';
import { periodOfUseRunning } from './machines/period-of-use.js';
import { overdueExplained, OVERDUE_REVIEW_EXPLAINED } from './machines/overdue-explanation.js';
import { supplementNoticed } from './machines/supplement-notice.js';
import type { Profile } from './profile-schema.js';

/**
 * The renewal window of a registration's validity deadline: the `registration.renewal_window`
 * calendar days before expiry (期满前 60 日内, 第十五条), exactly that many days and the last of them
 * the validity's last day. The validity expires (期满) at the end of that day — the next period runs
 * "自上一届有效期满次日起" — so the 60 days before the expiry are that day and the 59 before it; the
 * window never opened on a 61st day. It is itself a calendar-day period (the domain README's
 * example of 民法典 第二百零三条): when the validity's last day moved off a rest day, the window's
 * last day moves with it while its first day stays counted back from the unmoved end (the
 * corresponding day, or the authorised term when that is earlier). Without `startedOn` the window
 * is counted back from `dueDate`.
 *
 * @example
 * // Coded 2025-10-22: three years end on Sunday 2028-10-22, moved to Monday 2028-10-23.
 * renewalWindow({ startedOn: '2025-10-22', dueDate: '2028-10-23' }, profile); // { opensOn: '2028-08-24', closesOn: '2028-10-23' }
 */
export function renewalWindow(validity: Pick<Deadline, 'dueDate'> & Partial<Pick<Deadline, 'startedOn'>>, profile: Profile): { opensOn: string; closesOn: string } {
  const days = profile.limits['registration.renewal_window'].value;
  const unmoved = validity.startedOn === undefined ? validity.dueDate : unmovedValidityEnd(validity.startedOn, validity.dueDate, profile);
  // The unmoved last day is the window's last of `days` days: it opens `days - 1` days before it.
  return { opensOn: addDays(unmoved, 1 - days), closesOn: validity.dueDate };
}

/** The validity's end from `startedOn` without the rest-day move: its own period's end, or `dueDate` when earlier (a cap). */
function unmovedValidityEnd(startedOn: string, dueDate: string, profile: Profile): string {
  const { value, unit } = profile.limits['registration.validity'];
  const end = unit === 'years' || unit === 'months' ? addMonthsClamped(startedOn, unit === 'years' ? 12 * value : value) : unit === 'calendar_days' ? addDays(startedOn, value) : dueDate;
  return end < dueDate ? end : dueDate;
}

/**
 * The named guards the procedures' machines use, bound to a profile: `renewalWindowOpen` (a
 * registration's renewal), `supplementNotYetNoticed` (a registration's one supplement notice,
 * `supplementNotice: once`), `overdueReviewExplained` (an overdue formal review is decided after
 * `explain_overdue`, 第十一条), `periodOfUseRunning` (a sharing or open-data grant, see
 * `WHILE_PERIOD_RUNS`) and the authorized-operation guards.
 *
 * @example
 * new WorkflowEngine({ machines, calendar, clock, guards: procedureGuards(profile) });
 */
export function procedureGuards(profile: Profile): GuardRegistry {
  return {
    ...authorizedOperationGuards(profile),
    renewalWindowOpen: (instance, _input, ctx) => {
      if (instance.deadline?.step !== 'validity') return false;
      const { opensOn, closesOn } = renewalWindow(instance.deadline, profile);
      const today = shanghaiDay(ctx.now);
      return today >= opensOn && today <= closesOn;
    },
    periodOfUseRunning: (instance, _input, ctx) => periodOfUseRunning(instance, ctx.now),
    // 一次性告知 (26号 第十条): the acceptance's one supplement notice has not been given yet.
    supplementNotYetNoticed: (instance) => !supplementNoticed(instance),
    // 第十一条 说明原因: an overdue formal review is decided once the registry recorded why.
    [OVERDUE_REVIEW_EXPLAINED]: (instance) => overdueExplained(instance),
  };
}
