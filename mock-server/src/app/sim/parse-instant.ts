const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch ms of an RFC 3339 instant with an explicit offset; `undefined` otherwise (a bare date or a
 * local time would depend on the machine's zone).
 *
 * @example
 * ```ts
 * parseInstant('2025-09-26T10:00:00+08:00'); // 1758852000000
 * ```
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
