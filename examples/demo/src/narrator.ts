import type { DemoSandbox } from './sandbox.js';

/**
 * Moves a sandbox's virtual clock to an instant, then prints what happens there as
 * `▸ 2025-10-09 09:30  …` (the instant's own Shanghai wall time, as written).
 *
 * @example
 * ```ts
 * const step = narrator(sandbox, console.log);
 * await step('2025-10-09T09:30:00+08:00', 'the registrant resubmits');
 * ```
 */
export function narrator(s: DemoSandbox, print: (line: string) => void): (instant: string, line: string) => Promise<void> {
  return async (instant, line) => {
    await s.advanceTo(instant);
    print(`▸ ${instant.slice(0, 16).replace('T', ' ')}  ${line}`);
  };
}
