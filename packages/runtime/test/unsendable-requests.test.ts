import { describe, expect, it } from 'vitest';
import { ApiClient, GdxError, type ClientOptions } from '../src/index.js';
import { json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

// Requests that cannot be sent are refused before anything is sent, naming what is wrong. A header
// fetch cannot build used to reach fetch, whose TypeError read as a network error: the client
// retried it and said the platform could not be reached (now INVALID_HEADER, naming the header and
// the option it came from). A body JSON cannot write was a bare TypeError (now BODY_NOT_JSON).
const server = useTestServer({ fallback: json(200, { id: 'rga_1' }) });

const get = { operationId: 'getApplication', method: 'GET', path: '/applications/rga_1' } as const;
const submit = { operationId: 'submitApplication', method: 'POST', path: '/applications', body: { type: 'initial' }, idempotent: true } as const;

function client(options: Partial<ClientOptions> = {}): ApiClient {
  return new ApiClient({ baseUrl: `${server.origin}/registration/v1`, maxRetries: 3, retry: { sleep: async () => undefined }, ...options });
}

function refusal(run: () => unknown): GdxError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GdxError);
    return error as GdxError;
  }
  throw new Error('expected INVALID_HEADER, nothing was thrown');
}

describe('headers a client is made with', () => {
  it.each([
    ['a value with Chinese text', { headers: { 'x-trace': '厦门市' } }, '"x-trace"', 'ClientOptions.headers', /"厦" at index 0, a character above U\+00FF/, /第 0 位含有“厦”/],
    ['a value with a line break inside', { headers: { 'x-trace': 'a\nb' } }, '"x-trace"', 'ClientOptions.headers', /LF at index 1/, /LF/],
    ['a name with a space', { headers: { 'x trace': 'a' } }, '"x trace"', 'ClientOptions.headers', /name is not an HTTP token/, /HTTP token/],
    ['a bearer token with a line break inside', { bearerToken: 'abc\r\ndef' }, '"authorization"', 'ClientOptions.bearerToken', /CR at index 10/, /CR/],
    ['a user agent with Chinese text', { userAgent: '政务数据工具/1.0' }, '"user-agent"', 'ClientOptions.userAgent', /above U\+00FF/, /U\+00FF/],
    ['an app key read with its final newline', { credentials: { appKey: 'default.ak_1\n', secret: 's' } }, '"x-gdx-app-key"', 'ClientOptions.credentials.appKey', /ends with whitespace or a line break/, /首尾含空白或换行/],
  ] as const)('refuses %s when the client is made, naming the header and the option', (_, options, header, source, en, zh) => {
    const error = refusal(() => client(options));
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).toContain(`Header ${header} (from \`${source}\`) cannot be sent`);
    expect(error.message).toMatch(en);
    expect(error.messageZh).toContain(`请求头 ${header}（来自 \`${source}\`）无法发送`);
    expect(error.messageZh).toMatch(zh);
  });

  it('accepts what fetch accepts: Latin-1 text, and whitespace or a final newline at a value’s ends (fetch trims them)', async () => {
    const ok = client({ headers: { 'x-note': ' café\t', 'x-token': 'abc\n' }, bearerToken: 'tok\n' });
    await expect(ok.request(get)).resolves.toEqual({ id: 'rga_1' });
    const [received] = server.received;
    expect(received?.headers['x-note']).toBe('café');
    expect(received?.headers['x-token']).toBe('abc');
    expect(received?.headers.authorization).toBe('Bearer tok');
  });
});

describe('headers of one call', () => {
  it('refuses a bad header value of the call without sending anything or retrying', async () => {
    const error = await client().request(get, { headers: { 'x-org': '厦门市交通运输局' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GdxError);
    expect(error).toMatchObject({ code: 'INVALID_HEADER' });
    expect((error as GdxError).message).toContain('Header "x-org" (from `RequestOptions.headers`)');
    expect(server.received).toHaveLength(0);
  });

  it('refuses an idempotency key with Chinese text', async () => {
    const error = await client().request(submit, { idempotencyKey: '申请-1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_HEADER' });
    expect((error as GdxError).message).toContain('Header "idempotency-key" (from `RequestOptions.idempotencyKey`)');
    expect(server.received).toHaveLength(0);
  });

  it('sends a call whose headers are fine, the same client after a refusal', async () => {
    const c = client();
    await expect(c.request(get, { headers: { 'x-org': '中' } })).rejects.toMatchObject({ code: 'INVALID_HEADER' });
    await expect(c.request(get, { headers: { 'x-org': encodeURIComponent('中') } })).resolves.toEqual({ id: 'rga_1' });
    expect(server.received.map((r) => r.headers['x-org'])).toEqual(['%E4%B8%AD']);
  });
});

describe('a body JSON cannot write', () => {
  const circular: Record<string, unknown> = {};
  circular['self'] = circular;
  it.each([
    ['a BigInt', { amount: 10n }, /Do not know how to serialize a BigInt/],
    ['a cycle', circular, /Converting circular structure to JSON/],
    ['a toJSON that throws', { toJSON: () => { throw new Error('no JSON today'); } }, /no JSON today/],
  ])('%s: BODY_NOT_JSON naming the operation, the cause kept, nothing sent', async (_, body, reason) => {
    const error = await client().request({ ...submit, body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GdxError);
    expect(error).toMatchObject({ code: 'BODY_NOT_JSON' });
    expect((error as GdxError).message).toMatch(/^\[BODY_NOT_JSON\] The body of submitApplication cannot be sent as JSON: /);
    expect((error as GdxError).message).toMatch(reason);
    expect((error as GdxError).message).not.toContain('\n');
    expect((error as GdxError).messageZh).toContain('submitApplication 的请求体无法转换为 JSON');
    expect((error as GdxError).cause).toBeInstanceOf(Error);
    expect(server.received).toHaveLength(0);
  });
});
