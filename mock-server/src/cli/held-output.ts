import type { LogOutput } from './request-logger.js';

/** A log output that holds what is written until `release()`: see `heldOutput`. */
export interface HeldOutput extends LogOutput {
  /** Writes what was held, in order, and from now on writes straight through (again: nothing). */
  release(): void;
}

/**
 * Holds what the logger writes during `gdx-mock`'s start (entries a replay refused, a damaged line
 * of `replay-refused.jsonl`, a sandbox that could not be restored) until the banner is written:
 * scripts read the URL from stdout's first line, so no log line may come before it. Released
 * also when the start fails, so what was logged before the failure is not lost.
 *
 * @example
 * ```ts
 * const out = heldOutput(process.stdout);
 * const logger = createLogger({ level: 'info', format: 'json' }, out);
 * logger.error('[REPLAY_REFUSED] …');   // held
 * process.stdout.write(banner);
 * out.release();                       // the held line, after the banner
 * ```
 */
export function heldOutput(output: LogOutput): HeldOutput {
  let held: string[] | undefined = [];
  return {
    ...(output.isTTY !== undefined ? { isTTY: output.isTTY } : {}),
    write(text: string) {
      if (held) held.push(text);
      else output.write(text);
    },
    release() {
      if (!held) return;
      const lines = held;
      held = undefined;
      if (lines.length > 0) output.write(lines.join(''));
    },
  };
}
