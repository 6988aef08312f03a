import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

/**
 * What only the `node:http` server meets: bodies refused before they are read (from
 * `Content-Length`, or cut off mid-stream), and requests Node's own parser refuses, which are
 * answered with problem+json instead of Node's bare status lines.
 */
const MiB = 1_048_576;
let running: RunningServer;
const errors: unknown[] = [];

beforeAll(async () => {
  running = await startServer(createApp({ seed: 3, logError: (_message, error) => errors.push(error) }), { port: 0 });
});
afterAll(async () => {
  await running.close();
  expect(errors).toEqual([]);
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends raw bytes on a fresh connection and reads until the server closes it. */
function raw(text: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(running.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseRaw(Buffer.concat(chunks).toString('utf8'))));
    socket.end(text);
  });
}

/** An HTTP/1.1 answer as received, split into status, headers and body. */
function parseRaw(all: string): RawAnswer {
  const [head = '', body = ''] = all.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function expectProblem(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers.connection).toBe('close');
  expect(answer.headers['x-request-id']).toMatch(/^req_/);
  expect(JSON.parse(answer.body)).toMatchObject({ status, code, message: { zh: expect.any(String), en: expect.any(String) } });
}

/**
 * POSTs up to `total` bytes in 64 KiB chunks, honouring back-pressure, and stops writing as soon
 * as an answer (or a closed connection) arrives. Resolves with the status and the bytes the
 * client got to write; `contentLength` announces a length instead of sending chunked.
 */
function upload(total: number, contentLength?: number): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(65_536, 0x20);
    let written = 0;
    let stopped = false;
    const req = httpRequest({ port: running.port, host: '127.0.0.1', method: 'POST', path: '/registration/v1/applications', headers: { 'content-type': 'application/json', ...(contentLength !== undefined ? { 'content-length': contentLength } : {}) } });
    req.on('response', (res) => {
      stopped = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), written }));
      res.on('error', reject);
    });
    // Writing into a closed connection fails (EPIPE/ECONNRESET) once the answer is in: expected.
    req.on('error', (error) => (stopped ? undefined : reject(error)));
    const pump = (): void => {
      while (!stopped && written < total) {
        written += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!stopped) req.end();
    };
    pump();
  });
}

describe('bodies over the limit on the node:http server', () => {
  it('refuses from Content-Length alone: a 300 MB announcement is answered 413 with no byte of the body sent', async () => {
    const answer = await raw('POST /registration/v1/applications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 314572800\r\n\r\n');
    expectProblem(answer, 413, 'PAYLOAD_TOO_LARGE');
    expect(JSON.parse(answer.body)).toMatchObject({ limit: MiB });
  });

  it('cuts off a 50 MB chunked upload at the limit: 413, and the upload is not consumed', async () => {
    const total = 50 * MiB;
    const answer = await upload(total);
    expect(answer.status, answer.body).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: MiB });
    // The server stopped reading after 1 MiB and closed: the client got to write only what the
    // socket buffers held, nowhere near the whole body.
    expect(answer.written).toBeLessThan(total / 2);
  });

  it('answers 413 to an announced 50 MB upload while it is being sent, and it is not consumed either', async () => {
    const total = 50 * MiB;
    const answer = await upload(total, total);
    expect(answer.status, answer.body).toBe(413);
    expect(answer.written).toBeLessThan(total / 2);
  });

  it('lets a client still sending its body read the 413: the server reads on a while before it closes (lingering close)', async () => {
    // The client does not read until it has sent more: a socket closed with unread bytes resets,
    // and a reset throws away the answer the client had not read yet (EPIPE/ECONNRESET instead).
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const socket = connect(running.port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.pause();
      socket.on('error', reject);
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('close', () => resolve(parseRaw(Buffer.concat(chunks).toString('utf8'))));
      const chunk = (bytes: number): string => `${bytes.toString(16)}\r\n${' '.repeat(bytes)}\r\n`;
      socket.write(`POST /registration/v1/applications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunk(5 * MiB)}`);
      setTimeout(() => {
        socket.write(chunk(65_536), () => setTimeout(() => socket.resume(), 100));
      }, 300);
    });
    expectProblem(answer, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('closes the connection after any refusal made before the body is read (a foreign Host here), rather than draining it', async () => {
    const answer = await raw('POST /_sim/v1/sandboxes HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: 314572800\r\n\r\n');
    expectProblem(answer, 421, 'HOST_NOT_ALLOWED');
  });

  it('keeps serving on new connections afterwards', async () => {
    const res = await fetch(`${running.url}/_sim/v1/sandboxes/default/clock`);
    expect(res.status).toBe(200);
    await res.text();
  });
});

describe('requests the HTTP parser refuses answer problem+json', () => {
  it('a request target beyond what the parser takes (40 KB) is 414 URI_TOO_LONG', async () => {
    const answer = await raw(`GET /_sim/v1/sandboxes?x=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expectProblem(answer, 414, 'URI_TOO_LONG');
    expect(JSON.parse(answer.body)).toMatchObject({ limit: 8192 });
  });

  it('headers beyond what the parser takes (40 KB) are 431 HEADERS_TOO_LARGE', async () => {
    const answer = await raw(`GET /_sim/v1/sandboxes HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(40_000)}\r\n\r\n`);
    expectProblem(answer, 431, 'HEADERS_TOO_LARGE');
  });

  it('a header past the thousandth is not dropped: an Origin after 1,100 others is still checked (403 ORIGIN_NOT_ALLOWED)', async () => {
    // Node keeps 2,000 header lines by default (1,000 pairs) and drops the rest without a word.
    const pad = Array.from({ length: 1_100 }, (_, n) => `x-pad-${n}: 1\r\n`).join('');
    const answer = await raw(`GET /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nConnection: close\r\n${pad}Origin: http://evil.example\r\n\r\n`);
    expect(answer.status, answer.body).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' });
  });

  it('2,000 small headers (19 KB, within what the parser takes) are 431 HEADERS_TOO_LARGE: the header limit counts every one of them', async () => {
    const pad = Array.from({ length: 2_000 }, (_, n) => `x-${n}: 1\r\n`).join('');
    const answer = await raw(`GET /_sim/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nConnection: close\r\n${pad}\r\n`);
    expectProblem(answer, 431, 'HEADERS_TOO_LARGE');
  });

  it('a transfer coding besides chunked (gzip, chunked) is 400 at /header/transfer-encoding, not read as the body', async () => {
    const answer = await raw(`POST /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`);
    expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ pointer: '/header/transfer-encoding', code: 'UNSUPPORTED_TRANSFER_CODING' }] });
  });

  it.each([
    ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ['a malformed Content-Length', 'POST /_sim/v1/sandboxes HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost x\r\n\r\n'],
  ])('%s is 400 VALIDATION_FAILED', async (_name, text) => {
    const answer = await raw(text);
    expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(JSON.parse(answer.body).detail).toMatch(/not valid HTTP\/1\.1 \(HPE_/);
  });
});

describe('Expect', () => {
  it('an expectation other than 100-continue is 417 EXPECTATION_FAILED problem+json at /header/expect, not Node\'s bare 417', async () => {
    const answer = await raw(`POST /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}`);
    expectProblem(answer, 417, 'EXPECTATION_FAILED');
    expect(JSON.parse(answer.body)).toMatchObject({ instance: '/_sim/v1/sandboxes', errors: [{ pointer: '/header/expect', code: 'UNSUPPORTED_EXPECTATION' }] });
  });

  it('100-continue is answered 100 Continue when the body is to be read, then the request runs', async () => {
    const body = '{"profile":"national","seed":1}';
    const answer = await raw(`POST /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(answer.status).toBe(100);
    expect(answer.body).toMatch(/^HTTP\/1\.1 201 Created/);
  });

  it('100-continue is not answered 100 Continue when the request is refused on its head: the client is spared sending the body', async () => {
    // A body over the limit: Node wrote 100 Continue before the handler ran, inviting the 5 MB it then refused.
    const tooLarge = await raw(`POST /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n`);
    expectProblem(tooLarge, 413, 'PAYLOAD_TOO_LARGE');
    const noHost = await raw(`POST /_sim/v1/sandboxes HTTP/1.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n`);
    expectProblem(noHost, 400, 'VALIDATION_FAILED');
  });

  it('a request without a body is answered at once, without 100 Continue (RFC 9110 §10.1.1 lets the server omit it)', async () => {
    const answer = await raw(`GET /_sim/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nExpect: 100-continue\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    expect(answer.status).toBe(200);
  });
});

describe('a request without Host, with two, or with a malformed one (RFC 9112 §3.2: answered 400)', () => {
  it('is 400 VALIDATION_FAILED as problem+json pointing at /header/host, and the connection is closed', async () => {
    const answer = await raw('GET /_sim/v1/health HTTP/1.1\r\n\r\n');
    expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(JSON.parse(answer.body).errors).toEqual([{ pointer: '/header/host', code: 'REQUIRED', message: { zh: expect.stringMatching(/Host/), en: expect.stringMatching(/Host/) } }]);
  });

  it('with a body as well: answered the same without reading it', async () => {
    const answer = await raw('POST /_sim/v1/sandboxes HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
    expectProblem(answer, 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['two Host lines (Node kept the first)', 'GET /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nHost: evil.example\r\n\r\n', 'DUPLICATE_HEADER'],
    ['two Host lines in HTTP/1.0', 'GET /registration/v1/applications HTTP/1.0\r\nHost: a.example\r\nhost: b.example\r\n\r\n', 'DUPLICATE_HEADER'],
    ['a Host that is not a host and port', 'GET /registration/v1/applications HTTP/1.1\r\nHost: a b/c\r\n\r\n', 'INVALID_HOST'],
  ])('%s is 400 VALIDATION_FAILED at /header/host (RFC 9112 §3.2)', async (_name, text, code) => {
    const answer = await raw(text.replace('PORT', String(running.port)));
    expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(JSON.parse(answer.body).errors).toEqual([{ pointer: '/header/host', code, message: { zh: expect.stringMatching(/Host/), en: expect.stringMatching(/Host/) } }]);
  });

  it.each(['127.0.0.1:PORT', '[::1]:PORT', 'mock.local', ''])('Host %j is taken', async (host) => {
    const answer = await raw(`GET /registration/v1/applications HTTP/1.1\r\nHost: ${host.replace('PORT', String(running.port))}\r\nConnection: close\r\n\r\n`);
    expect(answer.status, answer.body).toBe(401);
  });

  it('HTTP/1.0 has no Host requirement and is answered', async () => {
    const answer = await raw('GET /_sim/v1/health HTTP/1.0\r\n\r\n');
    expect(answer.status).toBe(200);
  });
});
