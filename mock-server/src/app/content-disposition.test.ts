import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition (RFC 6266, RFC 8187)', () => {
  it.each([
    ['a resource code, as it is', '350200-SJ-0001.csv', `attachment; filename="350200-SJ-0001.csv"; filename*=UTF-8''350200-SJ-0001.csv`],
    ['a Chinese name: _ for each character in the fallback, its UTF-8 percent-encoded', '企业名录.csv', `attachment; filename="____.csv"; filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95.csv`],
    ['a character outside the BMP: one _', '数据😀.json', `attachment; filename="___.json"; filename*=UTF-8''%E6%95%B0%E6%8D%AE%F0%9F%98%80.json`],
    ['a quote and a backslash: _ in the fallback, encoded in filename*', 'a"b\\c.csv', `attachment; filename="a_b_c.csv"; filename*=UTF-8''a%22b%5Cc.csv`],
    // encodeURIComponent leaves ' ( ) * as they are; attr-char has none of them, nor a space.
    ["what encodeURIComponent would leave: ' ( ) * and a space", "it's (1) *.csv", `attachment; filename="it's (1) *.csv"; filename*=UTF-8''it%27s%20%281%29%20%2A.csv`],
  ])('%s', (_case, name, want) => {
    expect(attachmentDisposition(name)).toBe(want);
  });

  it('gives back the name from filename* as a client decodes it', () => {
    const name = '厦门市 企业(2025)#1.csv';
    const encoded = attachmentDisposition(name).split("filename*=UTF-8''")[1]!;
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
