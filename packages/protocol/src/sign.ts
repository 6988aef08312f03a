import { createHmac } from 'node:crypto';
import { hashName, type SignatureAlgorithm } from './algorithms.js';
import { canonicalRequest } from './canonical.js';
import { contentDigest, type SignableBody } from './digest.js';
import { HEADERS } from './headers.js';
import { generateNonce } from './ids.js';

/**
 * Base64 HMAC of a canonical string with the method's hash (the `X-Gdx-Signature` value).
 *
 * @example
 * ```ts
 * computeSignature('GET\n/applications\n\ne3b0…\n1758852000000\nnonce…\nak_1', 'secret', 'HMAC-SM3');
 * ```
 */
export function computeSignature(canonical: string, secret: string, algorithm: SignatureAlgorithm): string {
  return createHmac(hashName(algorithm), secret).update(canonical, 'utf8').digest('base64');
}

/**
 * Inputs of {@link signRequest}.
 *
 * @example
 * ```ts
 * const input: SignRequestInput = { method: 'POST', url: 'http://127.0.0.1:4010/registration/v1/applications',
 *   body: '{"type":"initial"}', appKey: 'ak_1', secret: 's3cret' };
 * ```
 */
export interface SignRequestInput {
  method: string;
  /** Absolute URL, or a path with query (`/applications?limit=20`). Path and query are taken as sent. */
  url: string | URL;
  /** The exact body bytes that will be sent (a string is UTF-8); omit for none. */
  body?: SignableBody;
  appKey: string;
  secret: string;
  /** Default `HMAC-SHA256`. */
  algorithm?: SignatureAlgorithm | undefined;
  /** Unix epoch milliseconds; default `Date.now()`. */
  timestamp?: number | undefined;
  /** Default {@link generateNonce}(). */
  nonce?: string | undefined;
}

/**
 * The six signing headers to add to a request (lower-case names from {@link HEADERS}).
 *
 * @example
 * ```ts
 * import { signRequest } from '@gdx/protocol';
 * const body = JSON.stringify({ type: 'initial' });
 * const headers = signRequest({ method: 'POST', url, body, appKey: 'ak_1', secret: 's3cret', algorithm: 'HMAC-SM3' });
 * await fetch(url, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } });
 * ```
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const algorithm = input.algorithm ?? 'HMAC-SHA256';
  const url = typeof input.url === 'string' ? new URL(input.url, 'http://localhost') : input.url;
  const timestamp = String(input.timestamp ?? Date.now());
  const nonce = input.nonce ?? generateNonce();
  const digest = contentDigest(input.body, algorithm);
  const canonical = canonicalRequest({
    method: input.method,
    path: url.pathname,
    query: url.search,
    contentDigest: digest,
    timestamp,
    nonce,
    appKey: input.appKey,
  });
  return {
    [HEADERS.appKey]: input.appKey,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.signatureMethod]: algorithm,
    [HEADERS.contentDigest]: digest,
    [HEADERS.signature]: computeSignature(canonical, input.secret, algorithm),
  };
}
