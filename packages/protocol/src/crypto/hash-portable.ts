import { sha256 } from '@noble/hashes/sha2';
import sm3Hex from 'sm-crypto/src/sm3/index.js';
import type { HashName } from './hash-name.js';

// The browser leaf of `#hash` (selected by the `browser` export condition): pure JavaScript, so
// signing and the mock's verification run where node:crypto does not. SHA-256 comes from
// @noble/hashes; SM3 from sm-crypto's GB/T 32905 implementation, given bytes (never a string:
// its own UTF-8 encoder mangles characters outside the BMP).

const utf8 = new TextEncoder();

/** Digest of a string (UTF-8) or bytes, as lower-case hex or base64. */
export function digest(name: HashName, data: string | Uint8Array, encoding: 'hex' | 'base64'): string {
  if (name === 'sm3' && encoding === 'hex') return sm3Hex(bytesOf(data));
  const bytes = digestBytes(name, bytesOf(data));
  return encoding === 'hex' ? toHex(bytes) : toBase64(bytes);
}

/** Digest of bytes, as bytes. */
export function digestBytes(name: HashName, data: Uint8Array): Uint8Array {
  return name === 'sha256' ? sha256(data) : fromHex(sm3Hex(data));
}

/** Which implementation answers, for error messages. */
export function cryptoProvider(): string {
  return 'pure JavaScript (@noble/hashes, sm-crypto)';
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? utf8.encode(data) : data;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
