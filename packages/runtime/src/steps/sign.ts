import { createRequestSigner, type SigningCredentials } from '@gdx/protocol';
import type { Step } from './types.js';

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
 */
export function signStep(credentials: Credentials, now: () => number): Step {
  const signer = createRequestSigner(credentials);
  return (next) => (call) => {
    signer({ method: call.method, url: call.path, body: call.body, timestamp: now() }, call.headers);
    return next(call);
  };
}
