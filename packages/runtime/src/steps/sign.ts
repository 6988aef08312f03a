import { createRequestSigner, type SigningCredentials } from '@gdx/protocol';
import { ServerClock } from './server-clock.js';
import type { Call, Step } from './types.js';

/**
 * Credentials of an organisation's app (the same shape `@gdx/protocol` signs with).
 *
 * @example
 * ```ts
 * const credentials: Credentials = { appKey: 'ak_1', secret: process.env.GDX_SECRET!, algorithm: 'HMAC-SM3' };
 * ```
 */
export type Credentials = SigningCredentials;

/**
 * Signs every attempt afresh (new timestamp and nonce), so retries are never replays. The signer
 * (HMAC key pads) is prepared once per client; the path is signed exactly as the transport sends it.
 * Timestamps follow the platform's clock ({@link ServerClock}): an attempt refused with
 * `TIMESTAMP_OUT_OF_WINDOW` whose `Date` header shows the local clock is off is signed again with
 * the corrected time and sent once more — it was refused before anything ran, so that is safe for
 * any method — and every later call of the client uses the correction.
 */
export function signStep(credentials: Credentials, now: () => number): Step {
  const signer = createRequestSigner(credentials);
  const clock = new ServerClock(now);
  const sign = (call: Call): void => {
    signer({ method: call.method, url: call.path, body: call.body, timestamp: clock.now() }, call.headers);
  };
  return (next) => (call) => {
    sign(call);
    return next(call).then((response) => {
      if (!clock.learn(response)) return response;
      sign(call);
      return next(call);
    });
  };
}
