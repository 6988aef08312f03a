import { describe, expect, it } from 'vitest';
import { generateNonce, NONCE_PATTERN, requestId } from './ids.js';

describe('ids', () => {
  it('generates distinct nonces that satisfy the protocol syntax', () => {
    const nonces = new Set(Array.from({ length: 100 }, generateNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(NONCE_PATTERN);
  });

  it('NONCE_PATTERN enforces 16–64 chars of [A-Za-z0-9_-]', () => {
    expect(NONCE_PATTERN.test('a'.repeat(15))).toBe(false);
    expect(NONCE_PATTERN.test('a'.repeat(16))).toBe(true);
    expect(NONCE_PATTERN.test('a'.repeat(65))).toBe(false);
    expect(NONCE_PATTERN.test('abcdefghijklmnop+')).toBe(false);
  });

  it('generates req_-prefixed request ids', () => {
    expect(requestId()).toMatch(/^req_[0-9a-f]{32}$/);
    expect(requestId()).not.toBe(requestId());
  });

  it('request ids stay distinct UUID-v4 bits across refills of their random pool', () => {
    // 256 ids per refill: 1,000 cross three of them.
    const ids = Array.from({ length: 1_000 }, requestId);
    expect(new Set(ids).size).toBe(1_000);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  });
});
