import { planOfficialActions, type PlanOptions } from '@gdx/procedures';
import type { ActorRef, Calendar, PlannedDispatch, WorkflowInstance } from '@gdx/kernel';
import { REVISIONS, type ReviewerPolicy } from '../../app/platform-module.js';

/**
 * What simulated officials plan for an instance that just entered a state, under the sandbox's
 * reviewer policy exactly as the simulation API defines it (`@gdx/procedures` reads the policy
 * object and decides outcome, reasons and answers from the seed):
 * - `auto`: within the step's limit on the first working day (or the last, `decideOn`);
 *   `approvalRate` (default 1) weighs approval against supplements / rejection;
 * - `late`: `overdueByWorkingDays` (default 1) working days after the due date, so the overdue
 *   flag fires first (with the explanation where the rule asks for one) — never an approval by the clock;
 * - `manual`: nothing (tests act through `POST /_sim/v1/sandboxes/{id}/actions`).
 *
 * @example
 * ```ts
 * for (const plan of planOfficials(instance, officials.options(sandbox))) engine.plan(plan);
 * ```
 */
export function planOfficials(instance: WorkflowInstance, options: PlanOptions): readonly PlannedDispatch[] {
  return planOfficialActions(instance, options);
}

/** What `OfficialsPlanning.options` reads of a sandbox. */
export interface OfficialsSettings {
  readonly reviewerPolicy: ReviewerPolicy;
  readonly seed: number;
  readonly calendar: Calendar;
  /** The revision of the command being run: officials of a command journaled before `REVISIONS.stepReasons` write what they wrote then. */
  revision(): number;
}

/**
 * What a host's officials plan with, made once and shared by every plan (officials plan after
 * every state change of a clock advance): the options, made again only when the sandbox's
 * reviewer policy, seed or calendar is another object, and one actor per official role and
 * organisation. An actor is never changed once made (events keep it), so sharing one is safe.
 *
 * @example
 * ```ts
 * const officials = new OfficialsPlanning();
 * plan.actor = officials.actor('registry', 'org_registry'); // the same object every time
 * ```
 */
export class OfficialsPlanning {
  #options: PlanOptions | undefined;
  readonly #actors = new Map<string, ActorRef>();

  /** The plan options for the sandbox's current policy, seed and calendar, and the command's revision. */
  options(sandbox: OfficialsSettings): PlanOptions {
    const known = this.#options;
    const reasonTexts = sandbox.revision() >= REVISIONS.stepReasons ? 'step' : 'shared';
    if (known !== undefined && known.policy === sandbox.reviewerPolicy && known.seed === sandbox.seed && known.calendar === sandbox.calendar && known.reasonTexts === reasonTexts) return known;
    return (this.#options = { policy: sandbox.reviewerPolicy, seed: sandbox.seed, calendar: sandbox.calendar, reasonTexts });
  }

  /** The actor `{ role, organizationId }`, one object per role while its organisation stays the same. */
  actor(role: string, organizationId: string): ActorRef {
    const known = this.#actors.get(role);
    if (known !== undefined && known.organizationId === organizationId) return known;
    // Not frozen: a frozen object has a map of its own, and every actor reaches the same kernel code.
    const made: ActorRef = { role, organizationId };
    this.#actors.set(role, made);
    return made;
  }
}
