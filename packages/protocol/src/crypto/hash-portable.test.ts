import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as nodeLeaf from './hash-node.js';
import * as portable from './hash-portable.js';
import type { HashName } from './hash-name.js';

// The browser leaf must agree with OpenSSL byte for byte: any difference would make a browser
// client's signatures fail on a Node platform (or the in-page mock refuse Node clients).

const names: HashName[] = ['sha256', 'sm3'];
const text = fc.string({ unit: 'binary', maxLength: 300 }); // includes characters outside the BMP
const bytes = fc.uint8Array({ maxLength: 300 });

describe.each(names)('the pure-JS %s', (name) => {
  it('matches node:crypto on strings, hex and base64', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('hex' as const, 'base64' as const), (input, encoding) => {
        expect(portable.digest(name, input, encoding)).toBe(nodeLeaf.digest(name, input, encoding));
      }),
    );
  });

  it('matches node:crypto on bytes', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        expect(portable.digestBytes(name, input)).toEqual(new Uint8Array(nodeLeaf.digestBytes(name, input)));
      }),
    );
  });
});

it('computes the GB/T 32905-2016 appendix A SM3 examples', () => {
  expect(portable.digest('sm3', 'abc', 'hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  expect(portable.digest('sm3', 'abcd'.repeat(16), 'hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
});

describe('the signing stack on the pure-JS leaf', () => {
  afterEach(() => {
    vi.doUnmock('./hash-node.js');
    vi.resetModules();
  });

  it('signs, digests and passes the SM3 self-test exactly as on Node', async () => {
    vi.doMock('./hash-node.js', () => import('./hash-portable.js'));
    const { computeSignature, contentDigest, sm3SelfTest } = await import('../index.js');
    expect((await import('#hash')).cryptoProvider()).toMatch(/pure JavaScript/);
    expect(() => sm3SelfTest()).not.toThrow();
    fc.assert(
      fc.property(text, fc.string({ maxLength: 80 }), fc.constantFrom(['HMAC-SHA256', 'sha256'] as const, ['HMAC-SM3', 'sm3'] as const), (canonical, secret, [algorithm, hash]) => {
        expect(computeSignature(canonical, secret, algorithm)).toBe(createHmac(hash, secret).update(canonical, 'utf8').digest('base64'));
        expect(contentDigest(canonical, algorithm)).toBe(nodeLeaf.digest(hash, canonical, 'hex'));
      }),
    );
  });
});
