/** `virtual`: time moves only when advanced; `realtime`: wall time plus a fixed offset. */
export type ClockMode = 'virtual' | 'realtime';

/** Saved form of a sandbox clock. */
export interface ClockState {
  mode: ClockMode;
  /** virtual: the current instant; realtime: the offset added to wall time. */
  value: number;
}

/** The clock of one sandbox; the wall source is injected so a journal replay can pin it. */
export interface SandboxClock {
  readonly mode: ClockMode;
  now(): number;
  /** Moves the clock to `instant` (never backwards). */
  setTo(instant: number): void;
  save(): ClockState;
  /** Puts the clock back where `saved` (its own `save()`) found it: an advance that failed midway leaves it unmoved. */
  restore(saved: ClockState): void;
}

/**
 * Creates a sandbox clock. A realtime clock keeps following wall time after an advance (it is
 * shifted by the advanced amount), so deadlines still fire on their own.
 *
 * @example
 * ```ts
 * const clock = createSandboxClock({ mode: 'virtual', value: Date.parse('2025-09-26T02:00:00Z') }, Date.now);
 * clock.setTo(clock.now() + 3_600_000);
 * ```
 */
export function createSandboxClock(state: ClockState, wall: () => number): SandboxClock {
  let value = state.value;
  const now = (): number => (state.mode === 'virtual' ? value : wall() + value);
  return {
    mode: state.mode,
    now,
    setTo(instant: number): void {
      const current = now();
      if (instant <= current) return;
      value = state.mode === 'virtual' ? instant : value + (instant - current);
    },
    save: () => ({ mode: state.mode, value }),
    restore(saved: ClockState): void {
      value = saved.value;
    },
  };
}
