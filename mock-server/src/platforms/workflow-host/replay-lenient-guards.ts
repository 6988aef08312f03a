import { payloadGuard, type Guard, type GuardRegistry } from '@gdx/kernel';
import { REVISIONS } from '../../app/platform-module.js';

/**
 * Guards that refuse what an older gdx-mock acknowledged: checks added after data directories
 * were written. A journaled action replays past them as it was answered, as a journaled import
 * does past the import checks: a live request that failed them was never journaled, and one that
 * passed passes again at the same sandbox time, so only entries of older versions see the
 * difference. Refusing those would drop what their answer promised, and every id drawn after it
 * (the sandbox's ids share one seeded sequence) would shift.
 */
export const CHECKS_SINCE_JOURNALS: ReadonlySet<string> = new Set([
  // Approving or delivering a sharing request / open-data application after its period of use ended.
  'periodOfUseRunning',
  // A registration's second supplement notice (一次性告知, `supplementNotice: once`).
  'supplementNotYetNoticed',
  // Deciding an overdue formal review before the registry explained the delay (第十一条 说明原因).
  'overdueReviewExplained',
  // An authorization's term cap counted from the signing day when the term starts after it
  // (it counted from the term's first day): signing, and an amendment's new term end.
  'termAcceptable',
  'amendedTermAcceptable',
  // The formal-fee application is the grantor's (65号 二); older versions took it from the operator.
  'grantorApplies',
  // A bid in a tender after its bid period ended (投标截止); older versions took it.
  'tenderOpen',
  // A renewal on the 61st day before expiry: older versions opened the window (期满前 60 日内) a day early.
  'renewalWindowOpen',
]);

/**
 * Guards that choose a transition with an effect added at a revision (`REVISIONS`), by the
 * revision it came in at: a command journaled before it ran without the effect, so while its
 * replay runs under an older revision the guard fails and the next transition of the event (the
 * one it ran) is taken. Unlike a check above, such a command is no refusal: it was answered the
 * same, but what it did beyond its answer (events fed and delivered, deadlines) would differ.
 */
export const EFFECTS_SINCE_REVISIONS: Readonly<Record<string, number>> = {
  // A held review's limit stops while its approval is held (`heldReview` of @gdx/procedures).
  holdStopsReviewClock: REVISIONS.heldReviewClockStops,
  // A negotiation runs no tender period (`selectionMachine` of @gdx/procedures): neither on its start nor after a bid.
  negotiationRunsNoPeriod: REVISIONS.negotiationRunsNoPeriod,
  negotiationWithoutPeriod: REVISIONS.negotiationRunsNoPeriod,
  // …and is created without it, so its first event shows none (before, the clock dropped it in a second event).
  negotiationOpensWithoutPeriod: REVISIONS.negotiationOpensWithoutPeriod,
};

/** Marks `wrapped` as reading the payload when `check` does, so a payload guard stays one for `acceptedEvents`. */
function like(check: Guard, wrapped: Guard): Guard {
  return check.readsPayload ? payloadGuard(wrapped) : wrapped;
}

/**
 * `guards` with each of {@link CHECKS_SINCE_JOURNALS} passing while `replaying()` answers true,
 * and each of {@link EFFECTS_SINCE_REVISIONS} failing while `revision()` (the sandbox's: the
 * journaled command's while it is replayed) is older than its own; every other guard (those that
 * pick a transition's target, e.g. `data.noticeClosed`) as it is.
 *
 * @example
 * ```ts
 * const guards = replayLenientGuards(procedures.guards, () => replayingAcknowledgedAction, () => sandbox.revision());
 * ```
 */
export function replayLenientGuards(guards: GuardRegistry, replaying: () => boolean, revision: () => number): GuardRegistry {
  const lenient: GuardRegistry = { ...guards };
  for (const name of CHECKS_SINCE_JOURNALS) {
    const check = guards[name];
    if (check) lenient[name] = like(check, (instance, input, ctx) => replaying() || check(instance, input, ctx));
  }
  for (const [name, since] of Object.entries(EFFECTS_SINCE_REVISIONS)) {
    const check = guards[name];
    if (check) lenient[name] = like(check, (instance, input, ctx) => revision() >= since && check(instance, input, ctx));
  }
  return lenient;
}
