import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HEADERS, requestId as newRequestId } from '@gdx/protocol';
import type { AddressInfo } from 'node:net';
import { consoleAssetsDir } from '@gdx/console';
import type { App } from '../app/create-app.js';
import type { DispatchRequest, DispatchResponse } from '../app/dispatch-types.js';
import { refuseHead } from '../app/limit-checks.js';
import { bodyLimitFor, type Limits } from '../app/limits.js';
import { SIM_PREFIX } from '../app/route-table.js';
import { READINESS_PATH } from '../app/sim/service.js';
import { NO_STORE } from '../app/sim/sim-route.js';
import { problemOnClientError } from './client-error.js';
import { asteriskFormAnswer } from './asterisk-form.js';
import { refuseConnect } from './connect-method.js';
import { unmetExpectation } from './expectation.js';
import { unsupportedTransferCoding } from './transfer-coding.js';
import { hostRefusal } from './host-header.js';
import { answerConsole, isBrowserAtRoot, isConsolePath } from './console-route.js';
import { defaultMaxConnections, watchConnections, type ServerLogSink, type WatchedConnections } from './connection-limit.js';
import { drainer, shuttingDownAnswer, type Drain } from './drain.js';
import { endAfterLinger } from './lingering-close.js';
import { answerReference } from './reference-pages.js';
import { answerTimeout, DEFAULT_ANSWER_TIMEOUT_MS, type AnswerTimeout } from './answer-timeout.js';
import { pipelineGuard, pipelineRefusal } from './pipelining.js';
import { declaredLength, readBody, TOO_LARGE } from './read-body.js';
import { requestGate, type RequestGate } from './request-gate.js';
import { requestLogHooks, type RequestLogHooks, type RequestLogSink } from './request-log.js';
import { DEFAULT_REQUEST_TIMEOUTS, timeoutServerOptions, type RequestTimeouts } from './request-timeouts.js';

/** Options of `startServer`. */
export interface ServerOptions {
  /** Port to listen on; 0 picks a free one (default 4010). */
  port?: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /**
   * Origins whose pages may call the simulation API (`/_sim/v1`) besides the server's own, e.g.
   * `http://localhost:5173` (default: none). Platform routes answer every origin.
   */
  corsOrigins?: readonly string[];
  /**
   * Host names the simulation API answers for besides the bound address (any port; `.example.org`
   * with subdomains). Bound to `0.0.0.0`/`::` without any, every `Host` is answered. Default: none.
   */
  allowedHosts?: readonly string[];
  /**
   * The built web console to serve at `/_console/` (default: the files of `@gdx/console`), or
   * `false` for none (`/_console` then answers 404 like any unknown route).
   */
  consoleDir?: string | false;
  /**
   * Told of every answered request (method, path, status, duration, and the sandbox, organisation,
   * operation and problem code the app found), e.g. to write a request log; default: none.
   * `gdx-mock` passes one that writes a pino line per request.
   */
  requestLog?: RequestLogSink;
  /**
   * How long `close()` lets requests in flight finish before it cuts their connections (ms;
   * default 0: cut at once). `gdx-mock` passes `--shutdown-grace` (10 s by default), so a rolling
   * restart answers what it accepted instead of resetting it.
   */
  shutdownGraceMs?: number;
  /**
   * The most connections open at once; on one past it only a probe (`GET`/`HEAD` of
   * `/_sim/v1/health` or `/ready`) is served, anything else is answered 503
   * `CONNECTION_LIMIT_REACHED` without being run, and the connection is closed (and `serverLog` is
   * told; see `watchConnections`).
   * Default `defaultMaxConnections()`: the open-file limit less a reserve for the server's own
   * files, so the descriptors never run out under a flood of connections (then the kernel refuses
   * `accept` and connections are dropped with nothing said).
   */
  maxConnections?: number;
  /**
   * Told (at most once per 10 s each) of a connection closed for `maxConnections` and of an error
   * of the listening socket (`accept` failing with `EMFILE`, say); default: none. `gdx-mock`
   * passes one that writes a pino line.
   */
  serverLog?: ServerLogSink;
  /**
   * How long a request may take to arrive: the whole request from its first byte, and its head
   * (from its first byte, or from the connection's opening); one that goes past either is
   * answered 408 `REQUEST_TIMEOUT` and its connection closed. Default
   * `DEFAULT_REQUEST_TIMEOUTS` (30 s and 10 s); `gdx-mock` passes `--request-timeout` and
   * `--headers-timeout`. And how long a client may take none of an answer once it is written
   * (`answerMs`, default 60 s, `--response-timeout`): one that stops reading has its connection
   * cut (between `answerMs` and twice that after it stopped), and `serverLog` told; a slow reader
   * that keeps reading is not.
   */
  timeouts?: Readonly<RequestTimeouts>;
}

/** What every answer of one server goes through: its Host/Origin gate, its request log, and whether it is draining. */
interface Scope {
  gate: RequestGate;
  readonly log: RequestLogHooks | undefined;
  /** Set by `close()`: every answer from then on says `Connection: close`, so no connection is kept for another request. */
  draining: boolean;
  /** The server's connections (set once it listens): an answer on one past the cap closes it. */
  connections: WatchedConnections | undefined;
  /** Cuts the connection of a client that does not read its answer in time. */
  readonly answers: AnswerTimeout;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /**
   * Drains: requests in flight, and those arriving on the connections already open, are answered
   * (with `Connection: close`) for up to `shutdownGraceMs`; a connection opened meanwhile is
   * answered 503 `SHUTTING_DOWN` and closed; idle connections are closed after 250 ms; the
   * listening socket closes once the connections it had are closed and none came for 100 ms (2 s
   * after the start of the drain at the latest).
   * Past `shutdownGraceMs` the connections still open are cut (with 0, at once, the listener
   * too). Resolves once every connection is closed. Called again while draining, it cuts them now.
   */
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

function toPlain(req: IncomingMessage): DispatchRequest {
  const target = req.url ?? '/';
  const pathStart = target.startsWith('/') ? 0 : target.indexOf('/', target.indexOf('//') + 2);
  const local = pathStart < 0 ? '/' : pathStart === 0 ? target : target.slice(pathStart);
  const q = local.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? local : local.slice(0, q),
    query: q < 0 ? '' : local.slice(q + 1),
    headers: headersOf(req),
    body: undefined,
    takesParts: true,
  };
}

/** The readiness probe's target (a query is allowed, as any probe may add one). */
const READINESS_TARGET = `${SIM_PREFIX}${READINESS_PATH}`;

/** Whether the request is `GET` (or `HEAD`) of the readiness probe. */
function isReadinessProbe(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return (req.method === 'GET' || req.method === 'HEAD') && (q < 0 ? url : url.slice(0, q)) === READINESS_TARGET;
}

/** Whether the request announces a body (RFC 9112 §6.3: `Transfer-Encoding` or a non-zero `Content-Length`). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Whether a request that announces a body is refused before a byte of it is read: target or
 * headers over their limits, or a `Content-Length` over the body limit (then marked
 * `bodyTooLarge` in `plain`). The core words the refusal (see `refuseInCore`).
 */
function refusedBeforeBody(req: IncomingMessage, plain: DispatchRequest, limits: Readonly<Limits>): boolean {
  const length = declaredLength(req);
  if (length !== undefined && length > bodyLimitFor(limits, plain.path)) plain.bodyTooLarge = true;
  return plain.bodyTooLarge === true || refuseHead(plain, limits) !== undefined;
}

/**
 * Answers a request refused for its size without its body (see `refusedBeforeBody`, or a body
 * cut off at the limit) through the core, which refuses it before any other work: so the refusal
 * lands in the request journal and the request log with its sandbox and operation, as a 414
 * without a body does.
 */
function refuseInCore(app: App, scope: Scope, req: IncomingMessage, res: ServerResponse, head: DispatchRequest): Promise<void> {
  return app.dispatch(head).then((refusal) => refuse(scope, req, res, refusal));
}

/**
 * Answers a refused request whose body was not read (whole): with `Connection: close`, so the
 * connection closes after the answer instead of reading the rest of the body to reuse it; closed
 * with a linger (`endAfterLinger`), so that a client still sending its body reads the answer.
 */
function refuse(scope: Scope, req: IncomingMessage, res: ServerResponse, refusal: DispatchResponse): void {
  write(scope, req, res, { ...refusal, headers: { ...refusal.headers, connection: 'close' } }, { end: false });
  endAfterLinger(req, res);
}

/**
 * What Node's own parser accepts for the whole request head (request line and headers): the URL
 * and header limits plus room for the method, version and line ends. Within it the core decides
 * (414 or 431 with the exact limits); beyond it the parser refuses and `problemOnClientError`
 * answers.
 */
function parserHeadLimit(limits: Readonly<Limits>): number {
  return limits.maxHeaderBytes + limits.maxUrlBytes + 1024;
}

/** Statuses whose answers carry neither a body nor a `Content-Length` (RFC 9110 §8.6). */
const NO_BODY = new Set([204, 304]);

/**
 * Writes the answer in one `writeHead` with a flat header array (no header object kept on the
 * response) and one `end(body)` with its `Content-Length`, so Node does not chunk. A string body
 * is handed over as it is: Node joins it to the head and encodes both in one write, where a
 * `Buffer.from` first would allocate and encode a copy and then need a second chunk (`writev`).
 * With `end: false` the response is left open (the caller ends it: a lingering close).
 */
function write(scope: Scope, req: IncomingMessage, res: ServerResponse, answer: DispatchResponse, options: { end: boolean } = { end: true }): void {
  const flat: string[] = [];
  for (const name in answer.headers) flat.push(name, answer.headers[name] as string);
  // Node then ends the connection after this answer: a client sends its next request elsewhere.
  if ((scope.draining || scope.connections?.pastCap(req.socket) === true) && answer.headers.connection === undefined) flat.push('connection', 'close');
  scope.gate.pushCorsHeaders(req, flat);
  if (NO_BODY.has(answer.status)) {
    res.writeHead(answer.status, flat);
    if (options.end) res.end();
  } else if (answer.parts !== undefined) {
    flat.push('content-length', String(answer.parts.byteLength));
    res.writeHead(answer.status, flat);
    const unwritten = writeParts(res, answer.parts.parts, options.end);
    // From the first part: a client that stops reading holds the parts not written yet.
    if (options.end) scope.answers.watch(req, res, answer.headers[HEADERS.requestId], unwritten);
  } else {
    const { body } = answer;
    // A HEAD answer names the length of the GET's body it leaves out (`headAnswer`).
    if (answer.headers['content-length'] === undefined) flat.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength));
    res.writeHead(answer.status, flat);
    if (options.end) {
      res.end(body);
      scope.answers.watch(req, res, answer.headers[HEADERS.requestId]);
    } else res.write(body);
  }
  scope.log?.answered(req, answer);
}

/**
 * Writes a body given in parts (a sandbox's export) one part per socket write, the next when the
 * socket has taken the last (`drain`): encoding each is a short slice of the event loop, where one
 * `end(body)` of 90 MB encoded it all in one go, and parts the client has not read yet stay strings
 * rather than a second copy in the socket's buffer. A connection closed meanwhile writes no more.
 * Answers how to count the bytes not handed to `res` yet (for the answer timeout's log line).
 */
function writeParts(res: ServerResponse, parts: readonly string[], end: boolean): () => number {
  let next = 0;
  const more = (): void => {
    while (next < parts.length) {
      if (res.destroyed) return;
      if (!res.write(parts[next++] as string)) {
        res.once('drain', more);
        return;
      }
    }
    if (end) res.end();
  };
  more();
  return () => parts.slice(next).reduce((bytes, part) => bytes + Buffer.byteLength(part), 0);
}

function answer(app: App, scope: Scope, req: IncomingMessage, res: ServerResponse, plain: DispatchRequest): Promise<void> {
  return app.dispatch(plain).then((result) => {
    if (!result.connectionReset) return write(scope, req, res, result);
    req.socket.destroy();
    scope.log?.answered(req, result);
  });
}

/**
 * A server-made answer (the console's files and redirects, the reference pages) with an
 * `X-Request-Id` like every answer of the core, so its log line and a bug report can name it.
 */
function identified(answer: DispatchResponse): DispatchResponse {
  if (answer.headers[HEADERS.requestId] !== undefined) return answer;
  return { ...answer, headers: { ...answer.headers, [HEADERS.requestId]: newRequestId() } };
}

function fail(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(500, ['content-length', '0']);
  res.end();
}

/**
 * Serves the app over HTTP/1.1 with `node:http`, calling `app.dispatch` with plain values (no
 * WHATWG `Request`/`Response` per call), keep-alive on; a request without a body is dispatched at
 * once, without reading the stream. An injected connection reset destroys the socket. The app's
 * `limits` hold before work is done: a body is refused from its `Content-Length` or while it
 * streams (413, then the connection closes rather than reading the rest), and requests the
 * parser refuses are answered with problem+json (`problemOnClientError`).
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
  const { limits } = app;
  // Checks the options now, so a bad origin or host name stops the start before the port is taken.
  const scope: Scope = {
    gate: requestGate({ bindHost: options.host ?? '127.0.0.1', port: options.port ?? 4010, corsOrigins: options.corsOrigins ?? [], allowedHosts: options.allowedHosts ?? [] }),
    log: options.requestLog ? requestLogHooks(options.requestLog) : undefined,
    draining: false,
    connections: undefined,
    answers: answerTimeout(options.timeouts?.answerMs ?? DEFAULT_ANSWER_TIMEOUT_MS, options.serverLog),
  };
  const consoleDir = options.consoleDir ?? consoleAssetsDir;
  const maxConnections = options.maxConnections ?? defaultMaxConnections();
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) throw new RangeError(`maxConnections must be a positive integer, got ${String(maxConnections)}`);
  // Made once the server listens; no request is read before.
  let drain: Drain;
  const timeouts = options.timeouts ?? DEFAULT_REQUEST_TIMEOUTS;
  const pipeline = pipelineGuard();
  // `continueExpected`: the request asked `Expect: 100-continue` (Node's 'checkContinue'); 100
  // Continue is sent only once its body is to be read, so a request refused on its head (too
  // large, no Host, a foreign origin) is refused before the client sends the body.
  const onRequest = (req: IncomingMessage, res: ServerResponse, continueExpected = false): void => {
    // Past the connection cap only probes are served; anything else was answered 503 (`watchConnections`).
    if (connections.admit(req) === 'refused') return;
    // A client that pipelines without reading its answers: the answers it would not read are not made.
    const pipelined = pipeline.check(req, res);
    if (pipelined === 'drop') return;
    scope.log?.arrived(req, res);
    if (pipelined === 'refuse') return refuse(scope, req, res, pipelineRefusal(req));
    // Opened while the server stops: told to go elsewhere, and closed (see `drainer`).
    if (drain.late(req.socket)) return hasBody(req) ? refuse(scope, req, res, shuttingDownAnswer(req)) : write(scope, req, res, shuttingDownAnswer(req));
    // Closed like Node's refusal: a client that leaves out Host, or sends two, is not one to keep talking to.
    const badHost = hostRefusal(req);
    if (badHost) return refuse(scope, req, res, badHost);
    // Only a request Node hands over as `checkExpectation` (below) has an expectation it did not meet;
    // a transfer coding besides chunked Node's parser lets through, undone only as far as chunked.
    const unmet = unmetExpectation(req) ?? unsupportedTransferCoding(req);
    if (unmet) return refuse(scope, req, res, unmet);
    // `OPTIONS *` asks about the server as a whole: it names no path (`toPlain` would read `/`).
    const asterisk = asteriskFormAnswer(req);
    if (asterisk) return hasBody(req) ? refuse(scope, req, res, asterisk) : write(scope, req, res, asterisk);
    // Preflights, and the Host/Origin rules of the simulation API, are answered before the core.
    const early = scope.gate.screen(req);
    // An unread body is not drained to keep the connection: a refusal closes it (see `refuse`).
    if (early) return hasBody(req) ? refuse(scope, req, res, early) : write(scope, req, res, early);
    // A readiness probe on a connection kept from before the stop: not ready, whatever the app says
    // (a load balancer polling over keep-alive would otherwise keep sending work here).
    if (scope.draining && isReadinessProbe(req)) {
      const notReady = shuttingDownAnswer(req);
      return write(scope, req, res, { ...notReady, headers: { ...notReady.headers, ...NO_STORE } });
    }
    const plain = toPlain(req);
    if (consoleDir !== false && (isConsolePath(plain.path) || isBrowserAtRoot(plain))) {
      // The console's files are the server's, not the app's: the in-process transports have no page to show.
      return void answerConsole(consoleDir, plain, plain.query)
        .then(identified)
        .then((answer) => (hasBody(req) ? refuse(scope, req, res, answer) : write(scope, req, res, answer)))
        .catch(() => fail(res));
    }
    // The reference pages are the server's too; the documents they show are the core's (every transport).
    const reference = hasBody(req) ? undefined : answerReference(plain);
    if (reference) return void reference.then((answer) => write(scope, req, res, identified(answer))).catch(() => fail(res));
    // A request without a body goes straight to the core, which checks the target and headers.
    if (!hasBody(req)) return void answer(app, scope, req, res, plain).catch(() => fail(res));
    if (refusedBeforeBody(req, plain, limits)) return void refuseInCore(app, scope, req, res, plain).catch(() => fail(res));
    if (continueExpected) res.writeContinue();
    readBody(req, bodyLimitFor(limits, plain.path))
      .then((body) => {
        if (body === TOO_LARGE) return refuseInCore(app, scope, req, res, { ...plain, bodyTooLarge: true });
        if (body.length > 0) plain.body = body;
        return answer(app, scope, req, res, plain);
      })
      .catch(() => fail(res));
  };
  // Node's own Host check answers a bare 400 before this handler: `hostRefusal` answers it as problem+json.
  const server = createServer({ keepAlive: true, keepAliveTimeout: 65_000, maxHeaderSize: parserHeadLimit(limits), requireHostHeader: false, ...timeoutServerOptions(timeouts) }, onRequest);
  // A request whose Expect is not 100-continue: Node would answer a bare 417 itself, unlogged.
  server.on('checkExpectation', onRequest);
  // With a listener Node leaves 100 Continue to the handler, instead of sending it before the handler runs.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => onRequest(req, res, true));
  server.on('connect', refuseConnect(scope.log));
  // A request the parser refuses, or whose head is late, is timed from its connection's opening.
  if (scope.log) server.on('connection', scope.log.connected);
  // Every header line is kept: Node keeps 2,000 by default and drops the rest without a word, so an
  // Origin after a thousand others went unchecked, and the header limit counted only those kept.
  // The parser's head limit (`parserHeadLimit`) still bounds what is held.
  server.maxHeadersCount = 0;
  // Requests Node's parser refuses (head too large, not HTTP) are answered with problem+json too.
  server.on('clientError', problemOnClientError({ limits, dispatch: app.dispatch, log: scope.log, timeouts }));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After the listen: a port taken is the start's error (rejected above), not one to log and live
  // with. No connection is taken before this line runs: `listen` called back a microtask ago.
  const connections = watchConnections(server, { maxConnections, log: options.serverLog });
  scope.connections = connections;
  drain = drainer(server, connections.served, options.shutdownGraceMs ?? 0, () => (scope.draining = true));
  // Counted there, not with `getConnections` (a callback): health reads it synchronously.
  app.attachConnections(() => ({ open: connections.open(), max: maxConnections }));
  const { port } = server.address() as AddressInfo;
  // Made once the port is known (the Host check needs it); no request is read before `listen` calls back.
  scope.gate = requestGate({ bindHost: host, port, corsOrigins: options.corsOrigins ?? [], allowedHosts: options.allowedHosts ?? [] });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    server,
    close: drain.close,
  };
}
