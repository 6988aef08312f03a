import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './digest.js';
import { HEADERS } from './headers.js';
import { createRequestSigner, signRequest } from './sign.js';

// Expected values are computed here with node:crypto directly on hand-written strings.
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const sm3 = (s: string) => createHash('sm3').update(s, 'utf8').digest('hex');
const hmac = (alg: 'sha256' | 'sm3', key: string, s: string) => createHmac(alg, key).update(s, 'utf8').digest('base64');

describe('contentDigest', () => {
  it('digests the empty body (known answers)', () => {
    expect(contentDigest(undefined, 'HMAC-SHA256')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(contentDigest('', 'HMAC-SM3')).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('digests the GB/T 32905 "abc" vector with SM3', () => {
    expect(contentDigest('abc', 'HMAC-SM3')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it.each(['HMAC-SHA256', 'HMAC-SM3'] as const)('treats a string as UTF-8, same as its bytes (%s)', (alg) => {
    const body = '{"name":"公共数据"}';
    const want = alg === 'HMAC-SHA256' ? sha256(body) : sm3(body);
    expect(contentDigest(body, alg)).toBe(want);
    expect(contentDigest(new TextEncoder().encode(body), alg)).toBe(want);
  });
});

describe('signRequest', () => {
  it.each([
    ['HMAC-SHA256', 'sha256', sha256],
    ['HMAC-SM3', 'sm3', sm3],
  ] as const)('produces the six headers for %s', (alg, hash, digest) => {
    const body = '{"type":"initial","name":"测试数据"}';
    const headers = signRequest({
      method: 'post',
      url: 'http://127.0.0.1:4010/sandboxes/sbx_1/registration/v1/applications?z=1&a=%E6%B5%8B+x',
      body,
      appKey: 'ak_test',
      secret: 's3cret',
      algorithm: alg,
      timestamp: 1758852000000,
      nonce: 'nonce-0123456789abcdef',
    });
    const canonical = [
      'POST',
      '/sandboxes/sbx_1/registration/v1/applications',
      'a=%E6%B5%8B%20x&z=1',
      digest(body),
      '1758852000000',
      'nonce-0123456789abcdef',
      'ak_test',
    ].join('\n');
    expect(headers).toEqual({
      [HEADERS.appKey]: 'ak_test',
      [HEADERS.timestamp]: '1758852000000',
      [HEADERS.nonce]: 'nonce-0123456789abcdef',
      [HEADERS.signatureMethod]: alg,
      [HEADERS.contentDigest]: digest(body),
      [HEADERS.signature]: hmac(hash, 's3cret', canonical),
    });
  });

  it('defaults to HMAC-SHA256, a fresh nonce and the current time, and accepts a path-only url', () => {
    const before = Date.now();
    const a = signRequest({ method: 'GET', url: '/applications', appKey: 'k', secret: 's' });
    const b = signRequest({ method: 'GET', url: '/applications', appKey: 'k', secret: 's' });
    expect(a[HEADERS.signatureMethod]).toBe('HMAC-SHA256');
    expect(a[HEADERS.nonce]).not.toBe(b[HEADERS.nonce]);
    expect(Number(a[HEADERS.timestamp])).toBeGreaterThanOrEqual(before);
    const canonical = ['GET', '/applications', '', sha256(''), a[HEADERS.timestamp], a[HEADERS.nonce], 'k'].join('\n');
    expect(a[HEADERS.signature]).toBe(hmac('sha256', 's', canonical));
  });

  it('rejects an unknown algorithm with a stable code', () => {
    expect(() =>
      signRequest({ method: 'GET', url: '/x', appKey: 'k', secret: 's', algorithm: 'HMAC-MD5' as never }),
    ).toThrow(/SIGNATURE_METHOD_UNSUPPORTED/);
  });

  it('takes a path-form target exactly as sent, without normalising it', () => {
    const headers = signRequest({ method: 'GET', url: '/a/./b?x=1', appKey: 'k', secret: 's', timestamp: 1, nonce: 'nonce-0123456789abcdef' });
    const canonical = ['GET', '/a/./b', 'x=1', sha256(''), '1', 'nonce-0123456789abcdef', 'k'].join('\n');
    expect(headers[HEADERS.signature]).toBe(hmac('sha256', 's', canonical));
  });
});

describe('createRequestSigner', () => {
  it('signs like signRequest, request after request', () => {
    const signer = createRequestSigner({ appKey: 'ak', secret: 'sec', algorithm: 'HMAC-SM3' });
    for (const body of [undefined, '{}', '{"a":"数据"}']) {
      const request = { method: 'PUT', url: '/x/y?b=1&a=2', body, timestamp: 42, nonce: 'nonce-0123456789abcdef' };
      expect(signer(request)).toEqual(signRequest({ ...request, appKey: 'ak', secret: 'sec', algorithm: 'HMAC-SM3' }));
    }
  });

  it('adds the headers to a given record', () => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const signer = createRequestSigner({ appKey: 'ak', secret: 'sec' });
    expect(signer({ method: 'GET', url: '/x' }, headers)).toBe(headers);
    expect(Object.keys(headers)).toEqual(['accept', ...Object.values(HEADERS).slice(0, 6)]);
  });
});
