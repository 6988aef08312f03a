import { hash } from 'node:crypto';
import type { HashName } from './hash-name.js';

// The Node leaf of `#hash`: OpenSSL through node:crypto. `crypto.hash` (one-shot, Node ≥ 20.12)
// is 2–3× faster than `createHash` for the small inputs of request signing.

/** Digest of a string (UTF-8) or bytes, as lower-case hex or base64. */
export function digest(name: HashName, data: string | Uint8Array, encoding: 'hex' | 'base64'): string {
  return hash(name, data, encoding);
}

/** Digest of bytes, as bytes. */
export function digestBytes(name: HashName, data: Uint8Array): Uint8Array {
  return hash(name, data, 'buffer');
}

/** Which implementation answers, for error messages. */
export function cryptoProvider(): string {
  return `Node ${process.version}, OpenSSL ${process.versions.openssl ?? 'unknown'}`;
}
