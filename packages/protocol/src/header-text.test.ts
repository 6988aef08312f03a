import { describe, expect, it } from 'vitest';
import { readableHeaderValue } from './header-text.js';

/** A header value as Node and `fetch` hand it over: each byte of its UTF-8 as one character. */
const asReceived = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('readableHeaderValue', () => {
  it.each([
    ['printable ASCII, unchanged', 'default.ak_1 x', 'default.ak_1 x'],
    ['UTF-8 bytes, decoded', asReceived('沙箱.ak_键'), '沙箱.ak_键'],
    ['UTF-8 outside the BMP, decoded', asReceived('ak_😀'), 'ak_😀'],
    ['bytes that are not UTF-8, escaped', 'ak_\xff\xfe', 'ak_\\xff\\xfe'],
    ['control characters, escaped', 'ak\x00_\x1b[31m', 'ak\\x00_\\x1b[31m'],
    ['a real string with a lone surrogate (a plain headers object), escaped', 'ak_\ud800键', 'ak_\\ud800键'],
  ])('%s', (_name, value, shown) => {
    expect(readableHeaderValue(value)).toBe(shown);
  });

  it('cuts a long value at whole characters', () => {
    expect(readableHeaderValue(asReceived('键'.repeat(300)), 5)).toBe('键键键键键…');
    expect(readableHeaderValue('a'.repeat(10), 10)).toBe('a'.repeat(10));
  });
});
