/**
 * Whether a method only reads (`HEAD` answers as `GET` without a body): it changes nothing, so it
 * is never journaled, never refused for storage and never counted against a sandbox's quotas.
 *
 * @example
 * ```ts
 * isRead('HEAD'); // true
 * ```
 */
export function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}
