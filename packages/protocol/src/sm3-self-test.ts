import { cryptoProvider, digest } from '#hash';

/** GB/T 32905-2016 appendix A examples: message → expected SM3 digest. */
const VECTORS: readonly (readonly [string, string])[] = [
  ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
];

/**
 * Error thrown when the platform's crypto has no usable SM3. `code` is stable.
 *
 * @example
 * ```ts
 * try { sm3SelfTest(); } catch (e) { if (e instanceof Sm3UnavailableError) useSha256(); }
 * ```
 */
export class Sm3UnavailableError extends Error {
  readonly code = 'SM3_UNAVAILABLE';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(
      `[SM3_UNAVAILABLE] 本平台的 SM3 杂凑算法不可用或结果错误 / SM3 is unavailable or wrong on this platform (${cryptoProvider()}): ${reason}`,
      options,
    );
    this.name = 'Sm3UnavailableError';
  }
}

// Cached outcome: undefined = not run yet, true = passed, an error = failed (rethrown every time).
let outcome: true | Sm3UnavailableError | undefined;

/**
 * Checks the platform's SM3 (node:crypto, or the pure-JS one in browsers) against the GB/T 32905-2016 test vectors ("abc" and "abcd"×16) and throws
 * {@link Sm3UnavailableError} if SM3 is missing or wrong. Runs once; the result is cached.
 * HMAC-SM3 signing and verification call it lazily on first use.
 *
 * @example
 * ```ts
 * import { sm3SelfTest } from '@gdx/protocol';
 * sm3SelfTest(); // throws on a Node build whose OpenSSL lacks SM3
 * ```
 */
export function sm3SelfTest(): void {
  if (outcome === undefined) outcome = runSelfTest();
  if (outcome !== true) throw outcome;
}

function runSelfTest(): true | Sm3UnavailableError {
  for (const [message, expected] of VECTORS) {
    let actual: string;
    try {
      actual = digest('sm3', message, 'hex');
    } catch (cause) {
      return new Sm3UnavailableError('the SM3 hash failed', { cause });
    }
    if (actual !== expected) {
      return new Sm3UnavailableError(`digest of a ${message.length}-byte test vector is ${actual}, expected ${expected}`);
    }
  }
  return true;
}
