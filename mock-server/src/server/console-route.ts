import type { DispatchResponse } from '../app/dispatch-types.js';
import { serveStaticFile, type StaticRequest } from './static-assets.js';

/** Where `gdx-mock` serves the console (`@gdx/console`). */
export const CONSOLE_PATH = '/_console';

/**
 * The console's page may load and call only its own origin: no CDN, no inline script, no frame
 * around it. `img-src data:` is for its empty favicon.
 */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Whether a request path belongs to the console (`/_console` or below it). */
export function isConsolePath(path: string): boolean {
  return path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);
}

/**
 * Whether a browser is opening the server's root (`GET /` or `HEAD /` asking for HTML): it is
 * sent on to the console instead of the 404 problem an API client still gets there.
 *
 * @example
 * ```ts
 * isBrowserAtRoot({ method: 'GET', path: '/', headers: { accept: 'text/html,*\/*;q=0.8' } }); // true
 * isBrowserAtRoot({ method: 'GET', path: '/', headers: { accept: 'application/json' } }); // false
 * ```
 */
export function isBrowserAtRoot(request: StaticRequest): boolean {
  return request.path === '/' && (request.method === 'GET' || request.method === 'HEAD') && (request.headers['accept'] ?? '').includes('text/html');
}

/**
 * Answers a request under `/_console` (or a browser at the root, see `isBrowserAtRoot`, which is
 * sent to `/_console/`) from the built console in `assetsDir`: `/_console` redirects
 * to `/_console/` (the page's URLs are relative to it); a file under it is served as a static
 * asset (hashed names immutable); any other path without a file extension is one of the app's
 * routes and gets `index.html`; the page, by its file name too, comes with a strict
 * `Content-Security-Policy` (and `X-Frame-Options: DENY`).
 *
 * @example
 * ```ts
 * const answer = await answerConsole(consoleAssetsDir, { method: 'GET', path: '/_console', headers: {} }, '');
 * answer.status; // 308, Location: /_console/
 * ```
 */
export async function answerConsole(assetsDir: string, request: StaticRequest, query: string): Promise<DispatchResponse> {
  // Found, not permanent: the root may serve something else one day, and browsers cache a 308.
  if (request.path === '/') return { status: 302, headers: { location: `${CONSOLE_PATH}/` }, body: '' };
  if (request.path === CONSOLE_PATH) {
    return { status: 308, headers: { location: `${CONSOLE_PATH}/${query ? `?${query}` : ''}` }, body: '' };
  }
  const relative = request.path.slice(CONSOLE_PATH.length + 1);
  const last = relative.slice(relative.lastIndexOf('/') + 1);
  const isFile = relative.startsWith('assets/') || last.includes('.');
  const page = !isFile || relative === 'index.html';
  const answer = await serveStaticFile(assetsDir, request, page ? 'index.html' : relative);
  // The page by its file name too: under another name it would load, or be framed, outside its policy.
  if (!page || answer.status >= 400) return answer;
  return { ...answer, headers: { ...answer.headers, ...PAGE_HEADERS } };
}
