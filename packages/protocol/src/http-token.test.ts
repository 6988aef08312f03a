import { describe, expect, it } from 'vitest';
import { isHttpToken } from './http-token.js';

describe('isHttpToken', () => {
  it.each(['GET', 'patch', 'M-SEARCH', "!#$%&'*+-.^_`|~09az"])('takes %j', (text) => {
    expect(isHttpToken(text)).toBe(true);
  });

  it.each(['', 'P ST', 'GET\r\n', 'a/b', 'x:y', '(x)', 'é', '"x"'])('refuses %j', (text) => {
    expect(isHttpToken(text)).toBe(false);
  });
});
