import { HEADERS, MemoryNonceStore, problem, verifySignature } from '@gdx/protocol';
import { describe, expect, it } from 'vitest';
import { ApiClient, AuthenticationError } from '../src/index.js';
import type { Script } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const secrets = new Map([['ak_org1', 'secret-org1']]);

/** A server that checks every request exactly as the platform does and echoes what it saw. */
const verifying: Script = (req, res) => {
  const result = verifySignature({ ...req, lookupSecret: (k) => secrets.get(k), nonceStore });
  const status = result.ok ? 200 : 401;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(result.ok ? { appKey: result.appKey, method: req.headers[HEADERS.signatureMethod] } : problem(result.code, { detail: result.detail })));
};
const nonceStore = new MemoryNonceStore();

const server = useTestServer({ fallback: verifying });

const cases = [
  { operationId: 'listApplications', method: 'GET', path: '/applications', query: { limit: 20, state: ['submitted', 'under_review'], q: '公共 数据' } },
  { operationId: 'submitApplication', method: 'POST', path: '/applications', body: { type: 'initial', name: '城市交通数据（2025）' }, idempotent: true },
  { operationId: 'updateEntry', method: 'PATCH', path: '/entries/{entryId}', pathParams: { entryId: 'ce 1/2' }, body: { title: "it's *new*" } },
  { operationId: 'deleteWebhook', method: 'DELETE', path: '/webhooks/{id}', pathParams: { id: 'wh_1' } },
] as const;

describe.each(['HMAC-SHA256', 'HMAC-SM3'] as const)('signing with %s', (algorithm) => {
  const client = () =>
    new ApiClient({
      baseUrl: `${server.origin}/sandboxes/sbx_1/registration/v1/`,
      credentials: { appKey: 'ak_org1', secret: 'secret-org1', algorithm },
    });

  it.each(cases)('$operationId is accepted by verifySignature', async (req) => {
    await expect(client().request(req)).resolves.toEqual({ appKey: 'ak_org1', method: algorithm });
  });

  it('is refused with the wrong secret', async () => {
    const bad = new ApiClient({ baseUrl: server.origin, maxRetries: 0, credentials: { appKey: 'ak_org1', secret: 'nope', algorithm } });
    const error = await bad.request(cases[0]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'SIGNATURE_INVALID', status: 401 });
  });
});

describe('unsigned clients', () => {
  it('send no signing headers (public endpoints)', async () => {
    const client = new ApiClient({ baseUrl: server.origin, maxRetries: 0 });
    await expect(client.request(cases[0])).rejects.toMatchObject({ code: 'SIGNATURE_MISSING' });
    const last = server.received.at(-1);
    expect(Object.keys(last?.headers ?? {}).filter((h) => h.startsWith('x-gdx-'))).toEqual([]);
  });
});

describe('a local clock off the platform’s by more than the window', () => {
  /** A platform whose clock is `skewMs` ahead of this machine's, saying so in its `Date` header. */
  const platformAhead =
    (skewMs: number, dateSkewMs = skewMs): Script =>
    (req, res) => {
      const now = () => Date.now() + skewMs;
      const result = verifySignature({ ...req, lookupSecret: (k) => secrets.get(k), nonceStore, now });
      res.writeHead(result.ok ? 200 : 401, { 'content-type': 'application/problem+json', date: new Date(Date.now() + dateSkewMs).toUTCString() });
      res.end(JSON.stringify(result.ok ? { ok: true } : problem(result.code, { detail: result.detail })));
    };
  const client = () => new ApiClient({ baseUrl: server.origin, maxRetries: 0, credentials: { appKey: 'ak_org1', secret: 'secret-org1' } });

  it.each([
    ['ahead', 10 * 60_000],
    ['behind', -10 * 60_000],
  ])('is corrected from the refusal’s Date header (platform %s): the call is signed again and succeeds, later calls sign right at once', async (_case, skewMs) => {
    server.fallback(platformAhead(skewMs));
    const c = client();
    // A POST without an idempotency key: a refused signature ran nothing, so sending it again is safe.
    await expect(c.request(cases[2])).resolves.toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
    const [refused, resent] = server.received.map((r) => Number(r.headers[HEADERS.timestamp]));
    expect(Math.abs((resent ?? 0) - (refused ?? 0) - skewMs)).toBeLessThan(3_000);
    expect(server.received[0]?.headers[HEADERS.nonce]).not.toBe(server.received[1]?.headers[HEADERS.nonce]);
    await expect(c.request(cases[0])).resolves.toEqual({ ok: true });
    expect(server.received).toHaveLength(3);
  });

  it('is not corrected by a Date more than 24 h off: the refusal stands, and later calls still sign with the local clock', async () => {
    const tenYears = 10 * 365 * 24 * 60 * 60_000;
    server.fallback(platformAhead(tenYears));
    const c = client();
    const error = await c.request(cases[2]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'TIMESTAMP_OUT_OF_WINDOW', status: 401 });
    expect(server.received).toHaveLength(1);
    server.fallback(verifying);
    await expect(c.request(cases[0])).resolves.toMatchObject({ appKey: 'ak_org1' });
  });

  it('is not guessed at when the Date header agrees with the local clock: the refusal stands, sent once', async () => {
    server.fallback(platformAhead(10 * 60_000, 0));
    await expect(client().request(cases[0])).rejects.toMatchObject({ code: 'TIMESTAMP_OUT_OF_WINDOW', status: 401 });
    expect(server.received).toHaveLength(1);
  });
});
