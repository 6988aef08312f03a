/**
 * Query parameters of an operation; `undefined` values are left out, arrays repeat the key.
 *
 * @example
 * ```ts
 * const query: QueryParams = { limit: 50, state: ['submitted', 'under_review'], cursor: undefined };
 * ```
 */
export type QueryParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/**
 * Serialises query parameters with `encodeURIComponent`, keeping their order.
 *
 * @example
 * ```ts
 * buildQuery({ limit: 20, state: ['a', 'b'], q: '数据' }); // 'limit=20&state=a&state=b&q=%E6%95%B0%E6%8D%AE'
 * ```
 */
export function buildQuery(query: QueryParams | undefined): string {
  let out = '';
  if (query === undefined) return out;
  for (const name in query) {
    const value = query[name];
    if (value === undefined) continue;
    const key = encodeURIComponent(name);
    if (typeof value === 'object') {
      for (const item of value) out += `${out === '' ? '' : '&'}${key}=${encodeURIComponent(item)}`;
    } else {
      out += `${out === '' ? '' : '&'}${key}=${encodeURIComponent(value)}`;
    }
  }
  return out;
}
