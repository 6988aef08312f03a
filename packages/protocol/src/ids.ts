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

/** Random bytes drawn at once for request ids (16 per id): one Web Crypto call per 256 ids. */
const ID_POOL = new Uint8Array(16 * 256);
let idPoolAt = ID_POOL.length;
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** The character codes of the id being built, `req_` then 32 hex digits, rewritten in place per id. */
const ID_CODES: number[] = Array.from('req_' + '0'.repeat(32), (c) => c.charCodeAt(0));

/**
 * A new request id for `X-Request-Id` and problem bodies: `req_` + 32 hex characters (a random
 * UUID's bits, version 4 and its variant, without the hyphens), from Web Crypto's
 * `getRandomValues` (Node, and browsers whether or not the page is a secure context).
 *
 * @example
 * ```ts
 * const id = requestId(); // 'req_0b6f1d1e5c3a4c529a7e2f0c3b9c8d11'
 * ```
 */
export function requestId(): string {
  // Bytes from a pool and one flat string from character codes: the core makes an id per request,
  // and `randomUUID().replaceAll('-', '')` made the UUID's string, its pieces and a copy.
  if (idPoolAt === ID_POOL.length) {
    globalThis.crypto.getRandomValues(ID_POOL);
    idPoolAt = 0;
  }
  const at = idPoolAt;
  idPoolAt += 16;
  for (let i = 0; i < 16; i++) {
    let byte = ID_POOL[at + i] as number;
    // RFC 9562: the version nibble of byte 6 is 4, the two top bits of byte 8 are 10.
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    ID_CODES[4 + 2 * i] = HEX_CODES[byte >> 4] as number;
    ID_CODES[5 + 2 * i] = HEX_CODES[byte & 0x0f] as number;
  }
  // `apply`, not a spread: a spread copies the array first.
  return String.fromCharCode.apply(null, ID_CODES);
}
