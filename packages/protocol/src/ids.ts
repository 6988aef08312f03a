/**
 * The nonce syntax of `X-Gdx-Nonce`: 16–64 characters of `[A-Za-z0-9_-]`.
 *
 * @example
 * ```ts
 * NONCE_PATTERN.test(generateNonce()); // true
 * ```
 */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A fresh nonce for `X-Gdx-Nonce`: a random UUID (36 characters, all in the allowed set).
 * Web Crypto's `randomUUID` (Node and browsers) draws from a cached entropy pool, so this is cheap enough for every request.
 *
 * @example
 * ```ts
 * const nonce = generateNonce(); // '0b6f1d1e-5c3a-4c52-9a7e-2f0c3b9c8d11'
 * ```
 */
export function generateNonce(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A new request id for `X-Request-Id` and problem bodies: `req_` + 32 hex characters.
 *
 * @example
 * ```ts
 * const id = requestId(); // 'req_0b6f1d1e5c3a4c529a7e2f0c3b9c8d11'
 * ```
 */
export function requestId(): string {
  return `req_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
}
