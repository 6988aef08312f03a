import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { startServer, type RequestLogEntry, type RunningServer } from '../../src/server/index.js';

// Requests a raw-socket probe of the standalone server sent that Node does not hand to the request
// handler: each must be answered problem+json and be in the request log, within bounds.

let app: App;
let running: RunningServer;
const logged: RequestLogEntry[] = [];

beforeAll(async () => {
  app = createApp({ seed: 3 });
  running = await startServer(app, { port: 0, requestLog: (entry) => logged.push(entry) });
});
afterAll(async () => {
  await running.close();
  await app.close();
});

/** Sends raw bytes on a fresh connection (one write) and reads until the server closes it. */
function rawText(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(running.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(text);
  });
}

/** Sends raw bytes on a fresh connection (one write) and reads every byte until the server closes it. */
function rawBytes(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(running.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.write(bytes);
  });
}

/** Sends raw bytes on a fresh connection and reads until the server closes it: the status line and the problem. */
async function raw(text: string): Promise<{ statusLine: string; problem: Record<string, unknown> }> {
  const [head = '', body = ''] = (await rawText(text)).split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0] ?? '', problem: JSON.parse(body || '{}') as Record<string, unknown> };
}

describe('pipelined requests', () => {
  it('answers at most 32 requests waiting on one connection: the 33rd is 429 RATE_LIMITED with Connection: close, and nothing after it is run', async () => {
    logged.length = 0;
    const one = `GET /_sim/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\n\r\n`;
    // One write: Node parses all 100 before a single answer is made.
    const all = await rawText(one.repeat(100));
    const statuses = all.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    expect(statuses).toEqual([...Array.from({ length: 32 }, () => 'HTTP/1.1 200'), 'HTTP/1.1 429']);
    expect(all).toMatch(/"code":"RATE_LIMITED"/);
    // The refusal is made at once, the answers before it once the app has made them: the log has them in that order.
    expect(logged.map((entry) => entry.status).sort()).toEqual([...Array.from({ length: 32 }, () => 200), 429]);
    expect((await fetch(`${running.url}/_sim/v1/health`)).status).toBe(200);
  });

  it('answers the requests read before one the parser refuses, then the refusal: an acknowledged write is not left unanswered', async () => {
    logged.length = 0;
    const body = '{"id":"pipelined-before-garbage","profile":"national","seed":1}';
    const create = `POST /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    // One write: the parser fails on GARBAGE while the create is still being answered.
    const all = await rawText(`${create}GARBAGE\r\n\r\n`);
    expect(all.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 201', 'HTTP/1.1 400']);
    expect(all).toMatch(/"id":"pipelined-before-garbage"/);
    // The chunk the parser failed on starts with the create: the refusal is not put down to its route.
    expect(logged.map((entry) => `${entry.status} ${entry.method} ${entry.path}`).sort()).toEqual(['201 POST /_sim/v1/sandboxes', '400 null null']);
  });

  it('puts a refused request after one read whole in the same packet down to its own route: logged and journaled', async () => {
    logged.length = 0;
    const host = `Host: 127.0.0.1:${running.port}`;
    const body = '{"id":"pipelined-before-refused","profile":"national","seed":1}';
    const first = `POST /_sim/v1/sandboxes HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    // Right after the first one's body: a header without a colon.
    const all = await rawText(`${first}GET /open-data/v1/datasets?limit=1 HTTP/1.1\r\n${host}\r\nno colon\r\n\r\n`);
    expect(all.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 201', 'HTTP/1.1 400']);
    expect(all).toMatch(/"instance":"\/open-data\/v1\/datasets"/);
    expect(logged.map((entry) => `${entry.status} ${entry.method} ${entry.path}`).sort()).toEqual([
      '201 POST /_sim/v1/sandboxes',
      '400 GET /open-data/v1/datasets',
    ]);
    const journal = (await (await fetch(`${running.url}/_sim/v1/sandboxes/default/requests?limit=1`)).json()) as { items: { method: string; path: string; status: number }[] };
    expect(journal.items[0]).toMatchObject({ method: 'GET', path: '/open-data/v1/datasets', status: 400 });
  });
});

describe('the asterisk form (a request about the server as a whole)', () => {
  /** Sends one request with `Connection: close` and reads its status line, `Allow` and body. */
  const once = async (method: string) => {
    const text = await rawText(`${method} * HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nConnection: close\r\n\r\n`);
    const [head = '', body = ''] = text.split('\r\n\r\n');
    return { statusLine: head.split('\r\n')[0], allow: /^allow: (.*)$/im.exec(head)?.[1] ?? null, body };
  };

  it('OPTIONS * is 204 with Allow naming every method the mock serves (RFC 9110 §9.3.7), and logged', async () => {
    logged.length = 0;
    expect(await once('OPTIONS')).toEqual({ statusLine: 'HTTP/1.1 204 No Content', allow: 'GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS', body: '' });
    expect(logged.map((entry) => [entry.method, entry.status])).toEqual([['OPTIONS', 204]]);
  });

  it('any other method with the target * is 400 problem+json at /path, not a 404 of "/"', async () => {
    const { statusLine, body } = await once('GET');
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(body)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/path', code: 'ASTERISK_FORM_NOT_OPTIONS', message: { zh: expect.stringContaining('OPTIONS') } }] });
  });
});

describe('HTTP/2 offers (the mock speaks HTTP/1.1 only)', () => {
  it('a request offering Upgrade: h2c (the JDK HttpClient default on http://) is answered in HTTP/1.1 and its connection kept', async () => {
    const offer = 'Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA\r\n';
    const one = `GET /_sim/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\n${offer}Content-Length: 0\r\n\r\n`;
    const last = `GET /_sim/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nConnection: close\r\n\r\n`;
    // One connection, the second request sent once the first is answered, as the JDK does (a
    // request pipelined behind the offer in the same packet is dropped by Node's parser).
    const all = await new Promise<string>((resolve, reject) => {
      const socket = connect(running.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        const first = text === '';
        text += chunk.toString('utf8');
        if (first) socket.write(last);
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
      socket.write(one);
    });
    expect(all.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
  });

  it('an HTTP/2 connection preface (prior knowledge) is refused in HTTP/2: the server preface, then GOAWAY HTTP_1_1_REQUIRED saying to send HTTP/1.1, and logged', async () => {
    logged.length = 0;
    const preface = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
    // The client's own SETTINGS frame follows its preface (empty here).
    const bytes = await rawBytes(Buffer.concat([preface, Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])]));
    // An empty SETTINGS frame on stream 0 (RFC 9113 §3.4), then GOAWAY (type 7) on stream 0.
    expect([...bytes.subarray(0, 9)]).toEqual([0, 0, 0, 4, 0, 0, 0, 0, 0]);
    const length = bytes.readUIntBE(9, 3);
    expect({ type: bytes[12], stream: bytes.readUInt32BE(14) }).toEqual({ type: 7, stream: 0 });
    expect(bytes.byteLength).toBe(18 + length);
    expect({ lastStream: bytes.readUInt32BE(18), errorCode: bytes.readUInt32BE(22) }).toEqual({ lastStream: 0, errorCode: 0xd });
    expect(bytes.subarray(26).toString('utf8')).toMatch(/HTTP\/1\.1 only/);
    expect(logged.map((entry) => `${entry.status} ${entry.method} ${entry.path}`)).toEqual(['400 PRI *']);
  });
});

describe('requests Node does not hand to the request handler', () => {
  it('CONNECT (a client taking the mock for a proxy) is 405 METHOD_NOT_ALLOWED problem+json and logged, not closed unanswered', async () => {
    logged.length = 0;
    const answer = await raw(`CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n`);
    expect(answer.statusLine).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(answer.problem).toMatchObject({ code: 'METHOD_NOT_ALLOWED', errors: [{ pointer: '/method', code: 'METHOD_NOT_ALLOWED' }] });
    expect(logged).toEqual([expect.objectContaining({ method: 'CONNECT', path: '127.0.0.1:443', status: 405, problemCode: 'METHOD_NOT_ALLOWED' })]);
    expect((await fetch(`${running.url}/_sim/v1/health`)).status).toBe(200);
  });

  it('a 5,000-letter method is 400 and logged without it: the log line stays bounded', async () => {
    logged.length = 0;
    const answer = await raw(`${'A'.repeat(5_000)} / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.problem).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringMatching(/HPE_INVALID_METHOD/) });
    expect(logged).toEqual([expect.objectContaining({ method: null, path: null, status: 400 })]);
  });
});
