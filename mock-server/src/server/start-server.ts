import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app/create-app.js';
import type { DispatchRequest } from '../app/dispatch-types.js';

/** Options of `startServer`. */
export interface ServerOptions {
  /** Port to listen on; 0 picks a free one (default 4010). */
  port?: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops accepting, closes idle and active connections. */
  close(): Promise<void>;
}

function toPlain(req: IncomingMessage, body: Buffer | undefined): DispatchRequest {
  const target = req.url ?? '/';
  const pathStart = target.startsWith('/') ? 0 : target.indexOf('/', target.indexOf('//') + 2);
  const local = pathStart < 0 ? '/' : target.slice(pathStart);
  const q = local.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? local : local.slice(0, q),
    query: q < 0 ? '' : local.slice(q + 1),
    headers,
    body: body && body.length > 0 ? body : undefined,
  };
}

async function serve(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const answer = await app.dispatch(toPlain(req, chunks.length > 0 ? Buffer.concat(chunks) : undefined));
  if (answer.connectionReset) {
    req.socket.destroy();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/**
 * Serves the app over HTTP/1.1 with `node:http`, calling `app.dispatch` with plain values (no
 * WHATWG `Request`/`Response` per call), keep-alive on. An injected connection reset destroys
 * the socket.
 *
 * @example
 * ```ts
 * import { createApp } from '@gdx/mock-server';
 * import { startServer } from '@gdx/mock-server/server';
 * const running = await startServer(createApp(), { port: 0 });
 * console.log(running.url); // http://127.0.0.1:53127
 * await running.close();
 * ```
 */
export async function startServer(app: App, options: ServerOptions = {}): Promise<RunningServer> {
  const server = createServer({ keepAlive: true, keepAliveTimeout: 65_000 }, (req, res) => {
    serve(app, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
