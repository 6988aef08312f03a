import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Spec } from './prism.js';

/** Where Prism forwards to: the gateway again, which restores the path the client sent. */
const UPSTREAM = '/__prism-upstream';
/** The part of the client's path Prism does not know (`/sandboxes/{id}/registration/v1`), carried through Prism. */
const PREFIX_HEADER = 'x-judge-prefix';
const PLATFORM_PATH = /^((?:\/sandboxes\/[^/]+)?\/(registration|sharing|open-data|catalog|authorized-operation)\/v1)(\/.*)?$/;
const SIMULATION_PATH = /^(\/_sim\/v1)(\/.*)?$/;
/** A refusal's body is read for its problem code up to this many bytes. */
const MAX_PROBLEM_BYTES = 64 * 1024;

/** One exchange a client made through the gateway to a contract's Prism proxy. */
export interface JudgedExchange {
  spec: Spec;
  method: string;
  /** The path (and query) as the client sent it. */
  path: string;
  status: number;
  /** The problem code of a refusal. */
  code: string | undefined;
}

/** A running gateway: its origin, the exchanges it saw, and how to stop it. */
export interface JudgeGateway {
  url: string;
  readonly exchanges: JudgedExchange[];
  /** Where the contract's Prism proxy should forward to (`startPrism(spec, upstream)`). */
  readonly upstream: string;
  /** Routes the contract's requests to its proxy from now on. */
  route(spec: Spec, proxyUrl: string): void;
  close(): Promise<void>;
}

/** The contract a client's path belongs to, the prefix Prism does not know, and the path Prism does. */
function contractOf(path: string): { spec: Spec; prefix: string; rest: string } | undefined {
  const platform = PLATFORM_PATH.exec(path);
  if (platform) return { spec: platform[2] as Spec, prefix: platform[1]!, rest: platform[3] ?? '/' };
  const simulation = SIMULATION_PATH.exec(path);
  if (simulation) return { spec: 'simulation', prefix: simulation[1]!, rest: simulation[2] ?? '/' };
  return undefined;
}

function forward(req: IncomingMessage, res: ServerResponse, target: URL, headers: IncomingHttpHeaders, onAnswer?: (answer: IncomingMessage) => void): void {
  const out = request(target, { method: req.method, headers }, (answer) => {
    onAnswer?.(answer);
    res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
    answer.pipe(res);
  });
  out.once('error', (error) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`judge gateway: ${target.origin} did not answer: ${error.message}`);
  });
  req.pipe(out);
}

/**
 * An HTTP gateway that puts the Prism proxy of each contract in front of the mock for any client
 * given the gateway's origin as the mock's: `/_sim/v1/…` and `[/sandboxes/{id}]/{platform}/v1/…`
 * go to that contract's proxy with the path the contract knows, Prism forwards back to
 * {@link JudgeGateway.upstream}, and the gateway sends the request on to the mock at the path the
 * client signed. The mock sees the gateway as its host, so the URLs it answers (a sandbox's
 * platforms) lead through the gateway again. Other paths go straight to the mock.
 *
 * @example
 * ```ts
 * const gateway = await startJudgeGateway(mock.url);
 * gateway.route('catalog', (await startPrism('catalog', gateway.upstream)).url);
 * ```
 */
export async function startJudgeGateway(mockUrl: string): Promise<JudgeGateway> {
  const proxies = new Map<Spec, string>();
  const exchanges: JudgedExchange[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname.startsWith(`${UPSTREAM}/`)) {
      const { [PREFIX_HEADER]: prefix, ...headers } = req.headers;
      forward(req, res, new URL(`${String(prefix ?? '')}${url.pathname.slice(UPSTREAM.length)}${url.search}`, mockUrl), headers);
      return;
    }
    const contract = contractOf(url.pathname);
    const proxy = contract && proxies.get(contract.spec);
    if (!contract || !proxy) {
      forward(req, res, new URL(`${url.pathname}${url.search}`, mockUrl), req.headers);
      return;
    }
    forward(req, res, new URL(`${contract.rest}${url.search}`, proxy), { ...req.headers, [PREFIX_HEADER]: contract.prefix }, (answer) => {
      const exchange: JudgedExchange = { spec: contract.spec, method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, status: answer.statusCode ?? 0, code: undefined };
      exchanges.push(exchange);
      if (exchange.status < 400 || !String(answer.headers['content-type']).includes('json')) return;
      let body = '';
      answer.on('data', (chunk: Buffer) => {
        if (body.length < MAX_PROBLEM_BYTES) body += chunk.toString();
      });
      answer.on('end', () => {
        exchange.code = /"code"\s*:\s*"([A-Z0-9_]+)"/.exec(body)?.[1];
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    exchanges,
    upstream: `${url}${UPSTREAM}`,
    route: (spec, proxyUrl) => void proxies.set(spec, proxyUrl),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
