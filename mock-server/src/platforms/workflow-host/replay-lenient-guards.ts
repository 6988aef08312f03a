import { payloadGuard, type Guard, type GuardRegistry } from '@gdx/kernel';

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
]);

/**
 * `guards` with each of {@link CHECKS_SINCE_JOURNALS} passing while `replaying()` answers true;
 * every other guard (those that pick a transition's target, e.g. `data.noticeClosed`) as it is.
 *
 * @example
 * ```ts
 * const guards = replayLenientGuards(procedures.guards, () => replayingAcknowledgedAction);
 * ```
 */
export function replayLenientGuards(guards: GuardRegistry, replaying: () => boolean): GuardRegistry {
  const lenient: GuardRegistry = { ...guards };
  for (const name of CHECKS_SINCE_JOURNALS) {
    const check = guards[name];
    if (!check) continue;
    const wrapped: Guard = (instance, input, ctx) => replaying() || check(instance, input, ctx);
    // The wrapper reads what the guard reads: a payload guard stays one for `acceptedEvents`.
    lenient[name] = check.readsPayload ? payloadGuard(wrapped) : wrapped;
  }
  return lenient;
}
