import { describe, expect, it } from 'vitest';
import { captureBody } from './capture-body.js';

describe('captureBody', () => {
  it.each([
    ['no body', undefined, 'application/json', 8, null],
    ['an empty body', '', 'application/json', 8, null],
    ['a short JSON string, kept as it is', '{"a":1}', 'application/json; charset=utf-8', 64, { text: '{"a":1}', truncated: false, json: true }],
    ['problem+json is JSON', '{}', 'application/problem+json', 64, { text: '{}', truncated: false, json: true }],
    ['a long string cut at the byte bound', 'x'.repeat(20), 'text/plain', 8, { text: 'xxxxxxxx', truncated: true, json: false }],
    ['a string cut before a character it cannot hold whole', '数据数据', 'text/plain', 7, { text: '数据', truncated: true, json: false }],
    ['a string within the bound once encoded', '数据', 'text/plain', 6, { text: '数据', truncated: false, json: false }],
    ['bytes cut at the bound', new TextEncoder().encode('abcdef'), 'application/json', 4, { text: 'abcd', truncated: true, json: true }],
  ])('%s', (_why, body, type, max, want) => {
    expect(captureBody(body, type, max)).toEqual(want);
  });
});
