import { digest, digestBytes } from '#hash';
import { hashName, type SignatureAlgorithm } from './algorithms.js';
import type { HashName } from './crypto/hash-name.js';

/** Block size of SHA-256 and SM3 in bytes (RFC 2104 "B"). */
const BLOCK = 64;

const utf8 = new TextEncoder();

/**
 * Base64 HMAC of a canonical string with the method's hash (the `X-Gdx-Signature` value).
 *
 * @example
 * ```ts
 * computeSignature('GET\n/applications\n\ne3b0…\n1758852000000\nnonce…\nak_1', 'secret', 'HMAC-SM3');
 * ```
 */
export function computeSignature(canonical: string, secret: string, algorithm: SignatureAlgorithm): string {
  const name = hashName(algorithm);
  // A verifier meets a new secret on every request: its pads go into the shared scratch pads
  // instead of two arrays per request (the key itself is encoded into a scratch buffer too).
  padsInto(name, secret, scratchInner, scratchOuter);
  return hmacWithPads(name, scratchInner, scratchOuter, canonical);
}

/**
 * A precomputed HMAC (RFC 2104) for one secret: same result as {@link computeSignature}, with
 * the key pads derived once, so each signature costs two one-shot hashes over reused buffers
 * (no allocation but the digests: about as fast as an OpenSSL HMAC context on Node, and less
 * garbage; in browsers it runs on the pure-JS hashes).
 *
 * @example
 * ```ts
 * const sign = hmacSigner('secret', 'HMAC-SHA256');
 * sign(canonical) === computeSignature(canonical, 'secret', 'HMAC-SHA256'); // true
 * ```
 */
export function hmacSigner(secret: string, algorithm: SignatureAlgorithm): (canonical: string) => string {
  const name = hashName(algorithm);
  const inner = new Uint8Array(BLOCK);
  const outer = new Uint8Array(BLOCK);
  padsInto(name, secret, inner, outer);
  return (canonical) => hmacWithPads(name, inner, outer, canonical);
}

// Scratch buffers shared by every HMAC of this module. Each is filled and hashed within one
// synchronous call, so no two signatures can see each other's bytes.
const scratchInner = new Uint8Array(BLOCK);
const scratchOuter = new Uint8Array(BLOCK);
/** A secret as UTF-8 (3 bytes per UTF-16 unit at most); longer secrets are encoded apart. */
const keyBytes = new Uint8Array(3 * BLOCK);
/** The inner message: the inner pad, then the canonical string as UTF-8. */
let innerMessage = new Uint8Array(BLOCK + 1_024);
/**
 * Views of `innerMessage`, kept with it: where the canonical string is encoded, and the last
 * pads-plus-message view hashed, reused while canonical strings encode to the same length (a
 * client's and a server's requests mostly do). A typed-array view is a heap object: two per
 * HMAC were ~0.5 KB per signed create.
 */
let innerTail = innerMessage.subarray(BLOCK);
let innerView = innerMessage.subarray(0, BLOCK);
/** The outer message: the outer pad, then the inner digest (32 bytes for SHA-256 and SM3). */
const outerMessage = new Uint8Array(BLOCK + 32);
/** Canonical strings up to this size reuse `innerMessage`; a larger one gets its own buffer. */
const MAX_SCRATCH = 64 * 1_024;

/** RFC 2104's `K XOR ipad` and `K XOR opad` of `secret` (hashed first when longer than the block). */
function padsInto(name: HashName, secret: string, inner: Uint8Array, outer: Uint8Array): void {
  // The key's bytes and their count: a short secret is read from the scratch buffer itself, not
  // through a view of it (a verifier derives pads on every request).
  let key: Uint8Array = keyBytes;
  let length: number;
  if (secret.length <= BLOCK) length = utf8.encodeInto(secret, keyBytes).written;
  else {
    key = utf8.encode(secret);
    length = key.length;
  }
  if (length > BLOCK) {
    key = digestBytes(name, key.subarray(0, length));
    length = key.length;
  }
  inner.fill(0x36);
  outer.fill(0x5c);
  for (let i = 0; i < length; i++) {
    inner[i] = 0x36 ^ (key[i] as number);
    outer[i] = 0x5c ^ (key[i] as number);
  }
}

function hmacWithPads(name: HashName, inner: Uint8Array, outer: Uint8Array, canonical: string): string {
  const needed = BLOCK + 3 * canonical.length;
  if (needed > innerMessage.length && needed <= MAX_SCRATCH) {
    innerMessage = new Uint8Array(needed);
    innerTail = innerMessage.subarray(BLOCK);
    innerView = innerMessage.subarray(0, BLOCK);
  }
  let message: Uint8Array;
  if (needed <= innerMessage.length) {
    innerMessage.set(inner);
    const { written } = utf8.encodeInto(canonical, innerTail);
    if (innerView.length !== BLOCK + written) innerView = innerMessage.subarray(0, BLOCK + written);
    message = innerView;
  } else {
    const own = new Uint8Array(needed);
    own.set(inner);
    message = own.subarray(0, BLOCK + utf8.encodeInto(canonical, own.subarray(BLOCK)).written);
  }
  outerMessage.set(outer);
  outerMessage.set(digestBytes(name, message), BLOCK);
  return digest(name, outerMessage, 'base64');
}
