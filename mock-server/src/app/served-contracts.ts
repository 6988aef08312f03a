import { isSpecName, loadBundledSpec, SPEC_NAMES, type OpenApiDocument, type SpecName } from '@gdx/openapi';
import { HEADERS, requestId as newRequestId } from '@gdx/protocol';
import { yamlStringify } from '#lazy-dependencies';
import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { etagMatches, strongEtag } from './etag.js';
import { problemResponse } from './problem-response.js';
import { methodNotAllowed, optionsAnswer, READ_ONLY } from './options-answer.js';
import { requestOrigin } from './request-origin.js';

/** Where the contracts are served, on every transport. */
export const CONTRACTS_PREFIX = '/openapi';

/** A served form of a contract. */
export type ContractFormat = 'json' | 'yaml';

const CONTENT_TYPES: Readonly<Record<ContractFormat, string>> = {
  json: 'application/json',
  // RFC 9512; YAML has no charset parameter (it is UTF-8 here).
  yaml: 'application/yaml',
};

/** One contract in the index of `/openapi/`. */
export interface ContractIndexEntry {
  name: SpecName;
  title: string;
  version: string;
  /** Absolute URLs of the two served forms. */
  json: string;
  yaml: string;
  /** The reference page, or `null` on a transport that serves none (MSW, the in-process fetch). */
  reference: string | null;
  /** Where this mock serves the contract's operations (the first entry of the served `servers`). */
  server: string;
}

/**
 * A document with `servers` pointing at this mock: each server URL without variables (the local
 * mock of the source documents, `http://127.0.0.1:4010/registration/v1`) gets `origin` instead of
 * its own, keeping its base path; servers with variables (a real platform's `{origin}/…`) stay.
 */
function servedDocument(name: SpecName, origin: string): OpenApiDocument {
  const document = loadBundledSpec(name);
  document.servers = (document.servers ?? []).map((server) => {
    if (server.url.includes('{')) return server;
    const { pathname } = new URL(server.url);
    return { ...server, url: `${origin}${pathname === '/' ? '' : pathname}` };
  });
  return document;
}

interface Rendered {
  text: string;
  etag: string;
}

/**
 * Stands for the origin in the rendered texts, which are made once per document and form (YAML
 * takes a few hundred milliseconds for the larger ones): each request only puts its origin in.
 * A reserved name (RFC 6761 `.invalid`) that no contract contains.
 */
const ORIGIN_MARK = 'http://origin.invalid';

/**
 * An origin that can replace the mark as it is: in a JSON string (no `"`, `\`) and in a plain
 * YAML scalar (no space, `#` or control character). Hosts reaching the HTTP server always are
 * (`requestOrigin` checks `Host`); an exotic MSW prefix is rendered on its own instead.
 */
const PLAIN_ORIGIN = /^https?:\/\/[A-Za-z0-9.\-[\]:]+(\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*)?$/;

const templates = new Map<string, string>();

function render(name: SpecName, format: ContractFormat, origin: string): string {
  const document = servedDocument(name, origin);
  return format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : yamlStringify()(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/**
 * The text of a contract as served at `origin`, with its `ETag`: JSON (two-space indented) or
 * YAML, both from the same document, so they parse to equal values.
 *
 * @example
 * ```ts
 * const { text } = contractText('catalog', 'yaml', 'http://127.0.0.1:4010');
 * ```
 */
export function contractText(name: SpecName, format: ContractFormat, origin: string): Rendered {
  let text: string;
  if (PLAIN_ORIGIN.test(origin)) {
    const key = `${name}.${format}`;
    let template = templates.get(key);
    if (template === undefined) {
      template = render(name, format, ORIGIN_MARK);
      templates.set(key, template);
    }
    text = template.replaceAll(ORIGIN_MARK, origin);
  } else {
    text = render(name, format, origin);
  }
  return { text, etag: strongEtag(text) };
}

/**
 * The index of the served contracts, every one of `SPEC_NAMES` (a contract added to
 * `@gdx/openapi` is served without a change here).
 *
 * @example
 * ```ts
 * contractIndex('http://127.0.0.1:4010', true)[0]?.reference; // 'http://127.0.0.1:4010/openapi/registration'
 * ```
 */
export function contractIndex(origin: string, withReference: boolean): ContractIndexEntry[] {
  return SPEC_NAMES.map((name) => {
    const { title, version, server } = contractSummary(name);
    return {
      name,
      title,
      version,
      json: `${origin}${CONTRACTS_PREFIX}/${name}.json`,
      yaml: `${origin}${CONTRACTS_PREFIX}/${name}.yaml`,
      reference: withReference ? `${origin}${CONTRACTS_PREFIX}/${name}` : null,
      server: server.replace(ORIGIN_MARK, origin),
    };
  });
}

const summaries = new Map<SpecName, { title: string; version: string; server: string }>();

/**
 * Title, version and first server (with the origin mark) of a document, read once.
 *
 * @example
 * ```ts
 * contractSummary('catalog').title; // the document's info.title
 * ```
 */
export function contractSummary(name: SpecName): { title: string; version: string; server: string } {
  let summary = summaries.get(name);
  if (summary === undefined) {
    const document = servedDocument(name, ORIGIN_MARK);
    summary = { title: document.info.title, version: document.info.version, server: document.servers?.[0]?.url ?? ORIGIN_MARK };
    summaries.set(name, summary);
  }
  return summary;
}

/** Whether a path is under `/openapi` (the index itself included). */
export function isContractsPath(path: string): boolean {
  return path === CONTRACTS_PREFIX || path.startsWith(`${CONTRACTS_PREFIX}/`);
}

/**
 * A JSON answer with an `ETag`, or 304 when `If-None-Match` names it. `no-cache`: the text
 * changes when the mock is upgraded, so a client asks each time and mostly gets a 304.
 */
function documentAnswer(req: DispatchRequest, text: string, etag: string, contentType: string): DispatchResponse {
  // A request id like every other answer of the mock, so a log line or a bug report can name it.
  const headers: Record<string, string> = { etag, 'cache-control': 'no-cache', vary: 'host, x-forwarded-proto', [HEADERS.requestId]: newRequestId() };
  if (etagMatches(req.headers['if-none-match'], etag)) return { status: 304, headers, body: '' };
  return { status: 200, headers: { ...headers, 'content-type': contentType }, body: text };
}

/**
 * The JSON index of `/openapi/` (`reference` given by the transport that serves pages).
 *
 * @example
 * ```ts
 * contractIndexAnswer(req, false).headers['content-type']; // 'application/json'
 * ```
 */
export function contractIndexAnswer(req: DispatchRequest, withReference: boolean): DispatchResponse {
  const text = `${JSON.stringify({ contracts: contractIndex(requestOrigin(req), withReference) }, null, 2)}\n`;
  return documentAnswer(req, text, strongEtag(text), CONTENT_TYPES.json);
}

/** `{name}.json` or `{name}.yaml` below `/openapi/`: the path of a document, whether a contract has that name or not. */
const DOCUMENT_PATH = /^([a-z0-9-]{1,64})\.(json|yaml)$/;

/**
 * Whether `path` is that of a contract's document (`/openapi/{name}.json`, `.yaml`), for a name
 * any contract has or none: the core answers it (`contractsAnswer`) on every transport.
 *
 * @example
 * ```ts
 * isContractDocumentPath('/openapi/nope.yaml'); // true
 * isContractDocumentPath('/openapi/nope');      // false
 * ```
 */
export function isContractDocumentPath(path: string): boolean {
  return path.startsWith(`${CONTRACTS_PREFIX}/`) && DOCUMENT_PATH.test(path.slice(CONTRACTS_PREFIX.length + 1));
}

/**
 * The 404 of a path under `/openapi/` that is no document nor (`withReference`: where the
 * transport serves them, the HTTP server) a contract's reference page, naming what is served there.
 *
 * @example
 * ```ts
 * noContractPath({ method: 'GET', path: '/openapi/nope', query: '', headers: {}, body: undefined }, true).status; // 404
 * ```
 */
export function noContractPath(req: DispatchRequest, withReference: boolean): DispatchResponse {
  const rest = req.path.slice(CONTRACTS_PREFIX.length + 1);
  const shown = rest.length > 80 ? `${rest.slice(0, 80)}…` : rest;
  const names = SPEC_NAMES.join(', ');
  if (withReference) {
    return notFound(req, `no document or page ${shown}; this server serves ${CONTRACTS_PREFIX}/{name} (the reference page), ${CONTRACTS_PREFIX}/{name}.json and .yaml for ${names}`, {
      zh: `没有 ${shown}：可用 ${CONTRACTS_PREFIX}/{名称}（参考页面）、${CONTRACTS_PREFIX}/{名称}.json 或 .yaml，名称为 ${names}`,
      en: `there is no ${shown}: use ${CONTRACTS_PREFIX}/{name} (the reference page), ${CONTRACTS_PREFIX}/{name}.json or .yaml with a name of ${names}`,
    });
  }
  return notFound(req, `no document ${shown}; this transport serves ${CONTRACTS_PREFIX}/{name}.json and .yaml for ${names} (reference pages only on the gdx-mock HTTP server)`, {
    zh: `没有 ${shown}：可用 ${CONTRACTS_PREFIX}/{名称}.json 或 .yaml，名称为 ${names}（参考页面仅由 gdx-mock HTTP 服务提供）`,
    en: `there is no ${shown}: use ${CONTRACTS_PREFIX}/{name}.json or .yaml with a name of ${names} (reference pages only on the gdx-mock HTTP server)`,
  });
}

function notFound(req: DispatchRequest, detail: string, message: { zh: string; en: string }): DispatchResponse {
  return problemResponse('NOT_FOUND', { detail, errors: [{ pointer: '/path', code: 'CONTRACT_NOT_FOUND', message }] }, newRequestId(), req.path);
}

/**
 * The core's answer under `/openapi` on every transport, `undefined` for any other path:
 * `GET /openapi/{name}.json` and `.yaml` (`servers` pointing at this mock, `ETag`, 304), and the
 * JSON index at `/openapi` and `/openapi/`. Reference pages are the HTTP server's
 * (`server/reference-pages.ts`); here such a path is a 404 naming the documents. Only `GET` and
 * `HEAD` (405 otherwise, like the rest of the core, and a plain `OPTIONS` 204 with `Allow`; the app
 * leaves the body out of a HEAD answer);
 * an unknown name is a 404 problem listing the names.
 *
 * @example
 * ```ts
 * const answer = contractsAnswer({ method: 'GET', path: '/openapi/sharing.json', query: '', headers: { host: 'localhost:4010' }, body: undefined });
 * JSON.parse(answer!.body as string).servers[0].url; // 'http://localhost:4010/sharing/v1'
 * ```
 */
export function contractsAnswer(req: DispatchRequest): DispatchResponse | undefined {
  if (!isContractsPath(req.path)) return undefined;
  if (req.method === 'OPTIONS') return optionsAnswer(READ_ONLY, newRequestId());
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return methodNotAllowed(req.method, req.path, READ_ONLY, newRequestId(), { en: 'a contract', zh: '接口契约' });
  }
  const rest = req.path.slice(CONTRACTS_PREFIX.length + 1);
  if (rest === '' || req.path === CONTRACTS_PREFIX) return contractIndexAnswer(req, false);
  const names = SPEC_NAMES.join(', ');
  const match = DOCUMENT_PATH.exec(rest);
  if (!match) return noContractPath(req, false);
  const [, name = '', format] = match;
  if (!isSpecName(name)) {
    return notFound(req, `no contract ${name}; served: ${names}`, { zh: `没有名为 ${name} 的接口契约，可用：${names}`, en: `there is no contract ${name}; served: ${names}` });
  }
  const { text, etag } = contractText(name, format as ContractFormat, requestOrigin(req));
  return documentAnswer(req, text, etag, CONTENT_TYPES[format as ContractFormat]);
}
