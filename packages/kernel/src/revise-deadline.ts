import { computeDeadline } from './deadline.js';
import type { EffectSink } from './effect-sink.js';
import { appended, instanceWith } from './instance-update.js';
import { formatInstant } from './shanghai-time.js';
import { CLOCK, pendingTimer, timerId, workflowEvent } from './shapes.js';
import type { MachineDefinition, TransitionContext, TransitionResult, WorkflowInstance } from './types.js';

/**
 * The instance's running deadline computed again with the calendar as it is now, when its limit
 * let the calendar estimate (`Limit.estimate`: a year without a published holiday schedule counted
 * Monday–Friday) and the due day has moved since, because that year's schedule was loaded. The
 * estimate was never an official day (domain README, "Unannounced years"), so once the schedule
 * is known the official one replaces it, in the open: a `deadline_revised` event (the state
 * unchanged, `deadline` the new one, `data.previousDueDate` the estimate), the timer moved to the
 * new due instant. `null` when there is nothing to revise: no running deadline, one already
 * overdue, a limit that never estimates, a deadline resumed from a pause (its length was the days
 * left, not the limit's), or the same due day.
 *
 * @example
 * ```ts
 * calendar.addYear(schedule2028);
 * const r = reviseDeadlineInto(machine, instance, { now, calendar }, effects);
 * r?.instance.deadline?.dueDate; // '2028-10-09' where the estimate said '2028-10-02'
 * ```
 */
export function reviseDeadlineInto(machine: MachineDefinition, instance: WorkflowInstance, ctx: TransitionContext, effects: EffectSink): (TransitionResult & { ok: true }) | null {
  const current = instance.deadline;
  if (current === null || current.overdue) return null;
  const limit = machine.limits?.[current.step];
  if (limit?.estimate !== true || current.startTrigger !== limit.startTrigger) return null;
  const revised = computeDeadline(limit, { now: ctx.now, from: current.startedOn, data: instance.data }, ctx.calendar);
  if (revised.deadline.dueDate === current.dueDate) return null;
  const seq = instance.events.length + 1;
  const running = instance.timer;
  let timer = null;
  if (running !== null) {
    effects.cancel(running.id);
    // Revised to a day already past: due now, not before this event.
    timer = pendingTimer(timerId(instance.id, seq), Math.max(revised.dueAtMs, ctx.now), running.step, running.kind, running.event);
    effects.schedule(timer);
  }
  const at = formatInstant(ctx.now);
  const event = workflowEvent(seq, 'deadline_revised', at, CLOCK, instance.state, instance.state, null, revised.deadline, undefined, { previousDueDate: current.dueDate });
  effects.emit(event);
  return {
    ok: true,
    instance: instanceWith(instance, instance.state, at, revised.deadline, appended(instance.events, event), instance.data, timer),
    effects: effects.effects,
  };
}
