import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A static file server for the test, with the log of every path asked for. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request path it received (with the query), in order, including those it answered 404. */
  readonly served: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 (port chosen by the system) the way any static host would: `/` is
 * `index.html`, unknown paths are 404. It knows nothing of the mock, so a platform request that
 * escaped the service worker would show up in `served` (and fail with a 404).
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const served: string[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    served.push(url);
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
