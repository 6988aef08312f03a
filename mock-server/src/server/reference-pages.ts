import { fileURLToPath } from 'node:url';
import { isSpecName, type SpecName } from '@gdx/openapi';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchRequest, DispatchResponse } from '../app/dispatch-types.js';
import { etagMatches, strongEtag } from '../app/etag.js';
import { methodNotAllowed, optionsAnswer, READ_ONLY } from '../app/options-answer.js';
import { requestOrigin } from '../app/request-origin.js';
import { CONTRACTS_PREFIX, contractIndex, contractIndexAnswer, contractSummary, isContractDocumentPath, noContractPath, type ContractIndexEntry } from '../app/served-contracts.js';
import { serveStaticFile } from './static-assets.js';

/**
 * Where the build puts Redoc's standalone bundle and its licence text
 * (`scripts/copy-reference-assets.mjs`). `src/server/` and `dist/server/` both sit two levels
 * below the package root, so the same URL finds `dist/reference/` from the sources and the build.
 */
export const REFERENCE_ASSETS_DIR = fileURLToPath(new URL('../../dist/reference/', import.meta.url));

/** The files of {@link REFERENCE_ASSETS_DIR} the pages use, served under `/openapi/_assets/`. */
const ASSETS = new Set(['redoc.standalone.js', 'redoc.LICENSE.txt']);
const ASSETS_PATH = `${CONTRACTS_PREFIX}/_assets/`;

/**
 * What a reference page may do: scripts, the document and the search worker only from this origin
 * (the worker is a `blob:` Redoc makes from its own bundle), no inline script, no frame around
 * it. Redoc styles itself with `<style>` elements it writes (styled-components), hence
 * `'unsafe-inline'` for styles only.
 */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; worker-src blob:; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The reference page of one contract: Redoc's `<redoc spec-url>` element, which the standalone
 * bundle renders by itself when it loads (no inline script). URLs are relative to `/openapi/`.
 */
function referencePage(name: SpecName): string {
  const title = escapeHtml(contractSummary(name).title);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · gdx-mock</title>
<link rel="icon" href="data:,">
</head>
<body>
<redoc spec-url="${name}.json" sort-required-props-first="true">
<p>正在加载接口参考…… / Loading the reference… If nothing appears, this gdx-mock was built without its renderer: the document is at <a href="${name}.json">${name}.json</a> (<a href="${name}.yaml">YAML</a>).</p>
</redoc>
<script src="_assets/redoc.standalone.js"></script>
</body>
</html>
`;
}

/** The HTML index of `/openapi/`: each contract with its reference page and its two documents. */
function indexPage(contracts: readonly ContractIndexEntry[]): string {
  const rows = contracts
    .map(
      (c) =>
        `<li><a href="${c.name}">${escapeHtml(c.title)}</a> <small>${escapeHtml(c.version)}</small> — <a href="${c.name}.json">JSON</a> · <a href="${c.name}.yaml">YAML</a> — <code>${escapeHtml(c.server)}</code></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>接口契约 / API contracts · gdx-mock</title>
<link rel="icon" href="data:,">
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}li{margin:.5rem 0}</style>
</head>
<body>
<h1>接口契约 / API contracts</h1>
<p>本模拟服务所实现的 OpenAPI 3.1 契约，<code>servers</code> 已指向本服务。/ The OpenAPI 3.1 contracts this mock implements, with <code>servers</code> pointing at it.</p>
<ul>
${rows}
</ul>
<p><small>Reference pages rendered offline by <a href="_assets/redoc.LICENSE.txt">Redoc</a> (MIT).</small></p>
</body>
</html>
`;
}

function htmlAnswer(req: DispatchRequest, html: string): DispatchResponse {
  const etag = strongEtag(html);
  const headers: Record<string, string> = { ...PAGE_HEADERS, etag, 'cache-control': 'no-cache', vary: 'accept' };
  if (etagMatches(req.headers['if-none-match'], etag)) return { status: 304, headers, body: '' };
  return { status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: html };
}

/** Whether `Accept` names `application/json` with a non-zero `q` (then `/openapi/` answers JSON). */
function wantsJson(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    return type === 'application/json' && !params.some((param) => /^q=0(\.0*)?$/.test(param));
  });
}

/** The JSON index varies with `Accept` too (the same URL gives HTML to browsers). */
function withVary(answer: DispatchResponse): DispatchResponse {
  return { ...answer, headers: { ...answer.headers, vary: answer.headers.vary ? `${answer.headers.vary}, accept` : 'accept' } };
}

/**
 * The HTTP server's part of `/openapi`, `undefined` where the core answers (the `.json` and
 * `.yaml` documents, their unknown names included, and methods other than `GET` and `HEAD` on a
 * path it does not know; any other unknown path is a 404 naming the pages too): `/openapi` redirects to
 * `/openapi/` (the pages' URLs are relative to it), the index there (HTML, or JSON with the
 * reference URLs when `Accept` names `application/json`), the reference page of a contract at
 * `/openapi/{name}` and `/openapi/{name}.html`, and the renderer's files under `/openapi/_assets/`.
 * Pages answer `GET` and `HEAD`, with a strict `Content-Security-Policy` and an `ETag`.
 *
 * @example
 * ```ts
 * const answer = await answerReference({ method: 'GET', path: '/openapi/catalog', query: '', headers: {}, body: undefined });
 * answer?.headers['content-type']; // 'text/html; charset=utf-8'
 * ```
 */
export function answerReference(req: DispatchRequest): Promise<DispatchResponse> | undefined {
  const { path } = req;
  if (path === CONTRACTS_PREFIX) return Promise.resolve({ status: 308, headers: { location: `${CONTRACTS_PREFIX}/${req.query ? `?${req.query}` : ''}` }, body: '' });
  if (!path.startsWith(`${CONTRACTS_PREFIX}/`)) return undefined;
  const rest = path.slice(CONTRACTS_PREFIX.length + 1);
  const name = rest.replace(/\.html$/, '');
  const isAsset = path.startsWith(ASSETS_PATH);
  if (!isAsset && rest !== '' && !isSpecName(name)) {
    // A document (a name no contract has included) and any method but GET and HEAD are the core's
    // to answer; any other path is a 404 that names this server's pages, which the core's cannot.
    return isContractDocumentPath(path) || !READ_ONLY.includes(req.method) ? undefined : Promise.resolve(noContractPath(req, true));
  }
  if (req.method === 'OPTIONS') return Promise.resolve(optionsAnswer(READ_ONLY, newRequestId()));
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return Promise.resolve(methodNotAllowed(req.method, path, READ_ONLY, newRequestId(), { en: 'a page', zh: '页面' }));
  }
  if (isAsset) {
    const file = path.slice(ASSETS_PATH.length);
    // Only the two files the pages use; the fixed names leave nothing to traverse.
    return serveStaticFile(REFERENCE_ASSETS_DIR, req, ASSETS.has(file) ? file : '.missing');
  }
  if (rest === '') {
    return Promise.resolve(wantsJson(req.headers.accept) ? withVary(contractIndexAnswer(req, true)) : htmlAnswer(req, indexPage(contractIndex(requestOrigin(req), true))));
  }
  return Promise.resolve(htmlAnswer(req, referencePage(name as SpecName)));
}
