import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

// A web app on another origin (e.g. a Vite dev server) calling the standalone mock from a browser.
const ORIGIN = 'http://localhost:5173';
let running: RunningServer;

beforeAll(async () => {
  running = await startServer(createApp({ seed: 7, startAt: '2025-09-26T09:00:00+08:00' }), { port: 0 });
});
afterAll(() => running.close());

describe('CORS on the standalone server', () => {
  it('answers a preflight for a signed POST with the requested headers allowed', async () => {
    const res = await fetch(`${running.url}/registration/v1/applications`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-gdx-signature, idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type, x-gdx-signature, idempotency-key');
  });

  it('lets the browser read platform answers and the request id (the simulation API is closed: control-plane.test.ts)', async () => {
    const res = await fetch(`${running.url}/catalog/v1/search?limit=1`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(res.headers.get('vary')).toBe('origin');
  });

  it('adds nothing for clients that send no Origin, and OPTIONS without a preflight is a plain OPTIONS (204 with Allow, options-requests.test.ts)', async () => {
    const plain = await fetch(`${running.url}/_sim/v1/sandboxes/default/clock`);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const options = await fetch(`${running.url}/_sim/v1/sandboxes/default/clock`, { method: 'OPTIONS' });
    expect([options.status, options.headers.get('allow'), options.headers.get('access-control-allow-methods')]).toEqual([204, 'GET, HEAD, OPTIONS', null]);
  });
});
