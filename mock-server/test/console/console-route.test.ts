import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

// Issue 9: gdx-mock serves the built console (@gdx/console) at /_console/, over HTTP only.
let app: App;
let mock: RunningServer;
let bare: RunningServer;

beforeAll(async () => {
  app = createApp({ seed: 1, startAt: '2025-09-26T09:00:00+08:00', logError: () => undefined });
  [mock, bare] = await Promise.all([startServer(app, { port: 0 }), startServer(app, { port: 0, consoleDir: false })]);
});

afterAll(async () => {
  await Promise.all([mock?.close(), bare?.close()]);
  await app?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${mock.url}${path}`, { headers, redirect: 'manual' });

describe('the console served by the HTTP server', () => {
  it('redirects /_console to /_console/, keeping the query', async () => {
    const answer = await get('/_console?lang=en');
    expect(answer.status).toBe(308);
    expect(answer.headers.get('location')).toBe('/_console/?lang=en');
    expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers the page at /_console/ and at every route of the app, under a policy that allows only its own origin', async () => {
    // By its file name too: the same page, framed or loading elsewhere, would escape the policy.
    for (const path of ['/_console/', '/_console/s/default/objects', '/_console/index.html']) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(answer.headers.get('content-security-policy'), path).toContain("default-src 'self'; script-src 'self'");
      expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
      const html = await answer.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\/_console\/assets\/index-[\w-]+\.js"><\/script>/);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('serves the hashed scripts and styles as immutable, and revalidates with the ETag', async () => {
    const html = await (await get('/_console/')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/_console\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const answer = await get(asset);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const again = await get(asset, { 'if-none-match': answer.headers.get('etag') ?? '' });
      expect(again.status).toBe(304);
    }
  });

  it('answers a missing file or a way out of its directory with a 404 problem, and refuses writes', async () => {
    for (const path of ['/_console/assets/nothing-12345678.js', '/_console/%2e%2e/package.json', '/_console/.vite/manifest.json']) {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(((await answer.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
    const post = await fetch(`${mock.url}/_console/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });

  it('sends a browser at the root to the console; an API client there still gets the 404 problem', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const method of ['GET', 'HEAD']) {
      const answer = await fetch(`${mock.url}/`, { method, headers: browser, redirect: 'manual' });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('/_console/');
      // Like every answer of the mock, so its log line and a bug report can name it.
      expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
    }
    for (const headers of [{ accept: 'application/json' }, {}] as Record<string, string>[]) {
      const answer = await get('/', headers);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await fetch(`${mock.url}/`, { method: 'POST', headers: { ...browser, 'content-type': 'application/json' }, body: '{}', redirect: 'manual' })).status).not.toBe(302);
  });

  it('is not served when the server is started without it', async () => {
    expect((await fetch(`${bare.url}/_console/`)).status).toBe(404);
    expect((await fetch(`${bare.url}/`, { headers: { accept: 'text/html' }, redirect: 'manual' })).status).toBe(404);
  });
});
