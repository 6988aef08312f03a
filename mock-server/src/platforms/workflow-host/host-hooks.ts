import type { PlatformClockHooks } from '../../app/platform-module.js';
import type { WorkflowHost } from './workflow-host.js';

/**
 * A platform's clock hooks when its timers are its workflow host's: the sandbox asks the host for
 * its earliest timer and lets it fire what is due.
 *
 * @example
 * ```ts
 * const platform = { ...rest, clock: hostClock<SharingState>((state) => state.host) };
 * ```
 */
export function hostClock<S>(hostOf: (state: S) => WorkflowHost): PlatformClockHooks<S> {
  return {
    nextDueAt: (state) => hostOf(state).nextDueAt(),
    fireDue: (_sandbox, state, fired) => hostOf(state).fireDue(fired),
    calendarChanged: (_sandbox, state) => {
      const host = hostOf(state);
      host.reviseEstimates();
      host.replanBlocked();
    },
  };
}

/**
 * Records by id, for a state rebuilt from a snapshot's arrays: the records themselves, not copies
 * (a platform's `importState` owns the data it is given).
 *
 * @example
 * ```ts
 * const requests = recordsById(saved?.requests); // Map<'shr_…', RequestRecord>
 * ```
 */
export function recordsById<T extends { id: string }>(list: readonly T[] | undefined): Map<string, T> {
  return new Map((list ?? []).map((r) => [r.id, r]));
}
