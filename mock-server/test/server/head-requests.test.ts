import { describe, expect, it } from 'vitest';
import { useFreshApp } from '../support/transports.js';

// HEAD answers as GET without the body (RFC 9110 §9.3.2): the same status and headers, the
// Content-Length of the body it leaves out; every GET route takes it, and a 405 lists it.

describe.each(['in-process fetch', 'node:http server'])('HEAD through the %s', (name) => {
  const open = useFreshApp(name);

  it.each(['/registration/v1/public-notices', '/sandboxes/default/registration/v1/public-notices', '/openapi/registration.json', '/openapi/', '/_sim/v1/sandboxes/default/clock'])(
    'HEAD %s: the GET status, type and length, no body',
    async (path) => {
      const t = await open();
      const get = await t.fetch(`${t.baseUrl}${path}`);
      const body = new Uint8Array(await get.arrayBuffer());
      const head = await t.fetch(`${t.baseUrl}${path}`, { method: 'HEAD' });
      expect(head.status).toBe(get.status);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('content-length')).toBe(String(body.byteLength));
      expect(body.byteLength).toBeGreaterThan(0);
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    },
  );

  it('a refused HEAD announces the length of its problem', async () => {
    const t = await open();
    const get = await t.fetch(`${t.baseUrl}/registration/v1/applications`);
    const head = await t.fetch(`${t.baseUrl}/registration/v1/applications`, { method: 'HEAD' });
    expect([head.status, get.status]).toEqual([401, 401]);
    expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
  });

  it.each([
    ['a platform route', 'PUT', '/registration/v1/public-notices', 'GET, HEAD'],
    ['a platform route taking POST too', 'PUT', '/registration/v1/applications', 'GET, HEAD, POST'],
    ['a simulation route', 'PUT', '/_sim/v1/sandboxes/default/clock', 'GET, HEAD'],
    ['a served contract', 'POST', '/openapi/registration.json', 'GET, HEAD'],
  ])('the 405 of %s lists HEAD wherever GET is, and OPTIONS in Allow', async (_name, method, path, allow) => {
    const t = await open();
    const res = await t.fetch(`${t.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(`${allow}, OPTIONS`);
    const problem = (await res.json()) as { allowedMethods?: string[] };
    if (problem.allowedMethods) expect(problem.allowedMethods.join(', ')).toBe(allow);
  });
});
