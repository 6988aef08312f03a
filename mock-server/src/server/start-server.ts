import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app/create-app.js';
import type { DispatchRequest, DispatchResponse } from '../app/dispatch-types.js';
import { preflight, pushCorsHeaders } from './cors.js';

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

/** The request's header record, as the core takes it (one value per name). */
function headersOf(req: IncomingMessage): Readonly<Record<string, string>> {
  const { headers } = req;
  // Node joins repeated request headers into one string, except `set-cookie` (an array): the
  // record is handed over as it is unless a client sent that.
  if (headers['set-cookie'] === undefined) return headers as Readonly<Record<string, string>>;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function toPlain(req: IncomingMessage, body: Buffer | undefined): DispatchRequest {
  const target = req.url ?? '/';
  const pathStart = target.startsWith('/') ? 0 : target.indexOf('/', target.indexOf('//') + 2);
  const local = pathStart < 0 ? '/' : pathStart === 0 ? target : target.slice(pathStart);
  const q = local.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? local : local.slice(0, q),
    query: q < 0 ? '' : local.slice(q + 1),
    headers: headersOf(req),
    body: body && body.length > 0 ? body : undefined,
  };
}

/** Whether the request announces a body (RFC 9112 §6.3: `Transfer-Encoding` or a non-zero `Content-Length`). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Collects the body with plain listeners (an async iterator per request costs more than the read). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Statuses whose answers carry neither a body nor a `Content-Length` (RFC 9110 §8.6). */
const NO_BODY = new Set([204, 304]);

/**
 * Writes the answer in one `writeHead` with a flat header array (no header object kept on the
 * response) and one `end(buffer)` with its `Content-Length`, so Node neither chunks nor copies.
 */
function write(req: IncomingMessage, res: ServerResponse, answer: DispatchResponse): void {
  const flat: string[] = [];
  for (const name in answer.headers) flat.push(name, answer.headers[name] as string);
  pushCorsHeaders(req, flat);
  if (NO_BODY.has(answer.status)) {
    res.writeHead(answer.status, flat);
    res.end();
    return;
  }
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  flat.push('content-length', String(body.byteLength));
  res.writeHead(answer.status, flat);
  res.end(body);
}

function answer(app: App, req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): Promise<void> {
  return app.dispatch(toPlain(req, body)).then((result) => {
    if (result.connectionReset) req.socket.destroy();
    else write(req, res, result);
  });
}

function fail(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(500, ['content-length', '0']);
  res.end();
}

/**
 * Serves the app over HTTP/1.1 with `node:http`, calling `app.dispatch` with plain values (no
 * WHATWG `Request`/`Response` per call), keep-alive on; a request without a body is dispatched at
 * once, without reading the stream. An injected connection reset destroys the socket.
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
    const cors = preflight(req);
    if (cors) return write(req, res, cors);
    const served = hasBody(req) ? readBody(req).then((body) => answer(app, req, res, body)) : answer(app, req, res, undefined);
    served.catch(() => fail(res));
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
