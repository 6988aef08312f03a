import { describe, expect, it } from 'vitest';
import { captureBody, capturedBytes, capturedText } from './capture-body.js';

/** What the journal shows of a captured body. */
function shown(body: string | Uint8Array | undefined, type: string, max: number) {
  const captured = captureBody(body, type, max);
  return captured && { text: capturedText(captured), truncated: captured.truncated, json: captured.json, bytes: capturedBytes(captured) };
}

describe('captureBody', () => {
  it.each([
    ['no body', undefined, 'application/json', 8, null],
    ['an empty body', '', 'application/json', 8, null],
    ['a short JSON string, kept as it is', '{"a":1}', 'application/json; charset=utf-8', 64, { text: '{"a":1}', truncated: false, json: true, bytes: 14 }],
    ['problem+json is JSON', '{}', 'application/problem+json', 64, { text: '{}', truncated: false, json: true, bytes: 4 }],
    ['a long string cut at the byte bound', 'x'.repeat(20), 'text/plain', 8, { text: 'xxxxxxxx', truncated: true, json: false, bytes: 8 }],
    ['a string cut before a character it cannot hold whole', '数据数据', 'text/plain', 7, { text: '数据', truncated: true, json: false, bytes: 6 }],
    ['a string within the bound whatever its characters, kept as it is', '数据', 'text/plain', 6, { text: '数据', truncated: false, json: false, bytes: 4 }],
    ['a string found within the bound once encoded, kept as bytes', 'ab数', 'text/plain', 8, { text: 'ab数', truncated: false, json: false, bytes: 5 }],
    ['bytes cut at the bound', new TextEncoder().encode('abcdef'), 'application/json', 4, { text: 'abcd', truncated: true, json: true, bytes: 4 }],
    ['bytes cut inside a character', new TextEncoder().encode('数据'), 'text/plain', 4, { text: '数\ufffd', truncated: true, json: false, bytes: 4 }],
  ])('%s', (_why, body, type, max, want) => {
    expect(shown(body, type, max)).toEqual(want);
  });

  it('keeps a copy, not a view of the request bytes', () => {
    const request = Buffer.from('{"name":"数据"}');
    const captured = captureBody(request, 'application/json', 64)!;
    request.fill(0);
    expect(capturedText(captured)).toBe('{"name":"数据"}');
    expect((captured.kept as Uint8Array).buffer).not.toBe(request.buffer);
  });

  it('keeps each cut apart from the next (the encoding buffer is reused)', () => {
    const first = captureBody('{"a":1}', 'application/json', 6)!;
    captureBody('{"b":2}', 'application/json', 6);
    expect([capturedText(first), capturedBytes(first)]).toEqual(['{"a":1', 6]);
  });
});
