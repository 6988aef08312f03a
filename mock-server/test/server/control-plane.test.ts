import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

// The closed control plane (issue 8): what a page of another origin, a rebinding page and a
// client without the token can and cannot do with /_sim/v1, through the HTTP server.
const ALLOWED = 'http://localhost:5173';
const FOREIGN = 'https://evil.example';
const TOKEN = 'control-plane-token-0123456789';
const START_AT = '2025-09-26T09:00:00+08:00';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** One request with exactly these headers (fetch cannot set `Host`). */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the simulation API on the HTTP server (default: loopback, one allowed origin)', () => {
  let app: App;
  let server: RunningServer;
  const now = async () => (await raw(server.url, 'GET', '/_sim/v1/sandboxes/default/clock')).body.now as string;
  beforeAll(async () => {
    app = createApp({ seed: 7, startAt: START_AT, logError: () => undefined });
    server = await startServer(app, { port: 0, corsOrigins: [ALLOWED] });
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('refuses a foreign origin with 403 problem+json, no CORS header and no secret', async () => {
    const res = await raw(server.url, 'GET', '/_sim/v1/sandboxes/default', { origin: FOREIGN });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED', errors: [{ pointer: '/header/origin' }] });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/secret/i);
  });

  it('gives a foreign preflight no allow headers, an allowed one the methods and headers it asked for', async () => {
    const ask = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' };
    const foreign = await raw(server.url, 'OPTIONS', '/_sim/v1/sandboxes/default/reset', { origin: FOREIGN, ...ask });
    expect(foreign.status).toBe(403);
    expect(Object.keys(foreign.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const allowed = await raw(server.url, 'OPTIONS', '/_sim/v1/sandboxes/default/reset', { origin: ALLOWED, ...ask });
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': ALLOWED, 'access-control-allow-headers': 'content-type, authorization' });
  });

  it('answers an allowed origin and the server’s own origin with the CORS header', async () => {
    for (const origin of [ALLOWED, server.url]) {
      const res = await raw(server.url, 'GET', '/_sim/v1/sandboxes/default', { origin });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.body.organizations[0].secret).toEqual(expect.any(String));
    }
  });

  it('refuses a no-cors text/plain reset from a foreign page, and a non-JSON reset from anyone: the clock stays', async () => {
    const advanced = await raw(server.url, 'POST', '/_sim/v1/sandboxes/default/clock/advance', { 'content-type': 'application/json' }, '{"workingDays":2}');
    expect(advanced.status).toBe(200);
    const before = await now();
    const crossSite = await raw(server.url, 'POST', '/_sim/v1/sandboxes/default/reset', { origin: FOREIGN, 'content-type': 'text/plain' }, '{}');
    expect(crossSite.status).toBe(403);
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}] as Record<string, string>[]) {
      const res = await raw(server.url, 'POST', '/_sim/v1/sandboxes/default/reset', headers, headers['content-type'] ? 'x=1' : undefined);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ pointer: '/header/content-type' }] });
    }
    expect(await now()).toBe(before);
    const reset = await raw(server.url, 'POST', '/_sim/v1/sandboxes/default/reset', { 'content-type': 'application/json' });
    expect(reset.status).toBe(200);
    expect(await now()).not.toBe(before);
  });

  it('answers a non-JSON write that no handler serves 405 or 404, as a JSON one, not 415', async () => {
    const cases = [
      { method: 'DELETE', path: '/_sim/v1/health', status: 405, code: 'METHOD_NOT_ALLOWED' },
      { method: 'TRACE', path: '/_sim/v1/sandboxes', status: 405, code: 'METHOD_NOT_ALLOWED' },
      { method: 'POST', path: '/_sim/v1/no-such-route', status: 404, code: 'NOT_FOUND' },
    ];
    for (const { method, path, status, code } of cases) {
      for (const headers of [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/json' }] as Record<string, string>[]) {
        const res = await raw(server.url, method, path, headers);
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(status);
        expect(res.body).toMatchObject({ code });
      }
    }
    // A write a handler serves still needs JSON.
    expect((await raw(server.url, 'DELETE', '/_sim/v1/sandboxes/default')).status).toBe(415);
  });

  it('refuses a Host that is not the bound address (DNS rebinding) with 421, on /_sim/v1 only', async () => {
    const { port } = server;
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost']) {
      const res = await raw(server.url, 'GET', '/_sim/v1/sandboxes/default', { host });
      expect(res.status, host).toBe(421);
      expect(res.body).toMatchObject({ code: 'HOST_NOT_ALLOWED', errors: [{ pointer: '/header/host' }] });
    }
    // Same origin as the rebinding page: still refused, the Host check comes first.
    const rebound = await raw(server.url, 'GET', '/_sim/v1/sandboxes/default', { host: `evil.example:${port}`, origin: `http://evil.example:${port}` });
    expect(rebound.status).toBe(421);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await raw(server.url, 'GET', '/_sim/v1/sandboxes/default/clock', { host })).status, host).toBe(200);
    }
    // Platform routes are signed: they answer any Host and any origin, as before.
    const platform = await raw(server.url, 'GET', '/catalog/v1/search?limit=1', { host: `evil.example:${port}`, origin: FOREIGN });
    expect(platform.status).toBe(200);
    expect(platform.headers['access-control-allow-origin']).toBe(FOREIGN);
  });
});

describe('--allowed-host and --sim-token', () => {
  let app: App;
  let server: RunningServer;
  beforeAll(async () => {
    app = createApp({ seed: 7, startAt: START_AT, logError: () => undefined, simToken: TOKEN });
    server = await startServer(app, { port: 0, allowedHosts: ['gdx-mock', '.example.test'] });
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('answers the allowed names on any port, and subdomains of a dotted entry', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const host of ['gdx-mock:80', 'mock.example.test', 'example.test:8443']) {
      expect((await raw(server.url, 'GET', '/_sim/v1/sandboxes/default/clock', { host, ...auth })).status, host).toBe(200);
    }
    expect((await raw(server.url, 'GET', '/_sim/v1/sandboxes/default/clock', { host: 'notexample.test', ...auth })).status).toBe(421);
  });

  it('answers 401 with WWW-Authenticate unless the bearer token is right; platform routes need none', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: `Basic ${TOKEN}` }] as Record<string, string>[]) {
      const res = await raw(server.url, 'GET', '/_sim/v1/sandboxes/default', headers);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(res.body).toMatchObject({ code: 'SIM_TOKEN_REQUIRED', errors: [{ pointer: '/header/authorization' }] });
    }
    expect((await raw(server.url, 'GET', '/_sim/v1/sandboxes/default', { authorization: `bearer ${TOKEN}` })).status).toBe(200);
    // A bodyless write with the token needed a preflight in a browser: accepted without a content type.
    expect((await raw(server.url, 'POST', '/_sim/v1/sandboxes/default/reset', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await raw(server.url, 'GET', '/catalog/v1/search?limit=1')).status).toBe(200);
  });

  it('holds the token and JSON rules on the in-process transport too (they live in the core)', async () => {
    const fetch = createFetch(app);
    expect((await fetch('http://mock.local/_sim/v1/sandboxes')).status).toBe(401);
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch('http://mock.local/_sim/v1/sandboxes', { headers: auth })).status).toBe(200);
    const plain = await fetch('http://mock.local/_sim/v1/sandboxes/default/reset', { method: 'POST', headers: auth, body: 'x' });
    expect(plain.status).toBe(415);
  });

  it('refuses a token too short to resist guessing', () => {
    expect(() => createApp({ simToken: 'short' })).toThrow(/INVALID_SIM_TOKEN/);
  });
});
