// Prism's proxy server for each contract named on the command line, all in this one process:
// `node prism-proxies.mjs <upstream> <spec>…`, forked by `startPrism` (prism.ts) with an IPC
// channel. Each server is what `prism proxy <bundled spec> <upstream>` runs — Prism 5's HTTP
// server over the operations Prism reads from the document, validating requests (security
// included) and responses, answering with the upstream's answer whatever it finds (no `--errors`)
// — with its log (the CLI's default level) sent to the parent as records instead of printed.
// Plain JavaScript: Node runs it as it is, outside Vitest.
//
// Messages to the parent: { type: 'listening', urls: { [spec]: url } } once all listen, then
// { type: 'violation' | 'failure', spec, line } as Prism logs them, and { type: 'settled', id } in
// answer to { type: 'settle', id }: every record logged before it has been sent ahead of it.
import { createRequire } from 'node:module';
import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';

const require = createRequire(import.meta.url);
/** pino's number for the `warn` level. */
const WARN = 40;

const [upstream, ...specs] = process.argv.slice(2);

/**
 * Starts the proxy of one contract on a free port of the loopback address; resolves to its URL.
 *
 * @param {string} spec
 * @returns {Promise<string>}
 */
async function startProxy(spec) {
  const operations = await getHttpOperationsFromSpec(require.resolve(`@gdx/openapi/bundled/${spec}.json`));
  // pino hands each log record over as a line of JSON: a request received (its input, as the
  // serializer below writes it), then what the validator found in it and in its answer, and
  // anything else going wrong at `warn` or above (a request Prism could not judge and answered
  // itself, an upstream answering 501, whose answer Prism mocks instead).
  let received = '';
  const log = {
    /** @param {string} line */
    write(line) {
      const { level, msg, input } = JSON.parse(line);
      if (msg === 'Request received') received = input ?? '';
      else if (msg.startsWith('Violation: ')) process.send?.({ type: 'violation', spec, line: `${received} ${msg}` });
      else if (level >= WARN) process.send?.({ type: 'failure', spec, line: `${received} ${msg}` });
    },
  };
  // The received request's method and path, not its headers and body as the CLI prints them.
  const logger = createLogger(spec, { level: 'info', serializers: { input: (input) => `${input.method} ${input.url.path}` } }, log);
  const server = createServer(operations, {
    // As the CLI's `proxy` command sets it up with its defaults (CORS on, requests validated, no `--errors`).
    cors: true,
    config: { isProxy: true, upstream: new URL(upstream), upstreamProxy: undefined, validateRequest: true, validateResponse: true, checkSecurity: true, errors: false, mock: { dynamic: false } },
    components: { logger },
  });
  return server.listen(0, '127.0.0.1');
}

process.on('message', (message) => {
  if (message.type === 'settle') process.send?.({ type: 'settled', id: message.id });
});
// The parent gone, nothing is judged any more.
process.on('disconnect', () => process.exit(0));

const urls = await Promise.all(specs.map(startProxy));
process.send?.({ type: 'listening', urls: Object.fromEntries(specs.map((spec, index) => [spec, urls[index]])) });
