// How the mock answers a reused or malformed Idempotency-Key (QA pass of December 2026): a reused
// key points at the header and says what differs, body or target; a read ignores the header (the
// IETF draft scopes it to non-idempotent methods; a GET has nothing to replay).
import { signRequest } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type App } from '../../src/index.js';
import { notesPlatform } from '../support/notes-platform.js';

const NOTES = '/sharing/v1/notes';

describe('Idempotency-Key refusals', () => {
  let app: App;
  let org: { appKey: string; secret: string };

  beforeAll(async () => {
    app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
    const sandbox = JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: {}, body: undefined })).body));
    org = sandbox.organizations[0];
  });
  afterAll(() => app.close());

  /** A signed request with an idempotency key, straight through `app.dispatch`. */
  const send = async (method: string, path: string, query: string, key: string, body?: string) => {
    const headers = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'idempotency-key': key, ...signRequest({ method, url: `${path}${query ? `?${query}` : ''}`, body, appKey: org.appKey, secret: org.secret }) };
    const answer = await app.dispatch({ method, path, query, headers, body });
    return { status: answer.status, body: JSON.parse(String(answer.body)) as { code?: string; detail?: string; errors?: { pointer: string; code: string; message: { zh: string; en: string } }[] } };
  };

  it('a key reused with another body points at the key and says the body differs', async () => {
    expect((await send('POST', NOTES, '', 'k-body', '{"text":"a"}')).status).toBe(201);
    const reused = await send('POST', NOTES, '', 'k-body', '{"text":"b"}');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.detail).toBe('key k-body was first used for this request with another body');
    expect(reused.body.errors).toEqual([
      {
        pointer: '/header/idempotency-key',
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: {
          en: 'This key was first used for the same method and target with another body: a retry must send the same bytes; a new request needs a new key',
          zh: '该幂等键已用于相同方法与目标、但请求体不同的请求：重试须发送相同的字节；新请求须使用新的幂等键',
        },
      },
    ]);
  });

  it('a key reused with the same body on another target says the target differs, and which it was', async () => {
    expect((await send('POST', NOTES, '', 'k-target', '{"text":"a"}')).status).toBe(201);
    // Another query: `_` (a cache-buster, the one undeclared name every operation takes) is part of the target.
    const reused = await send('POST', NOTES, '_=1', 'k-target', '{"text":"a"}');
    expect(reused.status).toBe(422);
    expect(reused.body.detail).toBe(`key k-target was first used for another request: POST ${NOTES}`);
    expect(reused.body.errors?.[0]).toMatchObject({ pointer: '/header/idempotency-key', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(reused.body.errors?.[0]?.message.en).toBe(`This key was first used for another request (POST ${NOTES}): a new request needs a new key`);
  });

  it('a read ignores the header, a write still refuses a malformed key', async () => {
    const read = await send('GET', NOTES, '', 'has space');
    expect(read.status).toBe(200);
    const write = await send('POST', NOTES, '', 'has space', '{"text":"x"}');
    expect(write.status).toBe(400);
    expect(write.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    // The detail says what is wrong with this key: the character and where, or the length.
    expect(write.body.detail).toBe('the Idempotency-Key holds " " (U+0020) at character 4: only visible ASCII characters (! to ~, no space) are taken');
    expect((await send('POST', NOTES, '', 'k'.repeat(256), '{"text":"x"}')).body.detail).toBe('the Idempotency-Key is 256 characters long: at most 255 are taken');
    expect((await send('POST', NOTES, '', 'clé', '{"text":"x"}')).body.detail).toMatch(/^the Idempotency-Key holds "é" \(U\+00E9\) at character 3:/);
  });
});
