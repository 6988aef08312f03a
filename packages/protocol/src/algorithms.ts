import { sm3SelfTest } from './sm3-self-test.js';

/**
 * The signature methods of the protocol (`X-Gdx-Signature-Method`).
 *
 * @example
 * ```ts
 * const algorithm: SignatureAlgorithm = 'HMAC-SM3';
 * ```
 */
export type SignatureAlgorithm = 'HMAC-SHA256' | 'HMAC-SM3';

/**
 * All supported signature methods, in order of preference for new integrations.
 *
 * @example
 * ```ts
 * SIGNATURE_ALGORITHMS.includes('HMAC-SM3'); // true
 * ```
 */
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['HMAC-SHA256', 'HMAC-SM3'];

/**
 * Type guard for a signature method name as found in a header.
 *
 * @example
 * ```ts
 * isSignatureAlgorithm('HMAC-SM3'); // true
 * isSignatureAlgorithm('HMAC-MD5'); // false
 * ```
 */
export function isSignatureAlgorithm(value: unknown): value is SignatureAlgorithm {
  return value === 'HMAC-SHA256' || value === 'HMAC-SM3';
}

/**
 * The hash behind a signature method (node:crypto's name). The first use of SM3 runs the
 * GB/T 32905 self-test (once; it throws if this Node build lacks a correct SM3).
 */
export function hashName(algorithm: SignatureAlgorithm): 'sha256' | 'sm3' {
  if (algorithm === 'HMAC-SHA256') return 'sha256';
  if (algorithm === 'HMAC-SM3') {
    sm3SelfTest();
    return 'sm3';
  }
  throw Object.assign(
    new TypeError(`[SIGNATURE_METHOD_UNSUPPORTED] 不支持的签名算法 / unsupported signature method: ${String(algorithm)}`),
    { code: 'SIGNATURE_METHOD_UNSUPPORTED' },
  );
}
