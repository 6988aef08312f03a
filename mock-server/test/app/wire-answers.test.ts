import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { START_AT } from '../support/harness.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request over a fresh connection, with the answer's headers as Node parsed them. */
function raw(url: string, method = 'GET', body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // Writes say JSON also without a body (the simulation API refuses anything else).
    const req = request(url, { method, agent: false, headers: body === undefined && method === 'GET' ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('answers on the wire (default platforms)', () => {
  let app: App;
  let server: RunningServer;
  beforeAll(async () => {
    app = createApp({ seed: 1, startAt: START_AT, logError: () => undefined });
    server = await startServer(app, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('keeps the content type a handler names: the DCAT export is JSON-LD, other answers JSON', async () => {
    const fetch = createFetch(app);
    for (const base of ['http://mock.local', server.url]) {
      const via = base === server.url ? globalThis.fetch : fetch;
      const dcat = await via(`${base}/catalog/v1/dcat`);
      expect(dcat.status).toBe(200);
      expect(dcat.headers.get('content-type')).toBe('application/ld+json');
      expect((await dcat.json())['@context']).toBeDefined();
      const search = await via(`${base}/catalog/v1/search?limit=1`);
      expect(search.headers.get('content-type')).toBe('application/json');
    }
  });

  it('sends a body with its byte length, never chunked, and the request id', async () => {
    const res = await raw(`${server.url}/catalog/v1/search?q=%E6%95%B0%E6%8D%AE&limit=2`);
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    expect(JSON.parse(res.body.toString('utf8')).items.length).toBeGreaterThan(0);
  });

  it('reads a request body, and answers 204 with neither body nor length', async () => {
    const created = await raw(`${server.url}/_sim/v1/sandboxes`, 'POST', JSON.stringify({ profile: 'national', startAt: START_AT, seed: 3 }));
    expect(created.status).toBe(201);
    expect(Number(created.headers['content-length'])).toBe(created.body.length);
    const { id } = JSON.parse(created.body.toString('utf8')) as { id: string };
    const deleted = await raw(`${server.url}/_sim/v1/sandboxes/${id}`, 'DELETE');
    expect(deleted.status).toBe(204);
    expect(deleted.headers['content-length']).toBeUndefined();
    expect(deleted.body.length).toBe(0);
  });

  it('answers problems with their own content type and length', async () => {
    const res = await raw(`${server.url}/catalog/v1/search?limit=999`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
  });
});
