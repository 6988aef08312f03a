import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import type { RequestLogEntry } from '../../src/server/request-log.js';

/**
 * Size refusals are journaled and logged like the core's other refusals: in the sandbox the path
 * names, with the operation its method and path match — also when the HTTP server refused the
 * body before reading it (from Content-Length, or cut off while streaming).
 */
const LIMIT = 1_024;
let app: App;
let running: RunningServer;
const logged: RequestLogEntry[] = [];

beforeAll(async () => {
  app = createApp({ seed: 3, limits: { maxBodyBytes: LIMIT } });
  running = await startServer(app, { port: 0, requestLog: (entry) => logged.push(entry) });
});
afterAll(async () => {
  await running.close();
  await app.close();
});

/** POSTs `size` bytes to `path`, announced by Content-Length or chunked; resolves with the status and X-Request-Id. */
function post(path: string, size: number, chunked: boolean, extra: Record<string, string> = {}): Promise<{ status: number; requestId: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', ...extra, ...(chunked ? {} : { 'content-length': size }) };
    const req = httpRequest({ port: running.port, host: '127.0.0.1', method: 'POST', path, headers }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']) }));
    });
    // The server may close before the whole body is written (it is not read): the answer still comes.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(Buffer.alloc(size, 0x20));
  });
}

async function journaled(sandbox: string, requestId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${running.url}/_sim/v1/sandboxes/${sandbox}/requests/${requestId}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('size refusals in the request journal and the request log', () => {
  it.each([
    ['announced by Content-Length', false],
    ['cut off while streaming (chunked)', true],
  ])('a 413 of the HTTP server, %s, is journaled with its sandbox and operation', async (_name, chunked) => {
    const { status, requestId } = await post('/catalog/v1/entries', 64 * LIMIT, chunked);
    expect(status).toBe(413);
    const entry = await journaled('default', requestId);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ requestId, status: 413, problemCode: 'PAYLOAD_TOO_LARGE', operationId: 'createEntry', platform: 'catalog', method: 'POST', path: '/catalog/v1/entries', requestBody: null });
    expect(logged.find((line) => line.requestId === requestId)).toMatchObject({ status: 413, sandboxId: 'default', operationId: 'createEntry', problemCode: 'PAYLOAD_TOO_LARGE' });
  });

  it('a 413 in a named sandbox is journaled there', async () => {
    expect((await fetch(`${running.url}/_sim/v1/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'sbx_big', profile: 'national' }) })).status).toBe(201);
    const { status, requestId } = await post('/sandboxes/sbx_big/registration/v1/applications', 4 * LIMIT, false);
    expect(status).toBe(413);
    expect((await journaled('sbx_big', requestId)).body).toMatchObject({ status: 413, operationId: 'submitApplication' });
  });

  it("a 413 of a request presenting an app key names the key's organisation, as the core's refusals do", async () => {
    const org = ((await (await fetch(`${running.url}/_sim/v1/sandboxes/default`)).json()) as { organizations: { id: string; appKey: string }[] }).organizations[0]!;
    const { status, requestId } = await post('/catalog/v1/entries', 4 * LIMIT, false, { 'x-gdx-app-key': org.appKey });
    expect(status).toBe(413);
    expect((await journaled('default', requestId)).body).toMatchObject({ status: 413, appKey: org.appKey, organizationId: org.id });
    expect(logged.find((line) => line.requestId === requestId)).toMatchObject({ organizationId: org.id });
  });

  it('a 414 names its operation too', async () => {
    const res = await fetch(`${running.url}/catalog/v1/search?q=${'a'.repeat(9_000)}`);
    expect(res.status).toBe(414);
    expect((await journaled('default', String(res.headers.get('x-request-id')))).body).toMatchObject({ status: 414, problemCode: 'URI_TOO_LONG', operationId: 'searchEntries' });
  });

  it('the in-process fetch journals the 413 of a stream it cancelled', async () => {
    const inProcess = createFetch(app);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(LIMIT).fill(0x20));
      },
    });
    const res = await inProcess('http://mock.local/catalog/v1/entries', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await journaled('default', String(res.headers.get('x-request-id')))).body).toMatchObject({ status: 413, operationId: 'createEntry' });
  });
});

/** Sends raw bytes on a fresh connection; resolves with the status and the problem body once the server closes it. */
function raw(bytes: Buffer | string): Promise<{ status: number; requestId: string; problem: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(running.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      const problem = JSON.parse(body) as Record<string, unknown>;
      resolve({ status: Number(head.split(' ')[1]), requestId: String(problem.requestId), problem });
    });
    socket.end(bytes);
  });
}

describe("requests Node's HTTP parser refuses, in the request log and the request journal", () => {
  it('a request line that is not HTTP is logged without method or path, and its problem has no instance', async () => {
    const { status, requestId, problem } = await raw('GARBAGE\r\n\r\n');
    expect(status).toBe(400);
    expect(problem).not.toHaveProperty('instance');
    // Timed from the connection's opening (its arrival is not known), with the client's address.
    expect(logged.find((line) => line.requestId === requestId)).toEqual({ requestId, sandboxId: null, organizationId: null, method: null, path: null, operationId: null, status: 400, problemCode: 'VALIDATION_FAILED', durationMs: expect.any(Number), remoteAddress: '127.0.0.1' });
  });

  it.each([
    ['a malformed Content-Length', 'POST /catalog/v1/entries HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400, { method: 'POST', path: '/catalog/v1/entries', query: '', operationId: 'createEntry', problemCode: 'VALIDATION_FAILED' }],
    [
      'raw UTF-8 in the target (curl -g)',
      Buffer.concat([Buffer.from('GET /catalog/v1/search?q='), Buffer.from('人口'), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]),
      400,
      { method: 'GET', path: '/catalog/v1/search', query: 'q=%E4%BA%BA%E5%8F%A3', operationId: 'searchEntries', problemCode: 'VALIDATION_FAILED' },
    ],
    ['a 30,000-byte path', `GET /catalog/v1/entries/${'a'.repeat(30_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 414, { method: 'GET', operationId: 'getEntry', problemCode: 'URI_TOO_LONG' }],
    ['a header section beyond what the parser takes', `GET /catalog/v1/search HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(40_000)}\r\n\r\n`, 431, { method: 'GET', path: '/catalog/v1/search', operationId: 'searchEntries', problemCode: 'HEADERS_TOO_LARGE' }],
  ])('%s is journaled in the sandbox its path names and logged, with the target as instance', async (_name, bytes, expected, fields) => {
    const { status, requestId, problem } = await raw(bytes);
    expect(status).toBe(expected);
    const entry = await journaled('default', requestId);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ requestId, status: expected, platform: 'catalog', ...fields });
    expect(String(problem.instance)).toMatch(/^\/catalog\/v1\/(search|entries)/);
    expect(String(entry.body.path).startsWith(String(problem.instance))).toBe(true);
    const line = logged.find((l) => l.requestId === requestId);
    expect(line).toMatchObject({ sandboxId: 'default', method: fields.method, operationId: fields.operationId, status: expected, problemCode: fields.problemCode });
    expect(line?.path).toBe(entry.body.path);
  });
});
