import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createApp, type App } from '../../src/index.js';
import { REFERENCE_ASSETS_DIR } from '../../src/server/reference-pages.js';
import { TRANSPORTS, type Transport } from '../support/transports.js';

// Issue 9, item 4: the contracts served by the mock itself, `servers` pointing at it.
let app: App;
beforeAll(() => {
  app = createApp({ seed: 7, startAt: '2025-09-26T09:00:00+08:00', logError: () => undefined });
});
afterAll(() => app.close());

/** The transport of a describe block, open during it (two MSW servers must not listen at once). */
function useTransport(name: string): () => Transport {
  let transport: Transport | undefined;
  beforeAll(async () => {
    transport = await TRANSPORTS[name]!(app);
  });
  afterAll(() => transport?.close());
  return () => transport!;
}

/** The path of a document's first server URL, e.g. `/registration/v1`. */
const basePath = (name: (typeof SPEC_NAMES)[number]) => new URL(loadBundledSpec(name).servers![0]!.url).pathname;

for (const transportName of Object.keys(TRANSPORTS)) {
  describe(`served contracts, through ${transportName}`, () => {
    const t = useTransport(transportName);

    it.each(SPEC_NAMES)('%s: JSON and YAML are the bundled document with servers[0] at this mock (same base path); YAML parses to the JSON', async (name) => {
      const { fetch, baseUrl } = t();
      const json = await fetch(`${baseUrl}/openapi/${name}.json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json');
      const document = (await json.json()) as ReturnType<typeof loadBundledSpec>;
      expect(document.servers![0]!.url).toBe(`${baseUrl}${basePath(name)}`);
      // Only the mock's own server entry changes; the real platform's stays.
      const bundled = loadBundledSpec(name);
      expect({ ...document, servers: undefined }).toEqual({ ...bundled, servers: undefined });
      expect(document.servers!.slice(1)).toEqual(bundled.servers!.slice(1));

      const yaml = await fetch(`${baseUrl}/openapi/${name}.yaml`);
      expect(yaml.status).toBe(200);
      expect(yaml.headers.get('content-type')).toBe('application/yaml');
      expect(parse(await yaml.text())).toEqual(document);
    });

    it('gives each answer a request id and keeps it out of every sandbox journal', async () => {
      const { fetch, baseUrl } = t();
      const before = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default/requests', query: 'limit=200', headers: {}, body: undefined });
      const answer = await fetch(`${baseUrl}/openapi/sharing.json`);
      expect(answer.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
      const after = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default/requests', query: 'limit=200', headers: {}, body: undefined });
      const paths = (response: { body: unknown }) => (JSON.parse(String(response.body)) as { items: { path: string }[] }).items.map((item) => item.path);
      expect(paths(after).filter((path) => path.startsWith('/openapi'))).toEqual([]);
      expect(paths(after)).toEqual(paths(before));
    });

    it('answers 304 to If-None-Match with the ETag, and 200 again for another tag', async () => {
      const { fetch, baseUrl } = t();
      for (const file of ['catalog.json', 'catalog.yaml']) {
        const first = await fetch(`${baseUrl}/openapi/${file}`);
        const etag = first.headers.get('etag')!;
        expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
        expect(first.headers.get('cache-control')).toBe('no-cache');
        const again = await fetch(`${baseUrl}/openapi/${file}`, { headers: { 'if-none-match': etag } });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        expect((await fetch(`${baseUrl}/openapi/${file}`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
      }
    });

    it('answers an unknown contract with a 404 problem naming the served ones, and a write with 405', async () => {
      const { fetch, baseUrl } = t();
      const unknown = await fetch(`${baseUrl}/openapi/payments.json`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('application/problem+json');
      const body = (await unknown.json()) as { code: string; detail: string; errors: { pointer: string; message: { zh: string; en: string } }[] };
      expect(body.code).toBe('NOT_FOUND');
      expect(body.errors[0]!.pointer).toBe('/path');
      for (const name of SPEC_NAMES) expect(body.detail).toContain(name);
      expect(body.errors[0]!.message.zh).toContain('payments');
      const post = await fetch(`${baseUrl}/openapi/registration.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      // As every other 405: the methods in errors[] at /method (both languages) and in allowedMethods.
      expect(await post.json()).toMatchObject({
        code: 'METHOD_NOT_ALLOWED',
        detail: 'POST is not allowed on a contract; use GET, HEAD',
        errors: [{ pointer: '/method', code: 'METHOD_NOT_ALLOWED', message: { zh: '接口契约不支持 POST，可用方法：GET, HEAD', en: 'POST is not allowed on a contract; use GET, HEAD' } }],
        allowedMethods: ['GET', 'HEAD'],
      });
    });
  });
}

describe('served contracts on the in-process transports', () => {
  const t = useTransport('msw setupServer, https below a path');

  it('index the documents without reference pages, and name the documents for a page path', async () => {
    const { fetch, baseUrl } = t();
    const index = (await (await fetch(`${baseUrl}/openapi/`)).json()) as { contracts: { name: string; json: string; reference: string | null }[] };
    expect(index.contracts.map((c) => c.name)).toEqual([...SPEC_NAMES]);
    expect(index.contracts[0]).toMatchObject({ json: `${baseUrl}/openapi/registration.json`, reference: null });
    const page = await fetch(`${baseUrl}/openapi/registration`);
    expect(page.status).toBe(404);
    expect(((await page.json()) as { detail: string }).detail).toContain('/openapi/{name}.json');
  });
});

describe('served contracts on the HTTP server', () => {
  const t = useTransport('node:http server');

  it('uses the scheme a proxy forwarded', async () => {
    const { baseUrl } = t();
    const res = await fetch(`${baseUrl}/openapi/sharing.json`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(((await res.json()) as { servers: { url: string }[] }).servers[0]!.url).toBe(`${baseUrl.replace('http:', 'https:')}/sharing/v1`);
  });

  it('lets pages of any origin read a document, as for the platforms', async () => {
    const res = await fetch(`${t().baseUrl}/openapi/catalog.json`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('indexes every contract: JSON for Accept: application/json (with the reference pages), an HTML list otherwise', async () => {
    const { baseUrl } = t();
    const json = await fetch(`${baseUrl}/openapi/`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(json.headers.get('vary')).toContain('accept');
    const { contracts } = (await json.json()) as { contracts: { name: string; title: string; json: string; yaml: string; reference: string; server: string }[] };
    expect(contracts.map((c) => c.name)).toEqual([...SPEC_NAMES]);
    for (const c of contracts) {
      expect(c).toMatchObject({ json: `${baseUrl}/openapi/${c.name}.json`, yaml: `${baseUrl}/openapi/${c.name}.yaml`, reference: `${baseUrl}/openapi/${c.name}` });
      expect(c.server.startsWith(baseUrl)).toBe(true);
    }
    const html = await fetch(`${baseUrl}/openapi/`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await html.text();
    for (const name of SPEC_NAMES) expect(text).toContain(`href="${name}.json"`);
    expect((await fetch(`${baseUrl}/openapi/`, { headers: { accept: 'application/json;q=0, text/html' } })).headers.get('content-type')).toContain('text/html');
    const bare = await fetch(`${baseUrl}/openapi`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/openapi/');
  });

  it('serves a reference page per contract (also as .html) under a strict CSP, with an ETag, to GET and HEAD', async () => {
    const { baseUrl } = t();
    for (const path of ['/openapi/open-data', '/openapi/open-data.html']) {
      const page = await fetch(`${baseUrl}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self';");
      const html = await page.text();
      expect(html).toContain('<redoc spec-url="open-data.json"');
      expect(html).toContain('<script src="_assets/redoc.standalone.js"></script>');
      expect(html).not.toMatch(/<script>|https?:\/\//);
      const again = await fetch(`${baseUrl}${path}`, { headers: { 'if-none-match': page.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
    const head = await fetch(`${baseUrl}/openapi/open-data`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const post = await fetch(`${baseUrl}/openapi/open-data`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await post.json()).toMatchObject({ detail: 'POST is not allowed on a page; use GET, HEAD', errors: [{ pointer: '/method', code: 'METHOD_NOT_ALLOWED' }], allowedMethods: ['GET', 'HEAD'] });
  });

  it('a path under /openapi/ that is neither a document nor a page: the 404 names the reference pages this server serves', async () => {
    const { baseUrl } = t();
    for (const path of ['payments', 'payments.html', 'registration/extra']) {
      const answer = await fetch(`${baseUrl}/openapi/${path}`);
      expect(answer.status).toBe(404);
      const body = (await answer.json()) as { detail: string; errors: { pointer: string; code: string; message: { zh: string; en: string } }[] };
      expect(body.detail).toBe(`no document or page ${path}; this server serves /openapi/{name} (the reference page), /openapi/{name}.json and .yaml for ${SPEC_NAMES.join(', ')}`);
      expect(body.errors).toEqual([
        {
          pointer: '/path',
          code: 'CONTRACT_NOT_FOUND',
          message: {
            zh: `没有 ${path}：可用 /openapi/{名称}（参考页面）、/openapi/{名称}.json 或 .yaml，名称为 ${SPEC_NAMES.join(', ')}`,
            en: `there is no ${path}: use /openapi/{name} (the reference page), /openapi/{name}.json or .yaml with a name of ${SPEC_NAMES.join(', ')}`,
          },
        },
      ]);
    }
    // A document's name is the core's to refuse, as on every transport; other methods get its 405.
    expect(((await (await fetch(`${baseUrl}/openapi/payments.yaml`)).json()) as { detail: string }).detail).toBe(`no contract payments; served: ${SPEC_NAMES.join(', ')}`);
    expect((await fetch(`${baseUrl}/openapi/payments`, { method: 'DELETE' })).status).toBe(405);
  });

  it('serves the renderer and its licence from the build, and nothing else under _assets', async () => {
    const { baseUrl } = t();
    if (!existsSync(join(REFERENCE_ASSETS_DIR, 'redoc.standalone.js'))) throw new Error(`${REFERENCE_ASSETS_DIR} is missing: run \`npm run build\` in mock-server`);
    const script = await fetch(`${baseUrl}/openapi/_assets/redoc.standalone.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // The source map is not shipped, so the bundle does not point at it.
    expect((await script.text()).trimEnd().split('\n').at(-1)).not.toContain('sourceMappingURL');
    const licence = await fetch(`${baseUrl}/openapi/_assets/redoc.LICENSE.txt`);
    expect(await licence.text()).toMatch(/^redoc\.standalone\.js is Redoc 2\.5\.4[\s\S]*MIT License/);
    for (const path of ['redoc.standalone.js.map', '..%2f..%2fpackage.json', '../dist/reference/redoc.standalone.js']) {
      expect((await fetch(`${baseUrl}/openapi/_assets/${path}`)).status).toBe(404);
    }
  });
});
