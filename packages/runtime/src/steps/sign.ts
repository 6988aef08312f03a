import { signRequest, type SignatureAlgorithm } from '@gdx/protocol';
import type { Step } from './types.js';

/**
 * Credentials of an organisation's app.
 *
 * @example
 * ```ts
 * const credentials: Credentials = { appKey: 'ak_1', secret: process.env.GDX_SECRET!, algorithm: 'HMAC-SM3' };
 * ```
 */
export interface Credentials {
  appKey: string;
  secret: string;
  /** Default `HMAC-SHA256`. */
  algorithm?: SignatureAlgorithm;
}

/** Signs every attempt afresh (new timestamp and nonce), so retries are never replays. */
export function signStep(credentials: Credentials, now: () => number): Step {
  const { appKey, secret } = credentials;
  const algorithm = credentials.algorithm ?? 'HMAC-SHA256';
  return (next) => (call) => {
    const signed = signRequest({ method: call.method, url: call.url, body: call.body, appKey, secret, algorithm, timestamp: now() });
    Object.assign(call.headers, signed);
    return next(call);
  };
}
