import { hash } from 'node:crypto';

/**
 * A fingerprint of a document's JSON text (its SHA-1, hex): validators generated at build time
 * are used only for the document they were generated from, never for a contract changed since
 * the build. Node's native hash rather than a hash in JavaScript: every `gdx-mock` start
 * fingerprints the simulation API's contract (240 kB of text) at its first request, and FNV-1a
 * in cold JavaScript took ~7 ms of CPU for it, SHA-1 ~1 ms (issue 12). Node only, as the
 * generated validators are.
 *
 * @example
 * ```ts
 * documentFingerprint(JSON.stringify(doc)); // '5d1f0c3a…' (40 hex digits)
 * ```
 */
export function documentFingerprint(text: string): string {
  return hash('sha1', text);
}
