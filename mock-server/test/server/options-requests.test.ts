import { describe, expect, it } from 'vitest';
import { useFreshApp } from '../support/transports.js';

// A plain OPTIONS asks for the communication options of the target (RFC 9110 §9.3.7): on a path
// the server knows it answers 204 with `Allow` — the methods a 405 lists there, and OPTIONS —
// where it used to answer 405; an unknown path stays 404, and a CORS preflight (Origin and
// Access-Control-Request-Method) is answered by the HTTP server as before.

describe.each(['in-process fetch', 'node:http server'])('OPTIONS through the %s', (name) => {
  const open = useFreshApp(name);

  it.each([
    ['a platform route', '/registration/v1/public-notices', 'GET, HEAD, OPTIONS'],
    ['a platform route taking POST too, in a sandbox', '/sandboxes/default/registration/v1/applications', 'GET, HEAD, POST, OPTIONS'],
    ['a simulation route', '/_sim/v1/sandboxes/default/clock', 'GET, HEAD, OPTIONS'],
    ['a served contract', '/openapi/registration.json', 'GET, HEAD, OPTIONS'],
  ])('OPTIONS on %s: 204 with Allow, and a request id', async (_name, path, allow) => {
    const t = await open();
    const res = await t.fetch(`${t.baseUrl}${path}`, { method: 'OPTIONS' });
    expect([res.status, res.headers.get('allow'), await res.text()]).toEqual([204, allow, '']);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('an unknown path stays 404', async () => {
    const t = await open();
    const res = await t.fetch(`${t.baseUrl}/registration/v1/no-such-thing`, { method: 'OPTIONS' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('OPTIONS through the node:http server only', () => {
  const open = useFreshApp('node:http server');

  it("a reference page answers as the contracts do, and Origin alone gets the CORS headers besides", async () => {
    const t = await open();
    const page = await t.fetch(`${t.baseUrl}/openapi/registration.html`, { method: 'OPTIONS' });
    expect([page.status, page.headers.get('allow')]).toEqual([204, 'GET, HEAD, OPTIONS']);
    const withOrigin = await t.fetch(`${t.baseUrl}/registration/v1/applications`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173' } });
    expect([withOrigin.status, withOrigin.headers.get('allow'), withOrigin.headers.get('access-control-allow-origin')]).toEqual([204, 'GET, HEAD, POST, OPTIONS', 'http://localhost:5173']);
  });

  it('the 405 of a reference page and of a console file names OPTIONS in Allow too', async () => {
    const t = await open();
    const init = { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' };
    const page = await t.fetch(`${t.baseUrl}/openapi/registration.html`, init);
    const file = await t.fetch(`${t.baseUrl}/_console/`, init);
    expect([page.status, page.headers.get('allow'), file.status, file.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS', 405, 'GET, HEAD, OPTIONS']);
  });

  it('a CORS preflight is answered as before: the allowed methods and headers, no Allow', async () => {
    const t = await open();
    const res = await t.fetch(`${t.baseUrl}/registration/v1/applications`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-gdx-app-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(res.headers.get('access-control-allow-headers')).toBe('x-gdx-app-key');
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
