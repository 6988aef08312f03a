import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalRequest, encodeRfc3986 } from './canonical.js';

describe('encodeRfc3986', () => {
  it.each([
    ['abc-._~XYZ019', 'abc-._~XYZ019'],
    ["it's (a) *test*!", 'it%27s%20%28a%29%20%2Atest%2A%21'],
    ['a+b=c&d/e', 'a%2Bb%3Dc%26d%2Fe'],
    ['登记', '%E7%99%BB%E8%AE%B0'],
  ])('%j → %j', (given, want) => {
    expect(encodeRfc3986(given)).toBe(want);
  });
});

describe('canonicalQuery', () => {
  it.each([
    { given: undefined, want: '' },
    { given: '', want: '' },
    { given: '?', want: '' },
    { given: '?limit=20', want: 'limit=20' },
    { given: 'b=2&a=x+y&a=1', want: 'a=1&a=x%20y&b=2' },
    // docs/design.md: `+` is a space (form decoding), a literal plus is `%2B`.
    { given: 'cursor=a+b', want: 'cursor=a%20b' },
    { given: 'cursor=a%2Bb', want: 'cursor=a%2Bb' },
    { given: 'q=%7E*', want: 'q=~%2A' },
    { given: 'state=%E7%99%BB&cursor=abc%3D%3D', want: 'cursor=abc%3D%3D&state=%E7%99%BB' },
    { given: 'q=(x)&q=*', want: 'q=%28x%29&q=%2A' },
    { given: 'flag', want: 'flag=' },
    { given: { limit: 20, state: ['z', 'a'], skip: undefined, on: true }, want: 'limit=20&on=true&state=a&state=z' },
    { given: [['b', '1'], ['a', '2']] as [string, string][], want: 'a=2&b=1' },
    { given: new URLSearchParams({ q: '数据 目录' }), want: 'q=%E6%95%B0%E6%8D%AE%20%E7%9B%AE%E5%BD%95' },
  ])('$given → $want', ({ given, want }) => {
    expect(canonicalQuery(given)).toBe(want);
  });

  it('sorts by encoded name before value, so "a" precedes "a_b" and "B" precedes "a"', () => {
    expect(canonicalQuery('a_b=1&a=2&B=3')).toBe('B=3&a=2&a_b=1');
  });
});

describe('canonicalRequest', () => {
  it('joins the seven lines with \\n and no trailing newline, method upper-cased', () => {
    const got = canonicalRequest({
      method: 'post',
      path: '/registration/v1/applications',
      query: 'b=2&a=1',
      contentDigest: 'abc123',
      timestamp: 1758852000000,
      nonce: 'nonce-0123456789abcdef',
      appKey: 'ak_test',
    });
    expect(got).toBe('POST\n/registration/v1/applications\na=1&b=2\nabc123\n1758852000000\nnonce-0123456789abcdef\nak_test');
  });

  it('keeps an empty QUERY line when there is no query', () => {
    const got = canonicalRequest({ method: 'GET', path: '/x', contentDigest: 'd', timestamp: '1', nonce: 'n', appKey: 'k' });
    expect(got.split('\n')).toEqual(['GET', '/x', '', 'd', '1', 'n', 'k']);
  });
});
