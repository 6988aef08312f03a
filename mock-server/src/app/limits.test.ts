import { describe, expect, it } from 'vitest';
import { bodyExceeds, refuseHead, refuseOverLimits } from './limit-checks.js';
import { DEFAULT_LIMITS, resolveLimits } from './limits.js';

describe('resolveLimits', () => {
  it('fills in the defaults: 1 MiB body, 64 MiB sandbox import, 8 KiB URL, 16 KiB headers', () => {
    expect(resolveLimits()).toEqual({ maxBodyBytes: 1_048_576, maxImportBytes: 67_108_864, maxUrlBytes: 8_192, maxHeaderBytes: 16_384 });
    expect(resolveLimits({ maxBodyBytes: 10 })).toEqual({ ...DEFAULT_LIMITS, maxBodyBytes: 10 });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s', (value) => {
    expect(() => resolveLimits({ maxUrlBytes: value })).toThrow(/INVALID_LIMIT.*maxUrlBytes/);
  });
});

describe('the core checks', () => {
  const limits = resolveLimits({ maxBodyBytes: 6, maxUrlBytes: 10, maxHeaderBytes: 20 });

  it.each([
    { name: 'a body of exactly the limit', body: 'abcdef', want: undefined },
    { name: 'a string counted in UTF-8 bytes', body: '数据', want: undefined },
    { name: 'one byte more', body: 'abcdefg', want: 413 },
    { name: 'three CJK characters (9 bytes)', body: '数据集', want: 413 },
    { name: 'bytes over the limit', body: new Uint8Array(7), want: 413 },
  ])('$name', ({ body, want }) => {
    expect(refuseOverLimits({ method: 'POST', path: '/x', query: '', headers: {}, body }, limits)?.status).toBe(want);
  });

  it('gives a sandbox import its own limit, below any mount prefix too', () => {
    const small = resolveLimits({ maxBodyBytes: 6, maxImportBytes: 8 });
    const import7 = (path: string) => refuseOverLimits({ method: 'POST', path, query: '', headers: {}, body: 'abcdefg' }, small)?.status;
    expect(import7('/_sim/v1/sandboxes/import')).toBeUndefined();
    expect(import7('/gdx/_sim/v1/sandboxes/import')).toBeUndefined();
    expect(import7('/_sim/v1/sandboxes')).toBe(413);
    expect(refuseOverLimits({ method: 'POST', path: '/_sim/v1/sandboxes/import', query: '', headers: {}, body: 'abcdefghi' }, small)?.status).toBe(413);
  });

  it('counts a surrogate pair as 4 bytes and a lone surrogate as 3', () => {
    expect(bodyExceeds('😀😀', 8)).toBe(false);
    expect(bodyExceeds('😀😀', 7)).toBe(true);
    expect(bodyExceeds('\ud800\ud800', 6)).toBe(false);
    expect(bodyExceeds('\ud800\ud800', 5)).toBe(true);
  });

  it.each([
    { name: 'a target of exactly the limit', path: '/abcd', query: 'q=12', want: undefined },
    { name: 'a target one byte longer', path: '/abcd', query: 'q=123', want: 414 },
    { name: 'headers of exactly the limit', path: '/', query: '', headers: { host: 'abcdefghijkl' }, want: undefined },
    { name: 'headers one byte larger', path: '/', query: '', headers: { host: 'abcdefghijklm' }, want: 431 },
  ])('$name', ({ path, query, headers = {}, want }) => {
    const refused = refuseHead({ path, query, headers }, limits);
    expect(refused?.status).toBe(want);
    if (refused) expect(refused.headers['content-type']).toBe('application/problem+json');
  });

  it('names the limit in the problem', () => {
    const refused = refuseOverLimits({ method: 'POST', path: '/x', query: '', headers: {}, body: 'abcdefg' }, limits);
    expect(JSON.parse(String(refused?.body))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, limit: 6, detail: expect.stringContaining('6 bytes'), message: { zh: '请求体过大' } });
  });
});
