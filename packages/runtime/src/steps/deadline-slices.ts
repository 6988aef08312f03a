import { allowAbortListeners } from '#platform';

/** One abort signal shared by the attempts that started within one slice of time with one timeout. */
export interface DeadlineSlice {
  readonly signal: AbortSignal;
  /** Tell the slice an attempt that joined it has ended (answered, failed or timed out). */
  leave(): void;
}

/**
 * Attempts per slice. Few: undici's fetch adds a listener to the signal per request and drops it
 * only when the request is collected, and Node's EventTarget walks its listeners on every add, so
 * a long list makes each request slower (1,000 per slice measured 0.81× of bare fetch at
 * concurrency 16 against 0.92× with a controller per attempt); 32 keeps the list short and still
 * spares 31 controllers in 32.
 */
const MAX_ATTEMPTS = 32;
/** The most a timeout is stretched: a tenth of it, at most a second. */
const MAX_SLACK_MS = 1_000;

interface Slice extends DeadlineSlice {
  readonly controller: AbortController;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly closesAt: number;
  joined: number;
  pending: number;
}

/**
 * Timeouts for transports that need an abort signal (the fetch transport with an injected fetch or
 * in a browser, custom transports) without an `AbortController` and a timer per attempt,
 * which cost ~6 % of a loopback request on Node 20 (bench/HISTORY.md): attempts with the same
 * timeout that start within a slice of a tenth of it (at most 1 s) share one controller, aborted
 * one timeout after the slice closes. Each attempt therefore times out after at least its
 * `timeoutMs` and at most a tenth later, and the signal is a real one, so the timeout works
 * whoever answers the fetch. The timer keeps the process alive only
 * while an attempt of its slice is pending, as a per-attempt timer would.
 *
 * @example
 * ```ts
 * const slices = new DeadlineSlices();
 * const slice = slices.join(30_000);
 * try { await fetch(url, { signal: slice.signal }); } finally { slice.leave(); }
 * ```
 */
export class DeadlineSlices {
  readonly #open = new Map<number, Slice>();

  /** The slice an attempt with `timeoutMs` (finite, > 0) starting now belongs to. */
  join(timeoutMs: number): DeadlineSlice {
    const now = Date.now();
    let slice = this.#open.get(timeoutMs);
    if (slice === undefined || now >= slice.closesAt || slice.joined >= MAX_ATTEMPTS || slice.signal.aborted) {
      slice = this.#openSlice(timeoutMs, now);
      this.#open.set(timeoutMs, slice);
    }
    slice.joined += 1;
    if (slice.pending++ === 0) slice.timer.ref?.();
    return slice;
  }

  #openSlice(timeoutMs: number, now: number): Slice {
    const slack = Math.min(Math.ceil(timeoutMs / 10), MAX_SLACK_MS);
    const controller = new AbortController();
    allowAbortListeners(controller.signal, MAX_ATTEMPTS + 1);
    const open = this.#open;
    const slice: Slice = {
      controller,
      signal: controller.signal,
      // Fires one timeout after the slice closes: no attempt of it is aborted before its own timeout.
      timer: setTimeout(abortSlice, timeoutMs + slack, controller),
      closesAt: now + slack,
      joined: 0,
      pending: 0,
      leave() {
        if (--slice.pending > 0) return;
        // Nothing pending: the timer must not keep the process alive; a closed slice is done for good.
        if (Date.now() >= slice.closesAt || slice.joined >= MAX_ATTEMPTS) {
          clearTimeout(slice.timer);
          if (open.get(timeoutMs) === slice) open.delete(timeoutMs);
        } else slice.timer.unref?.();
      },
    };
    return slice;
  }
}

function abortSlice(controller: AbortController): void {
  controller.abort();
}
