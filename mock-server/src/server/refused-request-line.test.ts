import { describe, expect, it } from 'vitest';
import { refusedRequestLine } from './refused-request-line.js';

/** The chunk as Node's parser gives it, and the position it failed at (`bytesParsed`). */
const at = (chunk: string, marker: string) => ({ raw: Buffer.from(chunk.replace(marker, ''), 'latin1'), bytesParsed: chunk.indexOf(marker) });

describe('refusedRequestLine', () => {
  const rows: { name: string; chunk: string; code?: string; want: { method: string; target: string } | undefined }[] = [
    { name: 'a refused request alone', chunk: 'GET /b HTTP/1.1\r\nHost: x\r\n|bad header\r\n\r\n', want: { method: 'GET', target: '/b' } },
    { name: 'raw UTF-8 in the target, percent-encoded', chunk: 'GET /x?q=\xe4\xba|\xba HTTP/1.1\r\n\r\n', want: { method: 'GET', target: '/x?q=%E4%BA%BA' } },
    { name: 'after a bodiless request', chunk: 'GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b?x=1 HTTP/1.1\r\nHost: x\r\n|bad header\r\n\r\n', want: { method: 'GET', target: '/b?x=1' } },
    { name: 'the same request line twice: the second one refused', chunk: 'GET /a HTTP/1.1\r\n\r\nGET /a HTTP/1.1\r\n|bad\r\n\r\n', want: { method: 'GET', target: '/a' } },
    { name: 'after a Content-Length body not ending in a line end', chunk: 'POST /a HTTP/1.1\r\ncontent-length: 7\r\n\r\n{"a":1}PUT /c HTTP/1.1\r\nContent-Length: x|\r\n\r\n', want: { method: 'PUT', target: '/c' } },
    { name: 'after a chunked body with a trailer', chunk: 'POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\nDELETE /d HTTP/1.1\r\n|bad\r\n\r\n', want: { method: 'DELETE', target: '/d' } },
    { name: 'a body that fails (its head read, not the request)', chunk: 'POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n|zz\r\n', want: { method: 'POST', target: '/a' } },
    { name: 'bytes that are no request after a request', chunk: 'GET /a HTTP/1.1\r\n\r\n|XARBAGE\r\n\r\n', code: 'HPE_INVALID_METHOD', want: undefined },
    { name: 'an unknown method after a request', chunk: 'GET /a HTTP/1.1\r\n\r\n|BREW /pot HTTP/1.1\r\n\r\n', code: 'HPE_INVALID_METHOD', want: { method: 'BREW', target: '/pot' } },
    { name: 'a head refused once read whole, before another request', chunk: 'GET /a HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n|GET /b HTTP/1.1\r\n\r\n', code: 'HPE_INVALID_TRANSFER_ENCODING', want: { method: 'GET', target: '/a' } },
    { name: 'bytes that are no request', chunk: '|GARBAGE\r\n\r\n', code: 'HPE_INVALID_METHOD', want: undefined },
    { name: 'a chunk that starts inside a head', chunk: 'Host: x\r\n|bad\r\n\r\n', want: undefined },
  ];
  it.each(rows)('$name', ({ chunk, code, want }) => {
    const { raw, bytesParsed } = at(chunk, '|');
    expect(refusedRequestLine(raw, { code, bytesParsed }, 8192)).toEqual(want);
  });

  it('takes the first request line of the chunk when the error position is not known', () => {
    expect(refusedRequestLine(Buffer.from('GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n'), {}, 8192)).toEqual({ method: 'GET', target: '/a' });
    expect(refusedRequestLine(undefined, {}, 8192)).toBeUndefined();
  });

  it('cuts a target a little past the URL limit', () => {
    expect(refusedRequestLine(Buffer.from(`GET /${'x'.repeat(500)} HTTP/1.1\r\n\r\n`), { bytesParsed: 300 }, 100)?.target).toHaveLength(100 + 64 - "GET ".length);
  });
});
