import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request that reached a test receiver. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP receiver on a free port whose answer `respond` writes (after the body is read); it
 * records every request that reached it.
 *
 * @example
 * ```ts
 * const receiver = await startReceiver((_path, res) => res.writeHead(204).end());
 * // subscribe `${receiver.origin}/hook`; receiver.received lists what came; await receiver.stop()
 * ```
 */
export async function startReceiver(respond: (path: string, res: ServerResponse) => void) {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      respond(req.url ?? '', res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, origin, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
