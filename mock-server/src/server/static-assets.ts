import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { etagMatches, strongEtag } from '../app/etag.js';
import { problemResponse } from '../app/problem-response.js';
import { methodNotAllowed, optionsAnswer, READ_ONLY } from '../app/options-answer.js';

/** The parts of a request a static file answer depends on. */
export interface StaticRequest {
  method: string;
  /** The full request path, for the problem's `instance`. */
  path: string;
  /** Header names in lower case (`if-none-match` is read). */
  headers: Readonly<Record<string, string | undefined>>;
}

/** Options of {@link serveStaticFile}. */
export interface StaticFileOptions {
  /**
   * Whether a file never changes under its name, so browsers may keep it a year without asking
   * (`Cache-Control: immutable`). Default: {@link isHashedName}. Every other file is revalidated
   * with its `ETag` on each use (`no-cache`), HTML always.
   */
  immutable?: (relativePath: string) => boolean;
}

/** Longest relative path served, in bytes as sent; no file we ship comes close. */
export const MAX_ASSET_PATH_BYTES = 256;

/** Content types by extension; anything else is `application/octet-stream`. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Whether a file name carries a content hash the way bundlers write it (Vite's
 * `index-BXk3j2Qa.js`, webpack's `main.3f9a1c2e.css`): a `-` or `.` then 8 or more characters of
 * `[A-Za-z0-9_-]` including a digit or a capital, then the extension. Lower-case words such as
 * `redoc.standalone.js` are not hashes.
 *
 * @example
 * ```ts
 * isHashedName('assets/index-BXk3j2Qa.js'); // true
 * isHashedName('redoc.standalone.js'); // false
 * ```
 */
export function isHashedName(relativePath: string): boolean {
  const match = /[-.]([A-Za-z0-9_-]{8,})\.[A-Za-z0-9]+$/.exec(relativePath);
  return match !== null && /[0-9A-Z]/.test(match[1] as string);
}

/**
 * The decoded path segments of `relativePath` (percent-encoded, as sent), or `undefined` when it
 * could name something outside the directory or hidden in it: an empty, `.` or `..` segment
 * (also encoded, `%2e%2e`), an encoded separator (`%2f`, `%5c`), a backslash, a NUL, a dot file,
 * or a malformed escape. Checked on the decoded text, so no encoding slips past.
 *
 * @example
 * ```ts
 * safeSegments('assets/app.js'); // ['assets', 'app.js']
 * safeSegments('%2e%2e/etc/passwd'); // undefined
 * ```
 */
export function safeSegments(relativePath: string): string[] | undefined {
  if (relativePath.length === 0 || Buffer.byteLength(relativePath) > MAX_ASSET_PATH_BYTES) return undefined;
  const segments: string[] = [];
  for (const raw of relativePath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.length === 0 || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

function notFound(request: StaticRequest, relativePath: string): DispatchResponse {
  const shown = relativePath.length > 80 ? `${relativePath.slice(0, 80)}…` : relativePath;
  return problemResponse(
    'NOT_FOUND',
    {
      detail: `no file ${shown} here`,
      errors: [{ pointer: '/path', code: 'NOT_FOUND', message: { zh: `没有文件 ${shown}`, en: `there is no file ${shown}` } }],
    },
    newRequestId(),
    request.path,
  );
}

/**
 * The real path of `segments` under `root` if it is a regular file whose real location is inside
 * the real `root` (a symbolic link pointing out of it is refused); `undefined` otherwise.
 */
async function fileInside(root: string, segments: readonly string[]): Promise<string | undefined> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, ...segments));
    if (!real.startsWith(realRoot + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers a `GET` or `HEAD` for the file `relativePath` (percent-encoded, as sent after the mount
 * prefix) under the directory `root`: the bytes with a content type by extension,
 * `X-Content-Type-Options: nosniff`, a strong `ETag` (of the bytes' SHA-256) and `Cache-Control`
 * (see {@link StaticFileOptions.immutable}); `304` when `If-None-Match` names the `ETag`. Anything
 * that is not a regular file inside `root` — missing, a directory, a dot file, a traversal even
 * percent-encoded, a symbolic link leading out, a path over {@link MAX_ASSET_PATH_BYTES} — is
 * the same 404 problem, so the answer tells nothing about what lies outside. Other methods get
 * 405 with `Allow: GET, HEAD, OPTIONS` (a plain `OPTIONS` 204 with the same). A `HEAD` answer carries the body too: `node:http` sends its length
 * and drops the bytes.
 *
 * @example
 * ```ts
 * const answer = await serveStaticFile('/srv/console', { method: 'GET', path: '/_console/app.js', headers: {} }, 'app.js');
 * answer.headers['content-type']; // 'text/javascript; charset=utf-8'
 * ```
 */
export async function serveStaticFile(root: string, request: StaticRequest, relativePath: string, options: StaticFileOptions = {}): Promise<DispatchResponse> {
  if (request.method === 'OPTIONS') return optionsAnswer(READ_ONLY, newRequestId());
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return methodNotAllowed(request.method, request.path, READ_ONLY, newRequestId(), { en: 'a file', zh: '文件' });
  }
  const segments = safeSegments(relativePath);
  const file = segments && (await fileInside(root, segments));
  if (!file) return notFound(request, relativePath);
  const bytes = await readFile(file);
  const etag = strongEtag(bytes);
  const extension = extname(file).toLowerCase();
  const immutable = extension !== '.html' && (options.immutable ?? isHashedName)(relativePath);
  const headers: Record<string, string> = {
    etag,
    'cache-control': immutable ? IMMUTABLE : REVALIDATE,
  };
  if (etagMatches(request.headers['if-none-match'], etag)) return { status: 304, headers, body: '' };
  headers['content-type'] = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  headers['x-content-type-options'] = 'nosniff';
  return { status: 200, headers, body: bytes };
}
