import { Agent, request } from 'node:http';
import type { App } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import type { Transport } from './transports.js';

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A `fetch` of plain requests (a string body or none, no signal, no redirect) over `node:http`
 * with one keep-alive agent. Sending thousands of requests, undici's `fetch` cost ~1 ms of CPU
 * more a request than the server's work on it (issue 12: allowed-actions.test.ts sends ~7,000).
 */
function nodeHttpFetch(agent: Agent): typeof globalThis.fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') throw new TypeError('nodeHttpFetch sends only string bodies');
      const method = init.method ?? 'GET';
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const sent = request(String(input), { method, headers, agent }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(answer.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? '']) answerHeaders.append(name, one);
          }
          const status = answer.statusCode ?? 500;
          const body = NULL_BODY.has(status) || method === 'HEAD' ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status, statusText: answer.statusMessage, headers: answerHeaders }));
        });
      });
      sent.on('error', reject);
      sent.end(init.body ?? undefined);
    });
}

/**
 * The app on its `node:http` server, reached through `node:http` instead of undici's `fetch`:
 * for a test whose many requests must go through the HTTP server and whose client's cost is
 * only overhead. Not one of `TRANSPORTS`, which the behaviour suites run through each of.
 */
export async function nodeHttpClientTransport(app: App): Promise<Transport> {
  const running = await startServer(app, { port: 0 });
  const agent = new Agent({ keepAlive: true });
  return {
    fetch: nodeHttpFetch(agent),
    baseUrl: running.url,
    close: async () => {
      agent.destroy();
      await running.close();
    },
  };
}
