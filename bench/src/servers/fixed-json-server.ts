import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A bare node:http server answering every request with the same JSON bytes: the baseline server
// of the transport and mock-throughput suites. It runs in its own process (forked by the bench),
// receives the body as its first IPC message and reports its port back.

/** A child the bench forgot (e.g. killed with SIGKILL) must still go away. */
const MAX_LIFETIME_MS = 15 * 60_000;

process.once('message', (init: { body: string }) => {
  const body = Buffer.from(init.body);
  const headers = { 'content-type': 'application/json', 'content-length': String(body.length), 'x-request-id': 'req_bench' };
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, headers);
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
});
setTimeout(() => process.exit(0), MAX_LIFETIME_MS).unref();
