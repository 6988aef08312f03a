import { canonicalRequest, computeSignature, contentDigest, generateNonce, HEADERS } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

// Issue 9, item 3: a vendor whose own signing code is wrong (a Java or Python client, not our
// SDK) sees in the 401 what the mock computed, diffs its canonical string against it and fixes it.
let app: App;
let running: RunningServer;
let appKey: string;
let secret: string;

beforeAll(async () => {
  app = createApp({ seed: 7, startAt: '2025-09-26T09:00:00+08:00', logError: () => undefined });
  running = await startServer(app, { port: 0 });
  const sandbox = (await (await fetch(`${running.url}/_sim/v1/sandboxes/default`)).json()) as { organizations: { appKey: string; secret: string }[] };
  ({ appKey, secret } = sandbox.organizations[0]!);
});
afterAll(async () => {
  await running.close();
  await app.close();
});

interface Signed {
  method: string;
  path: string;
  query: string;
  body?: string;
  /** The digest the client puts in the header (default: of `body`). */
  digest?: string;
  /** The string the client HMACs (default: its canonical string). */
  stringToSign?: (canonical: string) => string;
  nonce?: string;
  timestamp?: string;
}

/** A hand-made request as a vendor's own code would sign it, without the SDK. */
async function send(input: Signed): Promise<{ status: number; body: Record<string, unknown>; signedString: string; headers: Record<string, string>; requestId: string }> {
  const timestamp = input.timestamp ?? String(Date.now());
  const nonce = input.nonce ?? generateNonce();
  const digest = input.digest ?? contentDigest(input.body, 'HMAC-SHA256');
  const canonical = canonicalRequest({ method: input.method, path: input.path, query: input.query, contentDigest: digest, timestamp, nonce, appKey });
  const signedString = (input.stringToSign ?? ((c) => c))(canonical);
  const headers: Record<string, string> = {
    [HEADERS.appKey]: appKey,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.signatureMethod]: 'HMAC-SHA256',
    [HEADERS.contentDigest]: digest,
    [HEADERS.signature]: computeSignature(signedString, secret, 'HMAC-SHA256'),
    ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  const res = await fetch(`${running.url}${input.path}${input.query ? `?${input.query}` : ''}`, { method: input.method, headers, body: input.body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, signedString, headers, requestId: res.headers.get(HEADERS.requestId) ?? '' };
}

describe('signature help on the standalone server', () => {
  it('shows what the mock computed for a query signed unsorted; HMACing its stringToSign with the right key is accepted', async () => {
    const path = '/registration/v1/applications';
    // The vendor's bug: it signs the query as it wrote it, not sorted and RFC 3986-encoded.
    const wrong = await send({ method: 'GET', path, query: 'state=submitted&limit=5', stringToSign: (c) => c.replace('limit=5&state=submitted', 'state=submitted&limit=5') });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      code: 'SIGNATURE_INVALID',
      detail: expect.stringContaining('signatureHelp.canonicalRequest'),
      errors: [{ pointer: '/header/x-gdx-signature', code: 'SIGNATURE_MISMATCH', message: { zh: expect.stringContaining('signatureHelp.canonicalRequest'), en: expect.stringContaining('line by line') } }],
      signatureHelp: {
        algorithm: 'HMAC-SHA256',
        signedHeaders: ['x-gdx-content-digest', 'x-gdx-timestamp', 'x-gdx-nonce', 'x-gdx-app-key'],
      },
    });
    const help = wrong.body.signatureHelp as { canonicalRequest: string; stringToSign: string };
    // The diff a vendor makes: only the query line differs from the string it HMACed.
    const theirs = wrong.signedString.split('\n');
    const differing = help.canonicalRequest.split('\n').flatMap((line, i) => (line === theirs[i] ? [] : [i]));
    expect(differing).toEqual([2]);
    expect(help.canonicalRequest.split('\n')[2]).toBe('limit=5&state=submitted');
    expect(help.stringToSign).toBe(help.canonicalRequest);

    // Neither the secret nor the signature the mock expected is shown: with it, anyone could forge.
    const text = JSON.stringify(wrong.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(computeSignature(help.stringToSign, secret, 'HMAC-SHA256'));

    // The request journal keeps the problem with its help, for the console and a test's assertions.
    const journal = (await (await fetch(`${running.url}/_sim/v1/sandboxes/default/requests/${wrong.requestId}`)).json()) as { status: number; problem: { signatureHelp?: unknown } };
    expect(journal.status).toBe(401);
    expect(journal.problem.signatureHelp).toEqual(wrong.body.signatureHelp);

    // Fixed by signing exactly the shown string (same nonce: a refused request does not spend it).
    const fixed = await send({ method: 'GET', path, query: 'state=submitted&limit=5', nonce: wrong.headers[HEADERS.nonce], timestamp: wrong.headers[HEADERS.timestamp], stringToSign: () => help.stringToSign });
    expect(fixed.status).toBe(200);
  });

  it('shows the digest of the body it received when the content digest is wrong; fixing the header and signing the shown string is accepted', async () => {
    const path = '/registration/v1/applications';
    const body = '{"registrants":[]}';
    // The vendor's bug: it hashes the body before re-serialising it with other spacing.
    const wrong = await send({ method: 'POST', path, query: '', body, digest: contentDigest('{ "registrants": [] }', 'HMAC-SHA256') });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      code: 'SIGNATURE_INVALID',
      errors: [{ pointer: '/header/x-gdx-content-digest', code: 'CONTENT_DIGEST_MISMATCH' }],
    });
    const help = wrong.body.signatureHelp as { canonicalRequest: string; stringToSign: string };
    const expectedDigest = help.canonicalRequest.split('\n')[3];
    expect(expectedDigest).toBe(contentDigest(body, 'HMAC-SHA256'));

    const fixed = await send({ method: 'POST', path, query: '', body, digest: expectedDigest, nonce: wrong.headers[HEADERS.nonce], timestamp: wrong.headers[HEADERS.timestamp], stringToSign: () => help.stringToSign });
    // Past the signature: the body itself is now checked against the contract.
    expect(fixed.status).toBe(400);
    expect(fixed.body.code).toBe('VALIDATION_FAILED');
  });

  it('gives no help for failures a diff would not explain (an unknown app key, a stale timestamp)', async () => {
    const stale = await send({ method: 'GET', path: '/registration/v1/applications', query: '', timestamp: String(Date.now() - 3_600_000) });
    expect(stale.body.code).toBe('TIMESTAMP_OUT_OF_WINDOW');
    expect(stale.body).not.toHaveProperty('signatureHelp');
  });
});
