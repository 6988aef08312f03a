import { digest } from '#hash';
import { hashName, type SignatureAlgorithm } from './algorithms.js';

/**
 * A request body as far as signing is concerned: the exact bytes sent (a string is UTF-8).
 * `undefined`/`null` mean "no body".
 *
 * @example
 * ```ts
 * const body: SignableBody = JSON.stringify({ name: '测试' });
 * ```
 */
export type SignableBody = string | Uint8Array | null | undefined;

// Most signed requests are GETs: their digest is a constant per algorithm.
const emptyDigests = new Map<SignatureAlgorithm, string>();

/**
 * Lower-case hex digest of the raw body bytes with the method's hash (sha256 or sm3), as sent in
 * `X-Gdx-Content-Digest`. No body digests the empty string.
 *
 * @example
 * ```ts
 * contentDigest('', 'HMAC-SHA256');
 * // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 * ```
 */
export function contentDigest(body: SignableBody, algorithm: SignatureAlgorithm): string {
  if (body === undefined || body === null || body.length === 0) {
    let empty = emptyDigests.get(algorithm);
    if (empty === undefined) {
      empty = digest(hashName(algorithm), '', 'hex');
      emptyDigests.set(algorithm, empty);
    }
    return empty;
  }
  return digest(hashName(algorithm), body, 'hex');
}
