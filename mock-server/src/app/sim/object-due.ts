import type { Deadline } from '@gdx/kernel';
import type { ObjectDuty } from '../workflow-objects.js';

/** The running step is overdue: its flag is set, or its due time has passed on the sandbox clock. */
export function stepOverdue(terminal: boolean, deadline: Deadline | null, now: number): boolean {
  return !terminal && deadline !== null && (deadline.overdue || now > Date.parse(deadline.dueAt));
}

/**
 * A duty's period is overdue: not met, flagged or past its due time — never on an estimate (a
 * period reaching a year without a published holiday schedule, whose end may yet move).
 */
export function dutyOverdue(duty: ObjectDuty, now: number): boolean {
  const { deadline } = duty;
  return duty.metAt === null && !deadline.estimate && (deadline.overdue || now > Date.parse(deadline.dueAt));
}

/**
 * The objects list's `overdue` of an object: its running step, or any of its duties (an
 * authorization's disclosure, ceiling report), is overdue.
 *
 * @example
 * ```ts
 * objectOverdue(object.terminal, object.deadline, object.duties?.() ?? [], sandbox.now()); // true once the disclosure is late
 * ```
 */
export function objectOverdue(terminal: boolean, deadline: Deadline | null, duties: readonly ObjectDuty[], now: number): boolean {
  return stepOverdue(terminal, deadline, now) || duties.some((duty) => dutyOverdue(duty, now));
}

/**
 * The objects list's `nextDueAt` of an object: the earliest due time of its running step and of
 * its duties' periods not met yet, `null` when none runs.
 *
 * @example
 * ```ts
 * nextDueAt(object.terminal, object.deadline, object.duties?.() ?? []); // '2025-10-31T00:00:00+08:00'
 * ```
 */
export function nextDueAt(terminal: boolean, deadline: Deadline | null, duties: readonly ObjectDuty[]): string | null {
  let next = terminal ? null : (deadline?.dueAt ?? null);
  for (const duty of duties) {
    if (duty.metAt !== null) continue;
    const { dueAt } = duty.deadline;
    if (next === null || Date.parse(dueAt) < Date.parse(next)) next = dueAt;
  }
  return next;
}
