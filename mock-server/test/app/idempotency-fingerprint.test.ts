import { createHash } from 'node:crypto';
import { signRequest, type SignatureAlgorithm } from '@gdx/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type App } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { client, type Credentials } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';

const NOTES = '/sharing/v1/notes';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// A signed create that reuses the verifier's body digest for its idempotency fingerprint must
// recognise a retry exactly as a fingerprint hashed from the body text would.
describe('idempotency fingerprints', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const open = () => {
    app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
    return { app, call: client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined }) };
  };

  /** A signed keyed create straight through `app.dispatch`, its body as the exact string or bytes given. */
  const create = async (target: App, org: Credentials, body: string | Uint8Array, algorithm: SignatureAlgorithm) => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'k-1', ...signRequest({ method: 'POST', url: NOTES, body, appKey: org.appKey, secret: org.secret, algorithm }) };
    const answer = await target.dispatch({ method: 'POST', path: NOTES, query: '', headers, body });
    return { status: answer.status, replayed: answer.headers['idempotent-replayed'] === 'true', body: JSON.parse(String(answer.body)) as { id?: string; code?: string } };
  };

  it('still recognises a key kept in the first fingerprint form (a snapshot taken before the second)', async () => {
    const { call } = open();
    const org: Credentials = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const body = { text: 'kept' };
    const first = await call('POST', NOTES, { body, headers: { 'idempotency-key': 'k-old' }, as: org });
    expect(first.status).toBe(201);
    const snapshot = (await call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    const records = snapshot.state.idempotency as { fingerprint: string }[];
    expect(records).toHaveLength(1);
    // The first form: one SHA-256 of the method, the target and the body text.
    records[0]!.fingerprint = sha256(`POST ${NOTES}?\n${JSON.stringify(body)}`);
    expect((await call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'sbx_old', snapshot } })).status).toBe(201);

    const retried = await call('POST', `/sandboxes/sbx_old${NOTES}`, { body, headers: { 'idempotency-key': 'k-old' }, as: org });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.id).toBe(first.body.id);
    const other = await call('POST', `/sandboxes/sbx_old${NOTES}`, { body: { text: 'another' }, headers: { 'idempotency-key': 'k-old' }, as: org });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('recognises the same body signed with HMAC-SM3 and then with HMAC-SHA256, and refuses another body', async () => {
    const { app: opened, call } = open();
    const org: Credentials = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const first = await create(opened, org, '{"text":"same"}', 'HMAC-SM3');
    const retried = await create(opened, org, '{"text":"same"}', 'HMAC-SHA256');
    expect(first.status).toBe(201);
    expect(retried).toEqual({ status: 201, replayed: true, body: first.body });
    const other = await create(opened, org, '{"text":"other"}', 'HMAC-SHA256');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('recognises a body sent as bytes with a byte-order mark and again as text without one', async () => {
    const { app: opened, call } = open();
    const org: Credentials = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const text = '{"text":"标记"}';
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const first = await create(opened, org, withMark, 'HMAC-SHA256');
    const retried = await create(opened, org, text, 'HMAC-SHA256');
    expect(first.status).toBe(201);
    expect(retried).toEqual({ status: 201, replayed: true, body: first.body });
  });
});
