import { describe, expect, it } from 'vitest';
import { computeSignature } from './hmac.js';
import { HEADERS } from './headers.js';
import { MemoryNonceStore } from './nonce-store.js';
import { signRequest } from './sign.js';
import { verifySignature, type VerifyInput } from './verify.js';

const NOW = 1_758_852_000_000;
const URL_ = 'http://127.0.0.1:4010/registration/v1/applications?limit=20&state=submitted';
const BODY = '{"type":"initial"}';
const secrets = new Map([['ak_1', 'secret-1']]);

function signed(overrides: Partial<Parameters<typeof signRequest>[0]> = {}) {
  return signRequest({ method: 'POST', url: URL_, body: BODY, appKey: 'ak_1', secret: 'secret-1', timestamp: NOW, ...overrides });
}

function verify(headers: Record<string, string>, overrides: Partial<VerifyInput> = {}) {
  return verifySignature({
    method: 'POST',
    url: '/registration/v1/applications?state=submitted&limit=20',
    headers,
    body: BODY,
    lookupSecret: (key) => secrets.get(key),
    now: NOW,
    nonceStore: new MemoryNonceStore(),
    ...overrides,
  });
}

describe('verifySignature', () => {
  it.each(['HMAC-SHA256', 'HMAC-SM3'] as const)('accepts a request signed with %s (query order does not matter)', (algorithm) => {
    expect(verify(signed({ algorithm }))).toEqual({ ok: true, appKey: 'ak_1' });
  });

  it('accepts WHATWG Headers and mixed-case records', () => {
    const headers = signed();
    expect(verify(headers, { headers: new Headers(headers) }).ok).toBe(true);
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verify(upper).ok).toBe(true);
  });

  it.each(Object.values(HEADERS).slice(0, 6))('answers SIGNATURE_MISSING without %s', (name) => {
    const headers = signed();
    delete headers[name];
    expect(verify(headers)).toMatchObject({ ok: false, code: 'SIGNATURE_MISSING' });
  });

  it.each([
    ['unknown app key', { appKey: 'ak_other' }, {}, 'APP_KEY_UNKNOWN'],
    ['wrong secret', { secret: 'nope' }, {}, 'SIGNATURE_INVALID'],
    ['tampered body', {}, { body: '{"type":"change"}' }, 'SIGNATURE_INVALID'],
    ['other path', {}, { url: '/registration/v1/registrations?limit=20&state=submitted' }, 'SIGNATURE_INVALID'],
    ['other query', {}, { url: '/registration/v1/applications?limit=21&state=submitted' }, 'SIGNATURE_INVALID'],
    ['other method', {}, { method: 'PUT' }, 'SIGNATURE_INVALID'],
    ['bad nonce syntax', { nonce: 'short' }, {}, 'SIGNATURE_INVALID'],
    ['timestamp 5 min + 1 ms old', { timestamp: NOW - 300_001 }, {}, 'TIMESTAMP_OUT_OF_WINDOW'],
    ['timestamp 5 min + 1 ms ahead', { timestamp: NOW + 300_001 }, {}, 'TIMESTAMP_OUT_OF_WINDOW'],
  ] as const)('%s → %s', (_name, signOverrides, verifyOverrides, code) => {
    expect(verify(signed(signOverrides), verifyOverrides)).toMatchObject({ ok: false, code });
  });

  it('accepts the window edges exactly', () => {
    expect(verify(signed({ timestamp: NOW - 300_000 })).ok).toBe(true);
    expect(verify(signed({ timestamp: NOW + 300_000 })).ok).toBe(true);
    expect(verify(signed({ timestamp: NOW - 10_000 }), { windowMs: 5_000 })).toMatchObject({ code: 'TIMESTAMP_OUT_OF_WINDOW' });
  });

  it('refuses an unsupported signature method', () => {
    const headers = { ...signed(), [HEADERS.signatureMethod]: 'HMAC-MD5' };
    expect(verify(headers)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('refuses a digest that does not match even when the signature covers it', () => {
    const headers = signed({ body: '{"other":1}' });
    expect(verify(headers)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID', detail: expect.stringContaining('digest') });
  });

  it('answers NONCE_REPLAYED for the second use of a nonce, and a bad signature does not burn it', () => {
    const nonceStore = new MemoryNonceStore();
    const headers = signed();
    const forged = { ...headers, [HEADERS.signature]: Buffer.alloc(32).toString('base64') };
    expect(verify(forged, { nonceStore })).toMatchObject({ code: 'SIGNATURE_INVALID' });
    expect(verify(headers, { nonceStore }).ok).toBe(true);
    expect(verify(headers, { nonceStore, now: NOW + 1000 })).toMatchObject({ ok: false, code: 'NONCE_REPLAYED' });
  });

  it('reads the clock from a function', () => {
    expect(verify(signed(), { now: () => NOW + 400_000 })).toMatchObject({ code: 'TIMESTAMP_OUT_OF_WINDOW' });
  });

  it('verifies a request without body against the empty digest', () => {
    const headers = signRequest({ method: 'GET', url: '/lookup/abc', appKey: 'ak_1', secret: 'secret-1', timestamp: NOW });
    expect(verify(headers, { method: 'GET', url: '/lookup/abc', body: undefined }).ok).toBe(true);
    expect(verify(headers, { method: 'GET', url: '/lookup/abc', body: new Uint8Array() }).ok).toBe(true);
  });
});

describe('verifySignature help', () => {
  it('shows the canonical string it computed for a signature that does not match, never the secret or the expected signature', () => {
    const headers = signed({ secret: 'nope' });
    const result = verify(headers);
    const canonical = ['POST', '/registration/v1/applications', 'limit=20&state=submitted', headers[HEADERS.contentDigest], String(NOW), headers[HEADERS.nonce], 'ak_1'].join('\n');
    expect(result).toEqual({
      ok: false,
      code: 'SIGNATURE_INVALID',
      detail: 'signature does not match the canonical request',
      error: { pointer: '/header/x-gdx-signature', code: 'SIGNATURE_MISMATCH', message: { en: 'The signature does not match the canonical request', zh: '签名与规范请求不符' } },
      help: { algorithm: 'HMAC-SHA256', canonicalRequest: canonical, stringToSign: canonical, signedHeaders: ['x-gdx-content-digest', 'x-gdx-timestamp', 'x-gdx-nonce', 'x-gdx-app-key'] },
    });
    const shown = JSON.stringify(result);
    expect(shown).not.toContain('secret-1');
    expect(shown).not.toContain(computeSignature(canonical, 'secret-1', 'HMAC-SHA256'));
  });

  it('puts the digest of the body as received in the canonical string when the content digest is wrong', () => {
    const good = signed();
    const result = verify(signed({ body: '{"other":1}' }));
    expect(result).toMatchObject({ ok: false, detail: 'content digest does not match the body' });
    expect(!result.ok && result.help?.canonicalRequest.split('\n')[3]).toBe(good[HEADERS.contentDigest]);
  });

  it('refuses the right digest in upper-case hex, saying that its case is wrong rather than its bytes', () => {
    const good = signed();
    const result = verify({ ...good, [HEADERS.contentDigest]: String(good[HEADERS.contentDigest]).toUpperCase() });
    expect(result).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
      detail: 'content digest does not match the body: it is the right hash written in upper case; send it (and sign it) as lower-case hex',
      error: {
        pointer: '/header/x-gdx-content-digest',
        code: 'CONTENT_DIGEST_MISMATCH',
        message: {
          en: 'The content digest is the right hash written in upper case: send it as lower-case hex, and sign the canonical string with it in lower case',
          zh: '内容摘要的值正确，但写成了大写：请以小写十六进制发送（规范字符串中亦用小写）后重新签名',
        },
      },
    });
    expect(!result.ok && result.help?.canonicalRequest.split('\n')[3]).toBe(good[HEADERS.contentDigest]);
    // Another wrong digest is still told to hash the bytes as sent.
    const other = verify({ ...good, [HEADERS.contentDigest]: 'AB'.repeat(32) });
    expect(!other.ok && other.error.message.en).toBe('The content digest does not match the body received: hash the raw bytes as sent');
  });

  it('signing the shown string with the right secret is accepted', () => {
    const headers = signed({ method: 'GET' });
    const result = verify(headers);
    const help = !result.ok ? result.help : undefined;
    expect(help).toBeDefined();
    const fixed = { ...headers, [HEADERS.signature]: computeSignature(help?.stringToSign ?? '', 'secret-1', 'HMAC-SHA256') };
    expect(verify(fixed).ok).toBe(true);
  });

  it.each([
    ['unsupported method', { [HEADERS.signatureMethod]: 'HMAC-MD5' }],
    ['bad nonce syntax', { [HEADERS.nonce]: 'short' }],
  ])('gives no help when the request cannot be canonicalised (%s): the detail says what is wrong', (_name, override) => {
    const result = verify({ ...signed(), ...override });
    expect(result).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(!result.ok && result.help).toBeUndefined();
  });
});

describe('verifySignature request targets', () => {
  it('takes node:http req.url as sent and a WHATWG absolute URL as parsed', () => {
    const headers = signRequest({ method: 'GET', url: '/a/b?q=%E6%95%B0', appKey: 'ak_1', secret: 'secret-1', timestamp: NOW });
    const base = { method: 'GET', headers, lookupSecret: (k: string) => secrets.get(k), now: NOW };
    expect(verifySignature({ ...base, url: '/a/b?q=%E6%95%B0', nonceStore: new MemoryNonceStore() }).ok).toBe(true);
    expect(verifySignature({ ...base, url: 'http://h:1/a/b?q=%E6%95%B0', nonceStore: new MemoryNonceStore() }).ok).toBe(true);
    expect(verifySignature({ ...base, url: new URL('http://h:1/a/b?q=%E6%95%B0'), nonceStore: new MemoryNonceStore() }).ok).toBe(true);
    expect(verifySignature({ ...base, url: '/a/./b?q=%E6%95%B0', nonceStore: new MemoryNonceStore() })).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });
});

describe('verifySignature field errors', () => {
  const failure = (result: ReturnType<typeof verify>) => (result.ok ? undefined : result);
  const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

  it.each([
    ['no nonce', { [HEADERS.nonce]: undefined }, 'SIGNATURE_MISSING', '/header/x-gdx-nonce', 'REQUIRED'],
    ['an empty timestamp', { [HEADERS.timestamp]: '' }, 'SIGNATURE_MISSING', '/header/x-gdx-timestamp', 'REQUIRED'],
    ['an unknown app key', { [HEADERS.appKey]: 'ak_other' }, 'APP_KEY_UNKNOWN', '/header/x-gdx-app-key', 'APP_KEY_UNKNOWN'],
    ['HMAC-MD5', { [HEADERS.signatureMethod]: 'HMAC-MD5' }, 'SIGNATURE_INVALID', '/header/x-gdx-signature-method', 'ENUM'],
    ['a malformed nonce', { [HEADERS.nonce]: 'short' }, 'SIGNATURE_INVALID', '/header/x-gdx-nonce', 'PATTERN'],
    ['a malformed timestamp', { [HEADERS.timestamp]: '2025-09-26T10:00:00+08:00' }, 'SIGNATURE_INVALID', '/header/x-gdx-timestamp', 'PATTERN'],
    ['a stale timestamp', { [HEADERS.timestamp]: String(NOW - 3_600_000) }, 'TIMESTAMP_OUT_OF_WINDOW', '/header/x-gdx-timestamp', 'TIMESTAMP_OUT_OF_WINDOW'],
  ] as const)('%s points at the header', (_name, override, code, pointer, fieldCode) => {
    const headers: Record<string, string> = { ...signed() };
    for (const [name, value] of Object.entries(override)) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const result = failure(verify(headers));
    expect(result).toMatchObject({ code, error: { pointer, code: fieldCode, message: { zh: expect.any(String), en: expect.any(String) } } });
  });

  it('points at the first missing header in the protocol order when several are missing', () => {
    const headers: Record<string, string> = { ...signed() };
    delete headers[HEADERS.signature];
    headers[HEADERS.nonce] = '';
    delete headers[HEADERS.contentDigest];
    expect(failure(verify(headers))).toMatchObject({ code: 'SIGNATURE_MISSING', error: { pointer: '/header/x-gdx-nonce' } });
  });

  it('says when a timestamp looks like seconds, out of the window or with a fraction', () => {
    const seconds = String(Math.floor(NOW / 1000));
    const stale = failure(verify(signed({ timestamp: Number(seconds) })));
    expect(stale?.code).toBe('TIMESTAMP_OUT_OF_WINDOW');
    expect(stale?.detail).toContain(`looks like epoch seconds: send milliseconds (${seconds}000)`);
    expect(stale?.error.message).toEqual({ en: `The timestamp ${seconds} looks like epoch seconds: send epoch milliseconds (${seconds}000)`, zh: `时间戳 ${seconds} 看起来是以秒为单位：请发送毫秒数（${seconds}000）` });
    const fraction = failure(verify({ ...signed(), [HEADERS.timestamp]: `${seconds}.25` }));
    expect(fraction?.error.message.en).toContain('looks like seconds with a fraction');
    const late = failure(verify(signed({ timestamp: NOW - 600_000 })));
    expect(late?.error.message.en).toBe('The timestamp is 10 min behind the server clock; it must be within ±5 min of it (sign each attempt with the current time)');
    expect(late?.error.message.zh).toBe('时间戳比服务端时钟慢 10 分钟，须在 ±5 分钟 以内（每次发送都应以当前时间签名）');
  });

  it('says that the signature method is case-sensitive', () => {
    const result = failure(verify({ ...signed(), [HEADERS.signatureMethod]: 'hmac-sha256' }));
    expect(result?.error).toEqual({
      pointer: '/header/x-gdx-signature-method',
      code: 'ENUM',
      message: { en: 'The signature method is case-sensitive: send HMAC-SHA256, not hmac-sha256', zh: '签名方法区分大小写：请发送 HMAC-SHA256，而非 hmac-sha256' },
    });
  });

  it.each([HEADERS.nonce, HEADERS.timestamp, HEADERS.appKey, HEADERS.signatureMethod, HEADERS.contentDigest, HEADERS.signature])(
    'names a signing header sent twice (%s: Node and fetch join the values), not the joined value as malformed',
    (name) => {
      const first = signed();
      // A retry that added its fresh signing headers to a copy of the first attempt's (Java's HttpRequest.Builder.header adds).
      const second = signed({ nonce: 'second-attempt-nonce-0001', timestamp: NOW + 1 });
      const result = failure(verify({ ...second, [name]: `${first[name]}, ${second[name]}` }));
      expect(result).toMatchObject({ code: 'SIGNATURE_INVALID', error: { pointer: `/header/${name}`, code: 'REPEATED_HEADER' } });
      expect(result?.error.message.en).toBe(`The header ${name} was sent 2 times: send each signing header once (to sign a retry, set the headers anew rather than add them)`);
      expect(result).not.toHaveProperty('help');
    },
  );

  it('points a replayed nonce at the nonce header', () => {
    const nonceStore = new MemoryNonceStore();
    const headers = signed();
    expect(verify(headers, { nonceStore }).ok).toBe(true);
    expect(failure(verify(headers, { nonceStore }))?.error).toMatchObject({ pointer: '/header/x-gdx-nonce', code: 'NONCE_REPLAYED' });
  });

  it('quotes a UTF-8 app key readable, as Node hands it over (one character per byte)', () => {
    const result = failure(verify({ ...signed(), [HEADERS.appKey]: latin1('沙箱.ak_键') }));
    expect(result?.detail).toBe('unknown app key 沙箱.ak_键');
    expect(result?.error.message.en).toBe('The app key 沙箱.ak_键 is not known here');
  });
});
