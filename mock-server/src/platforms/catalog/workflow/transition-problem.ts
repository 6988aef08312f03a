import type { TransitionError } from '@gdx/kernel';
import { PlatformProblem } from '../../../app/platform-problem.js';

/**
 * The problem a refused transition answers:
 * - an event the state does not take, from an actor who may not send it, or whose guard fails →
 *   409 `ILLEGAL_TRANSITION` naming `currentState` and `allowedEvents`;
 * - a missing written reason → 400 `VALIDATION_FAILED` with the pointer `/reasons`;
 * - a deadline in a year without a published holiday schedule → 422 `CALENDAR_NOT_PUBLISHED`
 *   (never a silent Monday–Friday).
 *
 * @example
 * ```ts
 * const r = engine.dispatch(id, 'submit', { actor });
 * if (!r.ok) throw transitionProblem(r.error);
 * ```
 */
export function transitionProblem(error: TransitionError): PlatformProblem {
  if (error.code === 'CALENDAR_NOT_PUBLISHED') {
    const year = error.detail?.year;
    return new PlatformProblem('CALENDAR_NOT_PUBLISHED', {
      detail: `the holiday schedule of ${String(year)} is not published; PUT it at /_sim/v1/sandboxes/{id}/calendar/${String(year)}`,
      extensions: { year },
    });
  }
  if (error.code.startsWith('MISSING_')) {
    const key = error.code.slice('MISSING_'.length).toLowerCase();
    return new PlatformProblem('VALIDATION_FAILED', {
      detail: `${error.event} needs ${key}`,
      errors: [{ pointer: `/${key}`, code: error.code, message: { zh: `缺少必填内容：${key}`, en: `${key} is required` } }],
    });
  }
  return illegalTransition(error.from, error.event, error.allowed, error.code);
}

/**
 * 409 `ILLEGAL_TRANSITION` for `event` in `state`, naming the state and the events it allows.
 *
 * @example
 * ```ts
 * throw illegalTransition('published', 'update', ['propose_change', 'withdraw']);
 * ```
 */
export function illegalTransition(state: string, event: string, allowed: readonly string[], reasonCode = 'ILLEGAL_TRANSITION'): PlatformProblem {
  return new PlatformProblem('ILLEGAL_TRANSITION', {
    detail: `${event} is not allowed in state ${state}; allowed: ${allowed.join(', ') || 'none'}`,
    extensions: { currentState: state, allowedEvents: [...allowed], reasonCode },
  });
}
