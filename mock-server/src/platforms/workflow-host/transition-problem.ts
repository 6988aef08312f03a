import type { TransitionError } from '@gdx/kernel';
import type { ProblemCode } from '@gdx/protocol';
import { PlatformProblem } from '../../app/platform-problem.js';

/** Guard refusals that have a problem code of their own in the contract (409). */
// Guards whose refusal is its own problem code (status from the catalogue), not a plain 409.
const GUARD_PROBLEMS = new Set(['RENEWAL_WINDOW_NOT_OPEN', 'OBJECTION_WINDOW_CLOSED', 'TENDER_PERIOD_RUNNING', 'TERM_EXCEEDS_CAP', 'TERM_JUSTIFICATION_REQUIRED', 'SELECTION_METHOD_NOT_ALLOWED', 'PERIOD_ENDED']);

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
    detail: `${event} is not allowed in state ${state} (${reasonCode})${allowedSuffix(allowed)}`,
    extensions: { currentState: state, allowedEvents: [...allowed], reasonCode },
  });
}

/** How a refusal's `detail` ends: the allowed events, as `allowedEvents` lists them. */
function allowedSuffix(allowed: readonly string[]): string {
  return `; allowed: ${allowed.join(', ') || 'none'}`;
}

/**
 * The problem a refused transition answers:
 * - the state does not take the event, the actor may not send it, or a guard fails → 409
 *   `ILLEGAL_TRANSITION` with `currentState`, `allowedEvents` and `reasonCode`;
 * - `RENEWAL_WINDOW_NOT_OPEN`, `OBJECTION_WINDOW_CLOSED`, `TENDER_PERIOD_RUNNING` guards → 409 with that
 *   code, `TERM_EXCEEDS_CAP`, `TERM_JUSTIFICATION_REQUIRED`, `SELECTION_METHOD_NOT_ALLOWED`, `PERIOD_ENDED` → 422 (same
 *   members; a platform's `HostBinding.refusal` may word one better, e.g. with the field's pointer);
 * - a missing written reason, answer or items → 400 `VALIDATION_FAILED` with the field pointer;
 * - a deadline in a year without a published holiday schedule → 422 `CALENDAR_NOT_PUBLISHED`
 *   with `year` (never a silent Monday–Friday).
 *
 * `allowedEvents` (and the list in `detail`) is the kernel's `error.allowed`: what the refused
 * actor's role may send now by `acceptedEvents`, the function the timelines' `allowedActions`
 * are read from too, never the refused event itself.
 *
 * @example
 * ```ts
 * const r = engine.dispatch(id, 'dispute', { actor });
 * if (!r.ok) throw transitionProblem(r.error);
 * ```
 */
export function transitionProblem(error: TransitionError): PlatformProblem {
  if (error.code === 'CALENDAR_NOT_PUBLISHED') {
    const year = error.detail?.year;
    return new PlatformProblem('CALENDAR_NOT_PUBLISHED', {
      detail: `the holiday schedule of ${String(year)} is not published; PUT it with /_sim/v1/sandboxes/{id}/calendar/${String(year)}`,
      // The kernel's detail is untyped; the calendar always names the year as a number.
      extensions: typeof year === 'number' ? { year } : {},
    });
  }
  if (error.code.startsWith('MISSING_')) {
    const key = typeof error.detail?.missing === 'string' ? error.detail.missing : error.code.slice('MISSING_'.length).toLowerCase();
    return new PlatformProblem('VALIDATION_FAILED', {
      detail: `${error.event} needs ${key}`,
      errors: [{ pointer: `/${key}`, code: error.code, message: { zh: `缺少必填内容：${key}`, en: `${key} is required` } }],
    });
  }
  const { allowed } = error;
  if (GUARD_PROBLEMS.has(error.code)) {
    return new PlatformProblem(error.code as ProblemCode, {
      detail: `${error.message.en} (state ${error.from})`,
      extensions: { currentState: error.from, allowedEvents: [...allowed], reasonCode: error.code },
    });
  }
  return illegalTransition(error.from, error.event, allowed, error.code);
}
