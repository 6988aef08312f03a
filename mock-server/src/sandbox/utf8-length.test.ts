import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8-length.js';

const encoded = (text: string): number => new TextEncoder().encode(text).byteLength;

const samples = [
  '',
  'plain ascii',
  '数据资源目录',
  'mixed 数据 é ß',
  '😀 a pair',
  'lone high \ud83d then text',
  'lone low \ude00 then text',
  'ends on a high surrogate \ud83d',
  '\ude00\ud83d reversed pair',
  'nul \u0000 and del \u007f and \u0080 and \u07ff and \u0800 and \uffff',
];

describe('utf8Length', () => {
  it.each(samples)('counts %j as TextEncoder encodes it', (text) => {
    expect(utf8Length(text)).toBe(encoded(text));
  });

  // Both sides of the scratch buffer's bound (16,384 code units), with what takes the most bytes
  // per unit (3) and a surrogate pair across the bound.
  it.each([16_383, 16_384, 16_385, 50_000])('counts %i code units of three-byte text as TextEncoder does', (units) => {
    const text = '数'.repeat(units);
    expect(utf8Length(text)).toBe(units * 3);
    expect(utf8Length(text)).toBe(encoded(text));
  });

  it.each([16_383, 16_384, 16_385])('counts a surrogate pair that ends at code unit %i', (end) => {
    const text = 'a'.repeat(end - 2) + '😀' + '数据';
    expect(utf8Length(text)).toBe(encoded(text));
    const lone = 'a'.repeat(end - 1) + '\ud83d' + 'x';
    expect(utf8Length(lone)).toBe(encoded(lone));
  });
});
