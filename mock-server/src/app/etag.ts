import { contentDigest } from '@gdx/protocol';

/**
 * A strong `ETag` for bytes or text: 128 bits of their SHA-256 in hex, quoted. Uses the
 * protocol's digest, which also runs in browsers (the core is bundled for MSW there).
 *
 * @example
 * ```ts
 * strongEtag('{}'); // '"44136fa355b3678a1146ad16f7e8649e"'
 * ```
 */
export function strongEtag(content: string | Uint8Array): string {
  return `"${contentDigest(content, 'HMAC-SHA256').slice(0, 32)}"`;
}

/**
 * Whether an `If-None-Match` value names `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`:
 * the client's copy is current and a 304 answers.
 *
 * @example
 * ```ts
 * etagMatches('"a", W/"b"', '"b"'); // true
 * ```
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/**
 * Whether an `If-Match` value names `etag` (strong comparison, RFC 9110 §13.1.1) or is `*`: the
 * resource is still the version the client names. A weak tag never matches, not even `W/` and
 * the same opaque tag, since a weak validator cannot promise the same bytes.
 *
 * @example
 * ```ts
 * etagMatchesStrongly('"a", "b"', '"b"'); // true
 * etagMatchesStrongly('W/"b"', '"b"');    // false
 * ```
 */
export function etagMatchesStrongly(ifMatch: string, etag: string): boolean {
  return ifMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag;
  });
}
