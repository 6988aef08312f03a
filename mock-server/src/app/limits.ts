/**
 * How large a request may be before the mock refuses it, checked before any work is done on it
 * (before buffering, signature checks, parsing or validation).
 *
 * @example
 * ```ts
 * const limits: Limits = { ...DEFAULT_LIMITS, maxBodyBytes: 64 * 1024 };
 * ```
 */
export interface Limits {
  /** Largest request body in bytes; more answers 413 `PAYLOAD_TOO_LARGE`. */
  maxBodyBytes: number;
  /**
   * Largest body of a sandbox import (`POST /_sim/v1/sandboxes/import`), whose exported snapshot
   * carries the sandbox's seed data and every object it holds; more answers 413.
   */
  maxImportBytes: number;
  /** Longest request target (path and query, as sent) in bytes; more answers 414 `URI_TOO_LONG`. */
  maxUrlBytes: number;
  /** Largest header section (`name: value\r\n` per header) in bytes; more answers 431 `HEADERS_TOO_LARGE`. */
  maxHeaderBytes: number;
}

/**
 * The limits of an app that names none: a 1 MiB body (the largest valid request of the four
 * platforms is a few kB), 64 MiB for a sandbox import (a fresh sandbox's snapshot is about 1 MB,
 * and grows by a few kB an object), an 8 KiB request target (what common proxies accept) and 16 KiB of
 * headers (Node's own default).
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.maxBodyBytes; // 1048576
 * ```
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBodyBytes: 1_048_576,
  maxImportBytes: 64 * 1_048_576,
  maxUrlBytes: 8_192,
  maxHeaderBytes: 16_384,
});

/**
 * The limits of an app: the defaults with the given ones in their place. Each limit must be a
 * positive safe integer.
 *
 * @example
 * ```ts
 * resolveLimits({ maxBodyBytes: 4096 }); // { maxBodyBytes: 4096, maxImportBytes: 67108864, maxUrlBytes: 8192, maxHeaderBytes: 16384 }
 * resolveLimits({ maxBodyBytes: 0 }); // throws RangeError [INVALID_LIMIT]
 * ```
 */
export function resolveLimits(given: Partial<Limits> = {}): Readonly<Limits> {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = given[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`[INVALID_LIMIT] 限制须为正整数 / ${name} must be a positive integer: ${String(value)}`);
    limits[name] = value;
  }
  return Object.freeze(limits);
}

const IMPORT_PATH = '/_sim/v1/sandboxes/import';

/**
 * The body limit of a request to `path`: `maxImportBytes` for a sandbox import (below any mount
 * prefix), `maxBodyBytes` for everything else.
 *
 * @example
 * ```ts
 * bodyLimitFor(DEFAULT_LIMITS, '/_sim/v1/sandboxes/import'); // 67108864
 * bodyLimitFor(DEFAULT_LIMITS, '/registration/v1/applications'); // 1048576
 * ```
 */
export function bodyLimitFor(limits: Pick<Limits, 'maxBodyBytes' | 'maxImportBytes'>, path: string): number {
  return path.endsWith(IMPORT_PATH) ? limits.maxImportBytes : limits.maxBodyBytes;
}
