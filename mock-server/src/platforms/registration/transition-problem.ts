import { allowedEvents, type MachineDefinition, type TransitionError } from '@gdx/kernel';
import { PlatformProblem } from '../../app/platform-problem.js';

/** Events an actor may send in a state (the clock's own events are not offered). */
function offered(machine: MachineDefinition, state: string): string[] {
  const byPeople = machine.transitions.filter((t) => t.by.some((role) => role !== 'clock'));
  return allowedEvents({ ...machine, transitions: byPeople }, state);
}

/**
 * The problem answer of a refused kernel transition:
 * - not allowed in the state / by the actor / by a guard → 409 `ILLEGAL_TRANSITION` naming the
 *   current state and the events it allows (`state`, `allowed` members);
 * - `RENEWAL_WINDOW_NOT_OPEN`, `OBJECTION_WINDOW_CLOSED` → 409 with that code;
 * - a missing payload key (`MISSING_REASONS` …) → 400 `VALIDATION_FAILED` with the field pointer;
 * - `CALENDAR_NOT_PUBLISHED` → 422 with the `year` (never a silent Monday–Friday).
 *
 * @example
 * ```ts
 * const r = engine.dispatch(id, 'accept', { actor });
 * if (!r.ok) throw transitionProblem(r.error, engine.machine(engine.get(id).machine), 'application');
 * ```
 */
export function transitionProblem(error: TransitionError, machine: MachineDefinition, objectName: string): PlatformProblem {
  const allowed = offered(machine, error.from);
  const facts = { state: error.from, event: error.event, allowed };
  switch (error.code) {
    case 'RENEWAL_WINDOW_NOT_OPEN':
    case 'OBJECTION_WINDOW_CLOSED':
      return new PlatformProblem(error.code, { detail: `${error.message.en} (${objectName} ${error.from})`, extensions: facts });
    case 'CALENDAR_NOT_PUBLISHED': {
      const year = error.detail?.['year'];
      return new PlatformProblem('CALENDAR_NOT_PUBLISHED', {
        detail: `the holiday schedule of ${String(year)} is not published; PUT /_sim/v1/sandboxes/{id}/calendar/${String(year)} adds it`,
        extensions: { year },
      });
    }
    default:
      break;
  }
  const missing = error.detail?.['missing'];
  if (error.code.startsWith('MISSING_') && typeof missing === 'string') {
    return new PlatformProblem('VALIDATION_FAILED', {
      detail: `${missing} is required for ${error.event}`,
      errors: [{ pointer: `/${missing}`, code: error.code, message: error.message }],
    });
  }
  return new PlatformProblem('ILLEGAL_TRANSITION', {
    detail: `an ${objectName} in state ${error.from} does not allow ${error.event}; allowed: ${allowed.join(', ') || 'none (terminal)'}`,
    extensions: facts,
  });
}
