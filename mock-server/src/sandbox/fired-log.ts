import type { FiredTransition } from '../app/platform-module.js';

/**
 * What a clock advance reports of the transitions it fired (`clock/advance`): every one counted,
 * the first `limit` listed. A platform asks `lists()` for each transition it fires and builds its
 * record only when told to: an advance asked for none (`firedLimit: 0`, as the console and the
 * bench ask) made and kept a record per transition (~80 B each) for nothing.
 *
 * @example
 * ```ts
 * const fired = new FiredLog(2);
 * if (fired.lists()) fired.listed.push({ at, platform: 'sharing', objectType: 'request', objectId, type, from, to });
 * fired.count; // 1
 * ```
 */
export class FiredLog {
  /** The transitions fired, listed or not. */
  count = 0;
  /** The first `limit` transitions fired, in order. */
  readonly listed: FiredTransition[] = [];
  /** How many are listed at most (default: all). */
  readonly limit: number;

  constructor(limit = Number.POSITIVE_INFINITY) {
    this.limit = limit;
  }

  /** Counts one transition fired; `true` when it is to be listed (push its record into `listed` then). */
  lists(): boolean {
    this.count += 1;
    return this.listed.length < this.limit;
  }

  /** Counts and, within the limit, lists a transition whose record is already made. */
  add(fired: FiredTransition): void {
    if (this.lists()) this.listed.push(fired);
  }
}
