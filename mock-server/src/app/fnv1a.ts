/**
 * The 32-bit FNV-1a hash of a text's UTF-16 code units: cheap and well spread, for fingerprints
 * that only have to tell texts apart by accident (a cursor's query), never against an adversary.
 *
 * @example
 * ```ts
 * fnv1a('');  // 2166136261 (0x811c9dc5)
 * fnv1a('a'); // 3826002220
 * ```
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
