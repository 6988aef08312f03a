import type { Duty, Step } from '../api/types.js';
import type { Translate } from '../i18n/locale.js';
import { shortInstant } from './dates.js';

/**
 * Where a duty stands, in words: met (late or in time) once its period was met; else overdue or
 * running, with when it was last met — a disclosure's yearly period runs on from the disclosure
 * that met the one before.
 *
 * @example
 * ```ts
 * dutyStatus({ metAt: null, lastMet: { at: '2025-10-31T09:00:00+08:00', late: true }, deadline: { overdue: false, … }, … }, translator('en'));
 * // ['Running', 'Last: Met late 2025-10-31 09:00']
 * ```
 */
export function dutyStatus(duty: Duty, t: Translate): string[] {
  const met = duty.lastMet && t(duty.lastMet.late ? 'timeline.metLate' : 'timeline.met', { at: shortInstant(duty.lastMet.at) });
  if (duty.metAt && met) return [met];
  return [t(duty.deadline.overdue ? 'objects.overdue' : 'timeline.running'), ...(met ? [t('timeline.lastMet', { met })] : [])];
}

/**
 * A duty as a step of the chart and the tables: from the day its period started to the one it
 * was met, or on while it runs.
 *
 * @example
 * ```ts
 * dutyStep(duty).enteredAt; // '2025-09-26T00:00:00+08:00'
 * ```
 */
export function dutyStep(duty: Duty): Step {
  return { state: duty.duty, label: duty.label, enteredAt: `${duty.deadline.startedOn}T00:00:00+08:00`, leftAt: duty.metAt, deadline: duty.deadline };
}
