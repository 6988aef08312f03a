/**
 * Query parameters for the canonical string. A string is a raw query as sent (with or without
 * the leading `?`) and is parsed as `application/x-www-form-urlencoded` (so `+` is a space),
 * exactly like `URLSearchParams`; a record repeats a key once per array element and skips
 * `undefined` values.
 *
 * @example
 * ```ts
 * const q: QueryInput = { limit: 20, state: ['submitted', 'registered'] };
 * ```
 */
export type QueryInput =
  | string
  | URLSearchParams
  | Iterable<readonly [string, string]>
  | Readonly<Record<string, string | number | boolean | readonly (string | number | boolean)[] | null | undefined>>;

/**
 * Inputs of the canonical request string (docs/design.md, "Authentication").
 *
 * @example
 * ```ts
 * const parts: CanonicalRequestParts = {
 *   method: 'GET', path: '/applications', query: 'limit=20',
 *   contentDigest: 'e3b0…', timestamp: 1758852000000, nonce: 'n-0123456789abcdef', appKey: 'ak_1',
 * };
 * ```
 */
export interface CanonicalRequestParts {
  method: string;
  /** The request path as sent: percent-encoded, without the query. */
  path: string;
  query?: QueryInput | undefined;
  contentDigest: string;
  timestamp: number | string;
  nonce: string;
  appKey: string;
}

/**
 * RFC 3986 percent-encoding: every byte except the unreserved set `A-Z a-z 0-9 - . _ ~`.
 *
 * @example
 * ```ts
 * encodeRfc3986("it's (a) *test*"); // 'it%27s%20%28a%29%20%2Atest%2A'
 * ```
 */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, escapeReserved);
}

function escapeReserved(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * The QUERY line: pairs RFC 3986-encoded, sorted by encoded name then encoded value (plain
 * code-unit order, which equals byte order for these ASCII strings), joined with `&`.
 *
 * @example
 * ```ts
 * canonicalQuery('b=2&a=x y&a=1'); // 'a=1&a=x%20y&b=2'
 * ```
 */
export function canonicalQuery(query: QueryInput | undefined): string {
  // Most signed requests have no query: no URLSearchParams, generator or pair arrays for them.
  if (query === undefined || query === '') return '';
  const pairs: string[][] = [];
  for (const [name, value] of queryPairs(query)) pairs.push([encodeRfc3986(name), encodeRfc3986(value)]);
  if (pairs.length === 0) return '';
  pairs.sort(comparePairs);
  let out = '';
  for (const [name, value] of pairs) out += `${out === '' ? '' : '&'}${name}=${value}`;
  return out;
}

function comparePairs(a: string[], b: string[]): number {
  const [an = '', av = ''] = a;
  const [bn = '', bv = ''] = b;
  if (an !== bn) return an < bn ? -1 : 1;
  if (av !== bv) return av < bv ? -1 : 1;
  return 0;
}

function* queryPairs(query: QueryInput): Iterable<readonly [string, string]> {
  if (typeof query === 'string') {
    yield* new URLSearchParams(query);
    return;
  }
  if (query instanceof URLSearchParams || Symbol.iterator in query) {
    yield* query as Iterable<readonly [string, string]>;
    return;
  }
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value as readonly unknown[]) yield [name, String(item)];
    else yield [name, String(value)];
  }
}

/**
 * The canonical string that is HMAC-signed: METHOD, PATH, QUERY, CONTENT_DIGEST, TIMESTAMP,
 * NONCE and APP_KEY joined with `\n`, without a trailing newline.
 *
 * @example
 * ```ts
 * canonicalRequest({ method: 'get', path: '/applications', query: 'limit=20',
 *   contentDigest: 'e3b0…', timestamp: 1758852000000, nonce: 'n-0123456789abcdef', appKey: 'ak_1' });
 * // 'GET\n/applications\nlimit=20\ne3b0…\n1758852000000\nn-0123456789abcdef\nak_1'
 * ```
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return `${parts.method.toUpperCase()}\n${parts.path}\n${canonicalQuery(parts.query)}\n${parts.contentDigest}\n${parts.timestamp}\n${parts.nonce}\n${parts.appKey}`;
}
