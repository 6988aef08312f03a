import type { TransportResponse } from '../transport/types.js';

/** The problem code of a timestamp outside the platform's window (docs/design.md, "Authentication"). */
const OUT_OF_WINDOW = 'TIMESTAMP_OUT_OF_WINDOW';
/** Smaller differences are the `Date` header's one-second resolution and the network's delay, not skew. */
const MIN_CORRECTION_MS = 2_000;
/**
 * Larger offsets are not a drifted clock but a wrong `Date` (a proxy's or a misconfigured
 * platform's, or a forged one): adopting a `Date` ten years ahead would sign every later call with
 * that time. A drifted clock is minutes to hours off; one a day off is a misset date, for its owner to fix.
 */
const MAX_CORRECTION_MS = 24 * 60 * 60_000;

/**
 * The platform's clock as one client sees it: the local clock plus an offset learnt from the
 * platform's own `Date` header when it refuses a signature's timestamp — as AWS SDKs correct
 * clock skew. A machine whose clock drifted more than the ±5 minutes the platforms allow would
 * otherwise have every signed call refused until someone fixed the clock.
 *
 * @example
 * ```ts
 * const clock = new ServerClock(Date.now);
 * sign(call, clock.now());
 * if (clock.learn(response)) sign(call, clock.now()); // refused for skew: send it once more
 * ```
 */
export class ServerClock {
  readonly #local: () => number;
  #offsetMs = 0;

  constructor(local: () => number) {
    this.#local = local;
  }

  /** Epoch ms on the platform's clock, as far as this client knows it. */
  now(): number {
    return this.#local() + this.#offsetMs;
  }

  /**
   * Takes the offset from a 401 `TIMESTAMP_OUT_OF_WINDOW` answer's `Date` header and says whether
   * it changed, i.e. whether the refused request is worth signing and sending again. A `Date` that
   * agrees with the clock already used (a platform that compares with another clock than the one
   * its `Date` header shows) teaches nothing, and neither does one more than
   * {@link MAX_CORRECTION_MS} (24 h) off the local clock: the refusal stands.
   */
  learn(response: TransportResponse): boolean {
    if (response.status !== 401 || !response.body.includes(OUT_OF_WINDOW)) return false;
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isNaN(date) || problemCode(response.body) !== OUT_OF_WINDOW) return false;
    const offset = date - this.#local();
    if (Math.abs(offset) > MAX_CORRECTION_MS || Math.abs(offset - this.#offsetMs) < MIN_CORRECTION_MS) return false;
    this.#offsetMs = offset;
    return true;
  }
}

function problemCode(body: string): unknown {
  try {
    return (JSON.parse(body) as { code?: unknown } | null)?.code;
  } catch {
    return undefined;
  }
}
