import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, ConnectionError, fetchTransport, ResponseNotJsonError, undiciTransport, type RawResponse, type Transport } from '../src/index.js';
import { destroy, json, type Script } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const fast = undiciTransport({ connections: 4 });
const server = useTestServer({ alsoClose: [fast] });
afterEach(() => vi.unstubAllGlobals());

/** Answers `bytes` as they are, with `headers`. */
const raw =
  (status: number, headers: Record<string, string>, bytes: Uint8Array): Script =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(bytes);
  };

/** `{"name":"中文数据"}` in the legacy Chinese encodings (and Big5), as an older government system sends it. */
const encodedName: Record<string, Uint8Array> = {
  gbk: Uint8Array.from([...Buffer.from('{"name":"'), 0xd6, 0xd0, 0xce, 0xc4, 0xca, 0xfd, 0xbe, 0xdd, ...Buffer.from('"}')]),
  gb18030: Uint8Array.from([...Buffer.from('{"name":"'), 0xd6, 0xd0, 0xce, 0xc4, 0xca, 0xfd, 0xbe, 0xdd, ...Buffer.from('"}')]),
  big5: Uint8Array.from([...Buffer.from('{"name":"'), 0xa4, 0xa4, 0xa4, 0xe5, 0xbc, 0xc6, 0xbe, 0xda, ...Buffer.from('"}')]),
};

describe.each([
  ['fetchTransport', () => fetchTransport()],
  ['undiciTransport', () => fast],
])('%s', (_name, make: () => Transport) => {
  const client = () => new ApiClient({ baseUrl: `${server.origin}/open-data/v1`, transport: make(), maxRetries: 0, headers: { 'X-Tenant': 't1' } });

  it('sends method, path, query, JSON body and headers', async () => {
    server.enqueue(json(201, { id: 'dm_1' }, { 'x-request-id': 'req_42', 'idempotent-replayed': 'true' }));
    const { data, response } = await client().requestWithResponse<{ id: string }>(
      { operationId: 'submitDemand', method: 'POST', path: '/demands', query: { dryRun: false }, body: { title: '需求' }, idempotent: true },
      { headers: { 'X-Trace': 'abc' } },
    );
    expect(data).toEqual({ id: 'dm_1' });
    expect(response).toMatchObject({ status: 201, requestId: 'req_42', body: '{"id":"dm_1"}' });
    expect(response.headers.get('Idempotent-Replayed')).toBe('true');
    const [req] = server.received;
    expect(req).toMatchObject({ method: 'POST', url: '/open-data/v1/demands?dryRun=false', body: '{"title":"需求"}' });
    expect(req?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'x-tenant': 't1',
      'x-trace': 'abc',
      'user-agent': expect.stringMatching(/^gdx-runtime\//),
    });
  });

  it('tells onResponse the final raw response of a call, error statuses too (an SDK method resolves with the body alone)', async () => {
    server.enqueue(
      json(503, {}),
      json(201, { id: 'dm_1' }, { 'x-request-id': 'req_42', 'idempotent-replayed': 'true' }),
      json(409, { code: 'CONFLICT' }, { 'x-request-id': 'req_43' }),
    );
    const seen: { status: number; requestId: string | null; replayed: string | null }[] = [];
    const onResponse = (r: RawResponse) => void seen.push({ status: r.status, requestId: r.requestId, replayed: r.headers.get('idempotent-replayed') });
    const submit = { operationId: 'submitDemand', method: 'POST', path: '/demands', body: {}, idempotent: true } as const;
    const retrying = new ApiClient({ baseUrl: server.origin, transport: make(), retry: { sleep: async () => {} } });
    await expect(retrying.request(submit, { onResponse })).resolves.toEqual({ id: 'dm_1' });
    await expect(retrying.request(submit, { onResponse })).rejects.toMatchObject({ status: 409 });
    expect(seen).toEqual([
      { status: 201, requestId: 'req_42', replayed: 'true' },
      { status: 409, requestId: 'req_43', replayed: null },
    ]);
  });

  it('sends a bodyless write as JSON (no CORS simple request) and the bearer token, a GET without a type', async () => {
    server.enqueue(json(200, {}), json(200, {}));
    const c = new ApiClient({ baseUrl: `${server.origin}/_sim/v1`, transport: make(), maxRetries: 0, bearerToken: 'tok-0123456789abcdef' });
    await c.request({ operationId: 'resetSandbox', method: 'POST', path: '/sandboxes/default/reset' });
    await c.request({ operationId: 'getSandbox', method: 'GET', path: '/sandboxes/default' });
    const [reset, get] = server.received;
    expect(reset?.body).toBe('');
    expect(reset?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer tok-0123456789abcdef' });
    expect(get?.headers['content-type']).toBeUndefined();
    expect(get?.headers.authorization).toBe('Bearer tok-0123456789abcdef');
  });

  it('reports a reset connection as a retryable ConnectionError and retries it', async () => {
    server.enqueue(destroy, destroy);
    const once = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 0 });
    await expect(once.request({ operationId: 'op', method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'CONNECTION_ERROR',
      retryable: true,
    });
    const retrying = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 1, retry: { sleep: async () => {} } });
    await expect(retrying.request({ operationId: 'op', method: 'GET', path: '/' })).resolves.toEqual({});
    expect(server.received).toHaveLength(3);
  });

  it.each([301, 302, 303, 307, 308])('does not follow a %s: the redirect is an ApiError naming the new address', async (status) => {
    const moved = `${server.origin}/elsewhere`;
    server.enqueue((_req, res) => {
      res.writeHead(status, { location: moved, 'content-type': 'text/plain' });
      res.end('Moved');
    });
    const c = new ApiClient({ baseUrl: `${server.origin}/open-data/v1`, transport: make(), credentials: { appKey: 'ak_1', secret: 's3cret' } });
    const error = await c.request({ operationId: 'submitDemand', method: 'POST', path: '/demands', body: { title: '需求' }, idempotent: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code: `HTTP_${status}`, retryable: false });
    expect((error as ApiError).message).toContain(`Redirected to ${moved}, which is not followed`);
    expect((error as ApiError).messageZh).toContain(`平台重定向到 ${moved}`);
    // Neither the create turned into a GET of the new address nor the signed headers sent there.
    expect(server.received.map((r) => r.url)).toEqual(['/open-data/v1/demands']);
  });

  it.each([
    ['GBK', 'gbk', '中文数据'],
    ['gb2312', 'gbk', '中文数据'],
    ['"GB18030"', 'gb18030', '中文数据'],
    ['Big5', 'big5', '中文數據'],
  ])('decodes a body of charset=%s with that charset, not as UTF-8', async (label, bytes, name) => {
    server.enqueue(raw(200, { 'content-type': `application/json; charset=${label}` }, encodedName[bytes] as Uint8Array));
    await expect(client().request({ operationId: 'getDataset', method: 'GET', path: '/datasets/1' })).resolves.toEqual({ name });
  });

  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
  it.each([
    ['UTF-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"中文数据"}')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"name":"中文数据"}', 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('{"name":"中文数据"}')])],
  ])('lets a %s byte order mark win over charset=gbk (WHATWG Encoding "decode")', async (_bom, bytes) => {
    server.enqueue(raw(200, { 'content-type': 'application/json; charset=gbk' }, bytes));
    await expect(client().request({ operationId: 'getDataset', method: 'GET', path: '/datasets/1' })).resolves.toEqual({ name: '中文数据' });
  });

  it('decodes the problem of an error answer with its charset too', async () => {
    const problem = Uint8Array.from([...Buffer.from('{"code":"NOT_FOUND","message":{"zh":"'), 0xd6, 0xd0, 0xce, 0xc4, ...Buffer.from('","en":"Not found"}}')]);
    server.enqueue(raw(404, { 'content-type': 'application/problem+json; charset=GBK' }, problem));
    const error = await client().request({ operationId: 'getDataset', method: 'GET', path: '/datasets/1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', problem: { message: { zh: '中文' } } });
  });

  it('refuses a charset it cannot decode with RESPONSE_NOT_JSON naming the label, not mojibake', async () => {
    server.enqueue(raw(200, { 'content-type': 'application/json; charset=x-gbk-legacy' }, Buffer.from('{"name":"x"}')));
    const error = await client().request({ operationId: 'getDataset', method: 'GET', path: '/datasets/1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseNotJsonError);
    expect(error).toMatchObject({ code: 'RESPONSE_NOT_JSON', reason: 'charset', encoding: 'x-gbk-legacy', status: 200, retryable: false });
    expect((error as ResponseNotJsonError).message).toContain('its charset "x-gbk-legacy" is not one this runtime knows');
    expect((error as ResponseNotJsonError).messageZh).toContain('不支持其字符集 "x-gbk-legacy"');
  });

  it('gives up a body that never ends at maxResponseBytes: RESPONSE_NOT_JSON too-large, not the whole memory', async () => {
    let sent = 0;
    server.enqueue((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // A proxy streaming without end: stops only when the client goes (or after 64 MiB, for safety).
      const pump = () => {
        while (!res.destroyed && sent < 1024) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const c = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 2, maxResponseBytes: 1024 * 1024, retry: { sleep: async () => {} } });
    const error = await c.request({ operationId: 'exportDcat', method: 'GET', path: '/dcat' }).catch((e: unknown) => e);
    expect(sent).toBeLessThan(1024);
    expect(error).toBeInstanceOf(ResponseNotJsonError);
    expect(error).toMatchObject({ reason: 'too-large', limitBytes: 1024 * 1024, status: 200, body: '', retryable: false });
    expect((error as ResponseNotJsonError).message).toContain('is larger than maxResponseBytes (1048576 bytes): not read further');
    expect((error as ResponseNotJsonError).messageZh).toContain('超过 maxResponseBytes（1048576 字节），未继续读取');
    expect(server.received).toHaveLength(1);
  });

  it('refuses a Content-Length above maxResponseBytes, and reads a body of that size when the call allows it', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2000) });
    server.fallback(raw(200, { 'content-type': 'application/json', 'content-length': String(big.length) }, Buffer.from(big)));
    const c = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 0, maxResponseBytes: 1000 });
    await expect(c.request({ operationId: 'getDataset', method: 'GET', path: '/' })).rejects.toMatchObject({ reason: 'too-large', limitBytes: 1000 });
    await expect(c.request({ operationId: 'getDataset', method: 'GET', path: '/' }, { maxResponseBytes: 0 })).resolves.toEqual({ text: 'x'.repeat(2000) });
  });

  it('reuses connections across calls (keep-alive)', async () => {
    const c = client();
    const ports = new Set<number | undefined>();
    server.fallback((_req, res, raw) => {
      ports.add(raw.socket.remotePort);
      json(200, {})(_req, res, raw);
    });
    for (let i = 0; i < 5; i++) await c.request({ operationId: 'listDatasets', method: 'GET', path: '/datasets' });
    expect(ports.size).toBeLessThan(5); // a new socket per call would give 5
  });
});

describe('fetchTransport', () => {
  it('uses an injected fetch and passes it no dispatcher', async () => {
    const calls: [string, RequestInit & { dispatcher?: unknown }][] = [];
    const injected: typeof fetch = async (input, init) => {
      calls.push([String(input), init ?? {}]);
      return new Response('{"via":"injected"}', { status: 200, headers: { 'x-request-id': 'req_inj' } });
    };
    const client = new ApiClient({ baseUrl: 'http://platform.invalid/catalog/v1', fetch: injected });
    await expect(client.request({ operationId: 'searchCatalog', method: 'GET', path: '/search', query: { q: 'x' } })).resolves.toEqual({ via: 'injected' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe('http://platform.invalid/catalog/v1/search?q=x');
    expect(calls[0]?.[1].dispatcher).toBeUndefined();
  });

  it('looks up globalThis.fetch on every call (MSW installed after the client is created is seen)', async () => {
    const client = new ApiClient({ baseUrl: 'http://platform.invalid/catalog/v1' });
    const seen: (RequestInit & { dispatcher?: unknown })[] = [];
    vi.stubGlobal('fetch', async (_input: unknown, init: RequestInit) => {
      seen.push(init);
      return new Response('{"intercepted":true}', { status: 200 });
    });
    await expect(client.request({ operationId: 'searchCatalog', method: 'GET', path: '/search' })).resolves.toEqual({ intercepted: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.dispatcher).toBeDefined(); // the shared keep-alive Agent
  });

  it('refuses a redirect a browser hides (an opaque redirect) as REDIRECT_NOT_FOLLOWED', async () => {
    const seen: RequestInit[] = [];
    const opaque = { type: 'opaqueredirect', url: 'http://platform.invalid/catalog/v1/search', status: 0, headers: new Headers(), text: async () => '' };
    const transport = fetchTransport({
      fetch: async (_i, init) => {
        seen.push(init ?? {});
        return opaque as unknown as Response;
      },
    });
    const c = new ApiClient({ baseUrl: 'http://platform.invalid/catalog/v1', transport });
    await expect(c.request({ operationId: 'searchCatalog', method: 'GET', path: '/search' })).rejects.toMatchObject({
      code: 'REDIRECT_NOT_FOLLOWED',
      retryable: false,
      message: expect.stringContaining('http://platform.invalid/catalog/v1/search answered a redirect'),
    });
    expect(seen.map((init) => init.redirect)).toEqual(['manual']);
  });

  it('passes an explicit dispatcher', async () => {
    const dispatcher = { marker: true };
    const seen: unknown[] = [];
    const transport = fetchTransport({
      fetch: async (_i, init) => {
        seen.push((init as { dispatcher?: unknown }).dispatcher);
        return new Response(null, { status: 204 });
      },
      dispatcher: dispatcher as never,
    });
    await new ApiClient({ baseUrl: 'http://x.invalid', transport }).request({ operationId: 'op', method: 'DELETE', path: '/a' });
    expect(seen).toEqual([dispatcher]);
  });
});

describe.each([
  ['fetchTransport', () => fetchTransport()],
  ['undiciTransport', () => fast],
])('%s and a compressed body', (_name, make: () => Transport) => {
  const corrupt = (compressed: Buffer) => Buffer.concat([compressed.subarray(0, 10), Buffer.from('not the rest of the stream')]);
  const body = Buffer.from('{"id":"dm_1"}');

  it.each([
    ['gzip', gzipSync(body)],
    ['x-gzip', gzipSync(body)],
    ['deflate', deflateSync(body)],
    ['br', brotliCompressSync(body)],
    ['gzip, br', brotliCompressSync(gzipSync(body))],
  ])('decompresses Content-Encoding %s (a proxy may compress what was not asked to be)', async (coding, bytes) => {
    server.enqueue(raw(200, { 'content-type': 'application/json', 'content-encoding': coding }, bytes));
    const c = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 0 });
    await expect(c.request({ operationId: 'getDemand', method: 'GET', path: '/demands/1' })).resolves.toEqual({ id: 'dm_1' });
  });

  it('reads an empty body as empty whatever its Content-Encoding says (a 204 naming gzip)', async () => {
    server.enqueue(raw(204, { 'content-encoding': 'gzip' }, new Uint8Array()), raw(200, { 'content-encoding': 'br', 'content-length': '0' }, new Uint8Array()));
    const c = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 0 });
    await expect(c.request({ operationId: 'deleteDemand', method: 'DELETE', path: '/demands/1' })).resolves.toBeUndefined();
    await expect(c.request({ operationId: 'deleteDemand', method: 'DELETE', path: '/demands/1' })).resolves.toBeUndefined();
  });

  it("quotes a gateway's gzipped 502 page as text", async () => {
    server.enqueue(raw(502, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync('<html><title>502 Bad Gateway</title></html>')));
    const c = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 0 });
    const error = await c.request({ operationId: 'getDemand', method: 'GET', path: '/demands/1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_502', status: 502 });
    expect((error as ApiError).message).toContain('Unexpected response: 502 Bad Gateway');
  });

  it.each([
    ['gzip', corrupt(gzipSync(body))],
    ['br', corrupt(brotliCompressSync(body))],
  ])('is RESPONSE_NOT_JSON naming the %s coding, not a connection error, and a create is not sent again', async (coding, bytes) => {
    server.fallback(raw(201, { 'content-type': 'application/json', 'content-encoding': coding }, bytes));
    const c = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 3, retry: { sleep: async () => {} } });
    const error = await c.request({ operationId: 'submitDemand', method: 'POST', path: '/demands', body: {}, idempotent: true }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(ResponseNotJsonError);
    expect(error).toMatchObject({ reason: 'content-encoding', encoding: coding, status: 201, retryable: false });
    expect((error as ResponseNotJsonError).message).toContain(`does not decompress as Content-Encoding ${coding}`);
    expect((error as ResponseNotJsonError).messageZh).toContain(`按 Content-Encoding ${coding} 解压失败`);
    expect(server.received).toHaveLength(1);
  });

  it('counts maxResponseBytes after decompression: a small gzip body that inflates to megabytes is too-large', async () => {
    server.enqueue(raw(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20))));
    const c = new ApiClient({ baseUrl: server.origin, transport: make(), maxRetries: 0, maxResponseBytes: 1024 * 1024 });
    await expect(c.request({ operationId: 'getDemand', method: 'GET', path: '/demands/1' })).rejects.toMatchObject({ reason: 'too-large', limitBytes: 1024 * 1024 });
  });
});

describe('undiciTransport and a compressed body', () => {
  const bigBody = Buffer.from(JSON.stringify({ text: 'x'.repeat(5000) }));
  const client = () => new ApiClient({ baseUrl: server.origin, transport: fast, maxRetries: 0 });

  it.each([
    ['gzip', gzipSync(bigBody)],
    ['br', brotliCompressSync(bigBody)],
  ])('tells a truncated %s stream as content-encoding, not as JSON that does not parse', async (coding, bytes) => {
    server.enqueue(raw(200, { 'content-type': 'application/json', 'content-encoding': coding }, bytes.subarray(0, Math.floor(bytes.length / 2))));
    const error = await client().request({ operationId: 'getDemand', method: 'GET', path: '/demands/1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'content-encoding', encoding: coding });
    expect((error as ResponseNotJsonError).message).toContain('(unexpected end of file)');
  });

  it('refuses a coding it cannot undo, naming it', async () => {
    server.enqueue(raw(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' }, Buffer.from([0x28, 0xb5, 0x2f, 0xfd])));
    const error = await client().request({ operationId: 'getDemand', method: 'GET', path: '/demands/1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESPONSE_NOT_JSON', reason: 'content-encoding', encoding: 'zstd' });
    expect((error as ResponseNotJsonError).message).toContain('unsupported content coding zstd');
  });
});

describe('undiciTransport', () => {
  it('leaves a caller-supplied dispatcher open on close()', async () => {
    let closed = false;
    const transport = undiciTransport({ dispatcher: { close: async () => void (closed = true) } as never });
    await transport.close();
    expect(closed).toBe(false);
  });

  it('closes the Agent it owns', async () => {
    const transport = undiciTransport();
    const client = new ApiClient({ baseUrl: server.origin, transport, maxRetries: 0 });
    await client.request({ operationId: 'op', method: 'GET', path: '/' });
    await client.close();
    await expect(client.request({ operationId: 'op', method: 'GET', path: '/' })).rejects.toMatchObject({ code: 'CONNECTION_ERROR' });
  });
});
