/**
 * Splits a request target into PATH and raw query. A string starting with `/` is taken exactly as
 * sent (node:http's `req.url`); anything else is parsed as an absolute URL (WHATWG-normalised,
 * which is what `fetch` sends).
 */
export function splitTarget(url: string | URL): { path: string; query: string } {
  if (typeof url === 'string' && url.startsWith('/')) {
    const q = url.indexOf('?');
    return q === -1 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
  }
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return { path: parsed.pathname, query: parsed.search };
}
