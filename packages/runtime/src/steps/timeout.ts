import { AbortError, TimeoutError } from '../errors/network-errors.js';
import { DeadlineSlices } from './deadline-slices.js';
import type { Step } from './types.js';

/**
 * Bounds each attempt by `call.timeoutMs` (≤ 0 disables) and links the caller's signal. A fired
 * timer becomes a retryable {@link TimeoutError}; the caller's abort becomes an {@link AbortError}.
 *
 * With `transportEnforces` (the undici transport; the fetch transport with the global fetch on
 * Node) the transport applies the timeout itself and this step only passes the caller's signal
 * through: an AbortController with its signal and a timer cost several microseconds per attempt
 * on Node 20, more than the rest of the pipeline. Otherwise (an injected fetch, a browser, a
 * custom transport) attempts without a caller's signal share one signal per slice of start times
 * (`DeadlineSlices`: a timeout may end up to a tenth later, at most 1 s), which spares the
 * per-attempt controller and keeps the timeout working whoever answers the fetch.
 * Attempts of a call with `totalTimeoutMs`, whose timeouts the retry step shortens to the time
 * left, get an AbortController each, as those with a caller's signal do.
 * The caller's signal is linked by hand rather than with `AbortSignal.any`, so the listener is
 * removed after every attempt and a long-lived caller signal never accumulates followers.
 */
export function timeoutStep(transportEnforces: boolean): Step {
  const slices = new DeadlineSlices();
  return (next) => async (call) => {
    const user = call.userSignal;
    if (user?.aborted) throw new AbortError(user.reason, call.operationId);
    const ms = call.timeoutMs;
    if (transportEnforces || !(ms > 0) || ms === Number.POSITIVE_INFINITY) {
      call.signal = user;
      try {
        return await next(call);
      } catch (error) {
        throw user?.aborted ? new AbortError(user.reason, call.operationId) : error;
      }
    }

    // Slices group attempts by their timeout: the attempts a deadline shortened to the time left
    // would each open one (and leave it in the map), so they get a controller of their own.
    if (user === undefined && !(call.totalTimeoutMs > 0)) {
      const slice = slices.join(ms);
      call.signal = slice.signal;
      try {
        return await next(call);
      } catch (error) {
        if (slice.signal.aborted) throw new TimeoutError(ms, call.operationId);
        throw error;
      } finally {
        slice.leave();
      }
    }

    // With the caller's signal or a deadline: a controller of its own, aborted by either.
    const controller = new AbortController();
    const timer = setTimeout(abortOnTimeout, ms, controller);
    const onUserAbort = (): void => controller.abort(user?.reason);
    user?.addEventListener('abort', onUserAbort, { once: true });
    call.signal = controller.signal;
    try {
      return await next(call);
    } catch (error) {
      if (user?.aborted) throw new AbortError(user.reason, call.operationId);
      if (controller.signal.aborted) throw new TimeoutError(ms, call.operationId);
      throw error;
    } finally {
      clearTimeout(timer);
      user?.removeEventListener('abort', onUserAbort);
    }
  };
}

function abortOnTimeout(controller: AbortController): void {
  controller.abort();
}
