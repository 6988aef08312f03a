import type { ActorRef, Deadline, Reason, TransitionError, WorkflowEvent } from '@gdx/kernel';
import { PlatformProblem } from '../../app/platform-problem.js';

/** The OpenAPI `Actor`: a role and the acting organisation (`null` for the clock and outsiders). */
export interface WireActor {
  role: string;
  organizationId: string | null;
}

/** The OpenAPI `WorkflowEvent`. */
export type WireEvent = {
  seq: number;
  type: string;
  at: string;
  actor: WireActor;
  from: string | null;
  to: string | null;
  reason: Reason | null;
  deadline: Deadline | null;
  data?: Record<string, unknown>;
};

/** Renames of kernel step ids to the step names of a platform's contract (e.g. `review` → `joint_review`). */
export type StepNames = Readonly<Record<string, string>>;

/**
 * A kernel deadline as the contract shows it, with the step renamed where the contract names it
 * differently.
 *
 * @example
 * ```ts
 * wireDeadline(instance.deadline, { review: 'joint_review' })?.step; // 'joint_review'
 * ```
 */
export function wireDeadline(deadline: Deadline | null, steps: StepNames = {}): Deadline | null {
  if (!deadline) return null;
  return { ...deadline, step: steps[deadline.step] ?? deadline.step };
}

/**
 * The actor of an event on the wire: exactly `role` and `organizationId`.
 *
 * @example
 * ```ts
 * wireActor({ role: 'clock' }); // { role: 'clock', organizationId: null }
 * ```
 */
export function wireActor(actor: ActorRef): WireActor {
  return { role: actor.role, organizationId: typeof actor.organizationId === 'string' ? actor.organizationId : null };
}

/**
 * A kernel event as the contract's `WorkflowEvent` (the machine event name stays internal;
 * the payload as sent is kept in `data`).
 *
 * @example
 * ```ts
 * instance.events.map((e) => wireEvent(e, steps));
 * ```
 */
export function wireEvent(event: WorkflowEvent, steps: StepNames = {}): WireEvent {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    actor: wireActor(event.actor),
    from: event.from,
    to: event.to,
    reason: event.reason ? { ...(event.reason.code !== undefined ? { code: event.reason.code } : {}), text: event.reason.text } : null,
    deadline: wireDeadline(event.deadline, steps),
    ...(event.data ? { data: structuredClone(event.data) } : {}),
  };
}

/**
 * Written reasons as the contract's `Reason[]` (strings become `{ text }`).
 *
 * @example
 * ```ts
 * toReasons(['材料不全', { code: 'X', text: '超出场景' }]); // [{ text: '材料不全' }, { code: 'X', text: '超出场景' }]
 * ```
 */
export function toReasons(value: unknown): Reason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r): Reason[] => {
    if (typeof r === 'string') return r === '' ? [] : [{ text: r }];
    if (r && typeof r === 'object' && typeof (r as Reason).text === 'string') {
      const { code, text } = r as Reason;
      return [{ ...(typeof code === 'string' ? { code } : {}), text }];
    }
    return [];
  });
}

/**
 * The problem a refused transition answers: the state does not allow the event (409
 * `ILLEGAL_TRANSITION`, naming the current state and the events it allows), a missing written
 * reason or answer (400 `VALIDATION_FAILED`), or an unpublished holiday schedule (422
 * `CALENDAR_NOT_PUBLISHED`).
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
  return new PlatformProblem('ILLEGAL_TRANSITION', {
    detail: `${error.event} is not allowed in state ${error.from} (${error.code}); allowed: ${error.allowed.join(', ') || 'none'}`,
    extensions: { currentState: error.from, allowedEvents: error.allowed, reasonCode: error.code },
  });
}
