// Every refused signature says which header to fix (QA pass of December 2026): the problem's
// `errors[]` points at `/header/<name>` with a zh/en message, as IDEMPOTENCY_KEY_INVALID does, and
// header values it quotes are shown as the client wrote them (UTF-8), never as mojibake.
import { HEADERS, signRequest } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';

interface Problem {
  code: string;
  detail?: string;
  errors?: { pointer: string; code: string; message: { zh: string; en: string } }[];
}

const PATH = '/catalog/v1/entries';

describe('signature refusals point at the header', () => {
  let app: App;
  let org: { appKey: string; secret: string };

  beforeAll(async () => {
    app = createApp({ seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
    const sandbox = JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: {}, body: undefined })).body));
    org = sandbox.organizations[0];
  });
  afterAll(() => app.close());

  /** A signed GET through `app.dispatch` with some signing headers replaced (`undefined` removes one). */
  const get = async (override: Record<string, string | undefined>, timestamp?: number) => {
    const headers: Record<string, string> = signRequest({ method: 'GET', url: PATH, appKey: org.appKey, secret: org.secret, timestamp });
    for (const [name, value] of Object.entries(override)) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const answer = await app.dispatch({ method: 'GET', path: PATH, query: '', headers, body: undefined });
    return { status: answer.status, body: JSON.parse(String(answer.body)) as Problem };
  };

  it.each([
    ['no signature at all', { [HEADERS.appKey]: undefined, [HEADERS.timestamp]: undefined, [HEADERS.nonce]: undefined, [HEADERS.signatureMethod]: undefined, [HEADERS.contentDigest]: undefined, [HEADERS.signature]: undefined }, 'SIGNATURE_MISSING', '/header/x-gdx-app-key', 'REQUIRED'],
    ['no signature header', { [HEADERS.signature]: undefined }, 'SIGNATURE_MISSING', '/header/x-gdx-signature', 'REQUIRED'],
    ['an unknown app key', { [HEADERS.appKey]: 'default.ak_nobody' }, 'APP_KEY_UNKNOWN', '/header/x-gdx-app-key', 'APP_KEY_UNKNOWN'],
    ['HMAC-MD5', { [HEADERS.signatureMethod]: 'HMAC-MD5' }, 'SIGNATURE_INVALID', '/header/x-gdx-signature-method', 'ENUM'],
    ['lower-case hmac-sha256', { [HEADERS.signatureMethod]: 'hmac-sha256' }, 'SIGNATURE_INVALID', '/header/x-gdx-signature-method', 'ENUM'],
    ['a malformed nonce', { [HEADERS.nonce]: 'n 1' }, 'SIGNATURE_INVALID', '/header/x-gdx-nonce', 'PATTERN'],
    ['a malformed timestamp', { [HEADERS.timestamp]: 'yesterday' }, 'SIGNATURE_INVALID', '/header/x-gdx-timestamp', 'PATTERN'],
    ['a stale timestamp', { [HEADERS.timestamp]: String(Date.now() - 3_600_000) }, 'TIMESTAMP_OUT_OF_WINDOW', '/header/x-gdx-timestamp', 'TIMESTAMP_OUT_OF_WINDOW'],
  ])('%s → %s at %s', async (_name, override, code, pointer, fieldCode) => {
    const answer = await get(override);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe(code);
    expect(answer.body.errors).toEqual([{ pointer, code: fieldCode, message: { zh: expect.any(String), en: expect.any(String) } }]);
  });

  it('says that a timestamp in seconds should be in milliseconds', async () => {
    const seconds = Math.floor(Date.now() / 1000);
    const answer = await get({}, seconds);
    expect(answer.body.code).toBe('TIMESTAMP_OUT_OF_WINDOW');
    expect(answer.body.detail).toContain('looks like epoch seconds');
    expect(answer.body.errors?.[0]?.message.en).toBe(`The timestamp ${seconds} looks like epoch seconds: send epoch milliseconds (${seconds}000)`);
  });

  it('says that a content digest in upper-case hex is the right hash in the wrong case, not a wrong hash', async () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const answer = await get({ [HEADERS.contentDigest]: empty.toUpperCase() });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('SIGNATURE_INVALID');
    expect(answer.body.detail).toBe('content digest does not match the body: it is the right hash written in upper case; send it (and sign it) as lower-case hex');
    expect(answer.body.errors).toEqual([
      {
        pointer: '/header/x-gdx-content-digest',
        code: 'CONTENT_DIGEST_MISMATCH',
        message: {
          zh: '内容摘要的值正确，但写成了大写：请以小写十六进制发送（规范字符串中亦用小写）后重新签名',
          en: 'The content digest is the right hash written in upper case: send it as lower-case hex, and sign the canonical string with it in lower case',
        },
      },
    ]);
    expect((answer.body as { signatureHelp?: { canonicalRequest: string } }).signatureHelp?.canonicalRequest.split('\n')[3]).toBe(empty);
    // Another hash is still told to hash the bytes as sent.
    expect((await get({ [HEADERS.contentDigest]: 'ab'.repeat(32) })).body.errors?.[0]?.message.en).toContain('hash the raw bytes as sent');
  });

  it('points a replayed nonce at the nonce', async () => {
    const headers = signRequest({ method: 'GET', url: PATH, appKey: org.appKey, secret: org.secret });
    expect((await app.dispatch({ method: 'GET', path: PATH, query: '', headers, body: undefined })).status).toBe(200);
    const again = await app.dispatch({ method: 'GET', path: PATH, query: '', headers, body: undefined });
    expect(again.status).toBe(401);
    expect(JSON.parse(String(again.body))).toMatchObject({ code: 'NONCE_REPLAYED', errors: [{ pointer: '/header/x-gdx-nonce', code: 'NONCE_REPLAYED' }] });
  });

  it('quotes a UTF-8 app key as written, through the HTTP-like byte strings of every transport', async () => {
    const asReceived = Buffer.from('沙箱.ak_键', 'utf8').toString('latin1');
    const answer = await get({ [HEADERS.appKey]: asReceived });
    expect(answer.body.detail).toBe('unknown app key 沙箱.ak_键');
    expect(answer.body.errors?.[0]?.message).toEqual({ en: 'The app key 沙箱.ak_键 is not known here', zh: '应用标识（AppKey）沙箱.ak_键 不存在' });
    const notUtf8 = await get({ [HEADERS.appKey]: 'ak_\xff\xfe' });
    expect(notUtf8.body.detail).toBe('unknown app key ak_\\xff\\xfe');
  });
});
