import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { TRANSPORTS, type Transport } from '../support/transports.js';

/**
 * The size limits through every transport, with the defaults (1 MiB body, 8 KiB URL, 16 KiB
 * headers): refused with problem+json before any work (before the signature check), exactly at
 * the limit accepted.
 */
const MiB = 1_048_576;
const SANDBOXES = '/_sim/v1/sandboxes';

/** `{"profile":"national"}` padded with JSON whitespace to exactly `bytes` bytes. */
function createBody(bytes: number): string {
  const json = '{"profile":"national"}';
  return json.slice(0, -1) + ' '.repeat(bytes - json.length) + '}';
}

/** A body stream of `total` bytes in 64 KiB chunks that counts how many chunks were pulled. */
function countingStream(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number; chunks: number } {
  const chunk = new Uint8Array(65_536).fill(0x20);
  const chunks = Math.ceil(total / chunk.byteLength);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled, chunks };
}

async function expectProblem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, message: { zh: expect.any(String), en: expect.any(String) } });
  expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  return body;
}

for (const [name, factory] of Object.entries(TRANSPORTS)) {
  describe(`request limits through ${name}`, () => {
    let app: App;
    let transport: Transport;
    const url = (path: string) => `${transport.baseUrl}${path}`;
    const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
      transport.fetch(url(path), { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);

    beforeAll(async () => {
      app = createApp({ seed: 3, startAt: '2025-09-26T10:00:00+08:00', logError: (message, error) => expect.fail(`${message} ${String(error)}`) });
      transport = await factory(app);
    });
    afterAll(async () => {
      await transport.close();
      await app.close();
    });

    it('accepts a body of exactly 1 MiB and refuses one byte more with 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
      const accepted = await post(SANDBOXES, createBody(MiB));
      expect(accepted.status, await accepted.clone().text()).toBe(201);
      await accepted.text();
      const refused = await expectProblem(await post(SANDBOXES, createBody(MiB + 1)), 413, 'PAYLOAD_TOO_LARGE');
      expect(refused).toMatchObject({ limit: MiB, detail: expect.stringContaining(String(MiB)), message: { zh: '请求体过大', en: 'The request body is too large' } });
    });

    it('refuses a streamed body without Content-Length (chunked) past the limit', async () => {
      await expectProblem(await post(SANDBOXES, countingStream(2 * MiB).stream), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses an oversized body before the signature check (413, not 401)', async () => {
      await expectProblem(await post('/registration/v1/applications', createBody(MiB + 10)), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers 414 URI_TOO_LONG past 8 KiB of target, and serves one of exactly 8 KiB', async () => {
      // Padded in `_`, the cache-buster every operation takes (any other undeclared name is a 400).
      const query = (length: number) => `limit=5&_=${'a'.repeat(length - SANDBOXES.length - '?limit=5&_='.length)}`;
      const atLimit = await transport.fetch(url(`${SANDBOXES}?${query(8192)}`));
      expect(atLimit.status, await atLimit.text()).toBe(200);
      const body = await expectProblem(await transport.fetch(url(`${SANDBOXES}?${query(9000)}`)), 414, 'URI_TOO_LONG');
      expect(body).toMatchObject({ limit: 8192 });
    });

    it('answers 431 HEADERS_TOO_LARGE past 16 KiB of headers', async () => {
      const body = await expectProblem(await transport.fetch(url(SANDBOXES), { headers: { 'x-pad': 'a'.repeat(17_000) } }), 431, 'HEADERS_TOO_LARGE');
      expect(body).toMatchObject({ limit: 16_384 });
    });
  });
}

describe('configured limits', () => {
  it('createApp({ limits }) sets them, app.limits shows them, and every transport keeps them', async () => {
    const app = createApp({ limits: { maxBodyBytes: 64, maxUrlBytes: 100 } });
    expect(app.limits).toEqual({ maxBodyBytes: 64, maxImportBytes: 67_108_864, maxUrlBytes: 100, maxHeaderBytes: 16_384 });
    for (const factory of [TRANSPORTS['in-process fetch']!, TRANSPORTS['node:http server']!]) {
      const transport = await factory(app);
      const at = await transport.fetch(`${transport.baseUrl}${SANDBOXES}`, { method: 'POST', body: createBody(64), headers: { 'content-type': 'application/json' } });
      expect(at.status).toBe(201);
      await at.text();
      await expectProblem(await transport.fetch(`${transport.baseUrl}${SANDBOXES}`, { method: 'POST', body: createBody(65), headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
      await expectProblem(await transport.fetch(`${transport.baseUrl}${SANDBOXES}?x=${'a'.repeat(100)}`), 414, 'URI_TOO_LONG');
      await transport.close();
    }
    // app.handle (a WHATWG Request, as a service worker or edge function hands it over) too.
    const handled = await app.handle(new Request(`http://mock.local${SANDBOXES}`, { method: 'POST', body: createBody(65), headers: { 'content-type': 'application/json' } }));
    await expectProblem(handled, 413, 'PAYLOAD_TOO_LARGE');
    await app.close();
  });

  it('refuses limits that are not positive integers', () => {
    expect(() => createApp({ limits: { maxBodyBytes: 0 } })).toThrow(/INVALID_LIMIT/);
  });
});

describe('the in-process transports stop reading a stream at the limit', () => {
  it.each(['in-process fetch', 'msw setupServer'])('%s: a 50 MB stream is cancelled after about 1 MiB', async (name) => {
    const app = createApp({ logError: (message, error) => expect.fail(`${message} ${String(error)}`) });
    const transport = await TRANSPORTS[name]!(app);
    const body = countingStream(50 * MiB);
    const res = await transport.fetch(`${transport.baseUrl}${SANDBOXES}`, { method: 'POST', body: body.stream, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit);
    await expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    // 17 chunks pass the limit; a few more may sit in the stream's queues, never the 763 chunks of the body.
    expect(body.pulled()).toBeLessThan(body.chunks / 10);
    await transport.close();
    await app.close();
  });
});
