import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server received it. */
export interface Received {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Decides the answer to one request: reply, destroy the socket, or never answer. */
export type Script = (req: Received, res: ServerResponse, raw: IncomingMessage) => void;

/** Scriptable HTTP server on 127.0.0.1 (port 0): queued scripts answer requests in order, then the fallback. */
export interface TestServer {
  /** e.g. `http://127.0.0.1:43210` */
  origin: string;
  received: Received[];
  /** Queue scripts for the next requests, in order. */
  enqueue(...scripts: Script[]): void;
  /** Answer used once the queue is empty (default: 200 `{}`). */
  fallback(script: Script): void;
  reset(): void;
  close(): Promise<void>;
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Script =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_test', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

/** Destroys the connection without an answer (a connection reset for the client). */
export const destroy: Script = (_req, _res, raw) => {
  raw.socket.destroy();
};

/** Never answers (the client must time out or abort). */
export const hang: Script = () => {};

export async function startTestServer(): Promise<TestServer> {
  const queue: Script[] = [];
  const received: Received[] = [];
  let fallback: Script = json(200, {});
  const hanging = new Set<ServerResponse>();
  const server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const req: Received = { method: raw.method ?? '', url: raw.url ?? '', headers: raw.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(req);
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      (queue.shift() ?? fallback)(req, res, raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    enqueue: (...scripts) => queue.push(...scripts),
    fallback: (script) => {
      fallback = script;
    },
    reset: () => {
      queue.length = 0;
      received.length = 0;
      fallback = json(200, {});
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
