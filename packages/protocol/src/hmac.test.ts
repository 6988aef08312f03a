import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature, hmacSigner } from './hmac.js';

// Expected values come from node:crypto's own HMAC on hand-written canonical strings.
const hmac = (alg: 'sha256' | 'sm3', key: string, s: string) => createHmac(alg, key).update(s, 'utf8').digest('base64');
const canonical = 'POST\n/registration/v1/applications\n\nd1\n1758852000000\nnonce-0123456789abcdef\nak_test';

describe.each([
  ['HMAC-SHA256', 'sha256'],
  ['HMAC-SM3', 'sm3'],
] as const)('%s', (algorithm, hash) => {
  it('computeSignature is base64 of the HMAC over the canonical string', () => {
    expect(computeSignature(canonical, 'secret-1', algorithm)).toBe(hmac(hash, 'secret-1', canonical));
  });

  it.each([
    ['a short secret', 'secret-1'],
    ['an empty secret', ''],
    ['a 64-byte secret', 'k'.repeat(64)],
    ['a secret longer than the block', 'k'.repeat(65)],
    ['a Chinese secret', '密钥-公共数据'],
    ['a Chinese secret of ≤ 64 units but more than 64 UTF-8 bytes', '密'.repeat(30)],
  ])('hmacSigner matches node:crypto for %s', (_name, secret) => {
    const sign = hmacSigner(secret, algorithm);
    expect(sign(canonical)).toBe(hmac(hash, secret, canonical));
    expect(sign('第二条 canonical\n')).toBe(hmac(hash, secret, '第二条 canonical\n'));
  });

  it.each([
    ['longer than the first scratch buffer', 2_000],
    ['longer than any scratch buffer', 70_000],
  ])('signs a canonical string %s, and a short one after it', (_name, units) => {
    const long = `${canonical}\n${'路径'.repeat(units / 2)}`;
    const sign = hmacSigner('secret-1', algorithm);
    expect(sign(long)).toBe(hmac(hash, 'secret-1', long));
    expect(computeSignature(long, 'secret-2', algorithm)).toBe(hmac(hash, 'secret-2', long));
    // Nothing of the long message is left in the bytes the next signature hashes.
    expect(sign(canonical)).toBe(hmac(hash, 'secret-1', canonical));
    expect(computeSignature(canonical, 'secret-2', algorithm)).toBe(hmac(hash, 'secret-2', canonical));
  });
});

describe('canonical strings of one encoded length', () => {
  it('each is hashed with its own bytes (the scratch view of that length is reused)', () => {
    const sign = hmacSigner('secret-1', 'HMAC-SHA256');
    for (const s of ['GET\n/a\n\nx', 'PUT\n/b\n\ny', 'GET\n/路\n\n', 'GET\n/数\n\n']) {
      expect(sign(s)).toBe(hmac('sha256', 'secret-1', s));
      expect(computeSignature(s, 'secret-2', 'HMAC-SHA256')).toBe(hmac('sha256', 'secret-2', s));
    }
  });
});

describe('computeSignature with the pads of the last secret kept', () => {
  it('answers each secret and hash as node:crypto does, in any order', () => {
    const long = 'k'.repeat(65);
    const sequence = [
      ['secret-1', 'HMAC-SHA256', 'sha256'],
      ['secret-1', 'HMAC-SHA256', 'sha256'],
      ['secret-2', 'HMAC-SHA256', 'sha256'],
      ['secret-1', 'HMAC-SHA256', 'sha256'],
      // The same secret under the other hash: a key longer than the block is hashed into the pads.
      [long, 'HMAC-SHA256', 'sha256'],
      [long, 'HMAC-SM3', 'sm3'],
      [long, 'HMAC-SHA256', 'sha256'],
      ['secret-1', 'HMAC-SM3', 'sm3'],
      ['', 'HMAC-SM3', 'sm3'],
      ['secret-1', 'HMAC-SM3', 'sm3'],
    ] as const;
    for (const [secret, algorithm, hash] of sequence) {
      expect(computeSignature(canonical, secret, algorithm)).toBe(hmac(hash, secret, canonical));
    }
  });
});
