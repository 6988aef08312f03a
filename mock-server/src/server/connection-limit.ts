import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Server, Socket } from 'node:net';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { writeAndClose } from './client-error.js';
import { isProbe } from '../app/sim-access.js';
import { DEFAULT_LINGER } from './lingering-close.js';
import { targetPath } from './request-gate.js';

/** The most connections when the open-file limit is large: idle ones cost memory, and a mock needs far fewer. */
export const MAX_CONNECTIONS_CAP = 10_000;

/** The default where the open-file limit cannot be read (not Linux). */
export const FALLBACK_MAX_CONNECTIONS = 1_000;

/**
 * The default connection cap of a server: the process's open-file limit less a reserve of a
 * tenth of it (at least 64) for what else takes descriptors (the data directory's SQLite files,
 * the compaction worker, the console's files, webhook deliveries), at most `MAX_CONNECTIONS_CAP`;
 * `FALLBACK_MAX_CONNECTIONS` where the limit cannot be read. Past the open-file limit the kernel
 * refuses `accept`, and libuv then accepts and closes each waiting connection with nothing said
 * (400 idle connections under `ulimit -n 256` made every new one an empty reply); under the cap,
 * the server answers the connections past it 503 itself, and logs it (`watchConnections`).
 *
 * @example
 * ```ts
 * defaultMaxConnections('Max open files            256                  256                  files\n'); // 192
 * defaultMaxConnections(); // reads /proc/self/limits
 * ```
 */
export function defaultMaxConnections(limits: string | undefined = readLimits()): number {
  const soft = /^Max open files\s+(\S+)/m.exec(limits ?? '')?.[1];
  if (soft === undefined) return FALLBACK_MAX_CONNECTIONS;
  if (soft === 'unlimited') return MAX_CONNECTIONS_CAP;
  const open = Number(soft);
  if (!Number.isSafeInteger(open) || open <= 0) return FALLBACK_MAX_CONNECTIONS;
  const reserve = Math.max(64, Math.ceil(open / 10));
  return Math.min(MAX_CONNECTIONS_CAP, Math.max(1, open - reserve));
}

function readLimits(): string | undefined {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return undefined;
  }
}

/** Where a server reports what goes wrong with its connections (`ServerOptions.serverLog`); it should not throw. */
export type ServerLogSink = (level: 'warn' | 'error', fields: Readonly<Record<string, unknown>>, message: string) => void;

/** How often at most a kind of connection trouble is logged: a flood must not flood the log too. */
export const CONNECTION_LOG_INTERVAL_MS = 10_000;

/**
 * Reports a kind of event at most once per `intervalMs`: the first at once, the ones within the
 * interval counted and reported (`suppressed`) with the first one after it.
 *
 * @example
 * ```ts
 * const report = rateLimited((suppressed) => log(`dropped a connection (${suppressed} more before)`), 10_000, Date.now);
 * report(); report(); // the second is counted, not reported
 * ```
 */
export function rateLimited(emit: (suppressed: number) => void, intervalMs: number, now: () => number): () => void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return () => {
    const at = now();
    if (at - last < intervalMs) {
      suppressed += 1;
      return;
    }
    last = at;
    const count = suppressed;
    suppressed = 0;
    emit(count);
  };
}

/** How many connections past the cap are kept at once (each holds a descriptor while its head is awaited and until its client has read the answer); past it, one more is closed unanswered. */
export const MAX_REFUSALS_AT_ONCE = 16;

/** How long a connection past the cap has to send its request head: a probe is served, anything else answered 503 (ms). */
export const PAST_CAP_HEAD_MS = 1_000;

/** How long a connection answered for the cap is kept for its client to read the answer, at most (ms). */
const REFUSAL_LINGER_MS = DEFAULT_LINGER.maxMs;

/** Seconds a client refused for the cap (or a stop) is told to wait (`Retry-After`). */
export const REFUSAL_RETRY_AFTER_SECONDS = 1;

/** What the request handler is to do with a request (`WatchedConnections.admit`). */
export type Admission = 'serve' | 'serve-and-close' | 'refused';

/** The connections of a server, as `watchConnections` keeps them. */
export interface WatchedConnections {
  /** Connections open now, those past the cap included (what `GET /_sim/v1/health` shows). */
  open(): number;
  /** The connections served now (not those past the cap). */
  readonly served: ReadonlySet<Socket>;
  /** Whether the socket is one past the cap: its answers close it. */
  pastCap(socket: Socket): boolean;
  /**
   * Admits a request whose head was read: `serve` on a connection within the cap;
   * `serve-and-close` for a probe on one past it (the answer closes it); `refused` for anything
   * else on one past it, answered 503 here and closed (the caller leaves the request alone).
   */
  admit(req: IncomingMessage): Admission;
}

/**
 * The answer to a connection past the cap: 503 `CONNECTION_LIMIT_REACHED` problem+json with the
 * cap as `limit`, `Retry-After` and `Connection: close`; its target as `instance` when its request
 * head was read.
 */
function connectionLimitAnswer(maxConnections: number, instance: string | undefined): DispatchResponse {
  return problemResponse(
    'CONNECTION_LIMIT_REACHED',
    {
      detail: `the server has ${maxConnections} connections open, its limit (--max-connections); this connection is closed without running its request (only the probes /_sim/v1/health and /_sim/v1/ready are answered on it)`,
      extensions: { limit: maxConnections, retryAfterSeconds: REFUSAL_RETRY_AFTER_SECONDS },
      headers: { 'retry-after': String(REFUSAL_RETRY_AFTER_SECONDS) },
    },
    newRequestId(),
    instance,
  );
}

/**
 * Caps the server's connections at `maxConnections`. A connection past it has `PAST_CAP_HEAD_MS`
 * to send its request head: a liveness or readiness probe (`GET`/`HEAD` of `/_sim/v1/health` or
 * `/_sim/v1/ready`) is then served as usual and the connection closed after it, so an
 * orchestrator does not restart a mock that is busy but healthy; any other request is answered
 * 503 `CONNECTION_LIMIT_REACHED` (problem+json, its target as `instance`, `Retry-After`,
 * `Connection: close`) without running it, and a connection that sent no head in time gets the
 * same answer without `instance`. Each is closed once its client has read the answer (or after
 * 2 s), so a client learns why instead of meeting a reset; more than `MAX_REFUSALS_AT_ONCE`
 * connections past the cap open at once, one more is closed unanswered, so a flood cannot spend
 * the descriptors the cap keeps. Node's own
 * `server.maxConnections` is not used: it closes the connection before anything can be written.
 * Logged at most once per `CONNECTION_LOG_INTERVAL_MS` each: a connection refused for the cap
 * (`warn`, `CONNECTION_LIMIT_REACHED`), and an error of the listening socket (`error`,
 * `SERVER_ERROR`: `accept` failing with `EMFILE` or `ENFILE` when the descriptors run out all the
 * same), which would otherwise end the process as an uncaught error.
 *
 * Register it before any other `connection` listener of one's own, and have the request handler
 * ask `admit` first and leave alone a request it calls `refused` (the HTTP parser still reads the
 * socket, so that closing it does not reset it while its client is sending).
 *
 * @example
 * ```ts
 * const connections = watchConnections(server, { maxConnections: 1000, log: (level, fields, message) => logger[level](fields, message) });
 * connections.open(); // 0
 * ```
 */
export function watchConnections(server: Server, options: { maxConnections: number; log?: ServerLogSink | undefined; now?: () => number }): WatchedConnections {
  const { maxConnections, log } = options;
  const now = options.now ?? Date.now;
  const interval = CONNECTION_LOG_INTERVAL_MS / 1000;
  let unanswered = 0;
  const dropped = rateLimited((suppressed) => {
    const closed = unanswered;
    unanswered = 0;
    log?.(
      'warn',
      { code: 'CONNECTION_LIMIT_REACHED', maxConnections, suppressed, unanswered: closed },
      `[CONNECTION_LIMIT_REACHED] 连接数已达上限，新连接收到 503 后关闭 / ${maxConnections} connections are open, the limit (--max-connections): ` +
        `a new connection was answered 503 CONNECTION_LIMIT_REACHED and closed${suppressed > 0 ? ` (and ${suppressed} more since the last such line)` : ''}` +
        `${closed > 0 ? `; ${closed} of them closed unanswered, ${MAX_REFUSALS_AT_ONCE} answers being under way` : ''}; ` +
        `logged at most once per ${interval} s. Clients holding idle keep-alive connections, or more clients than the limit, cause it`,
    );
  }, CONNECTION_LOG_INTERVAL_MS, now);
  const served = new Set<Socket>();
  const refusing = new Set<Socket>();
  // Connections past the cap whose request head came (or whose wait for it ended), with the timer of that wait.
  const waiting = new Map<Socket, NodeJS.Timeout>();
  /** Ends the wait for a request head on a connection past the cap: false when it had ended already. */
  const heard = (socket: Socket): boolean => {
    const timer = waiting.get(socket);
    if (timer === undefined) return false;
    clearTimeout(timer);
    waiting.delete(socket);
    return true;
  };
  const refuse = (socket: Socket, instance: string | undefined): void => {
    writeAndClose(socket, connectionLimitAnswer(maxConnections, instance));
    dropped();
  };
  server.on('connection', (socket: Socket) => {
    if (served.size < maxConnections) {
      served.add(socket);
      socket.once('close', () => served.delete(socket));
      return;
    }
    if (refusing.size >= MAX_REFUSALS_AT_ONCE) {
      unanswered += 1;
      dropped();
      socket.destroy();
      return;
    }
    refusing.add(socket);
    waiting.set(socket, setTimeout(() => heard(socket) && refuse(socket, undefined), PAST_CAP_HEAD_MS).unref());
    const linger = setTimeout(() => socket.destroy(), PAST_CAP_HEAD_MS + REFUSAL_LINGER_MS).unref();
    socket.once('close', () => {
      heard(socket);
      clearTimeout(linger);
      refusing.delete(socket);
    });
    // A reset from the client is its own business: nothing is left to tell it.
    socket.on('error', () => undefined);
  });
  let lastError: NodeJS.ErrnoException | undefined;
  const failed = rateLimited((suppressed) => {
    const error = lastError;
    const exhausted = error?.code === 'EMFILE' || error?.code === 'ENFILE';
    log?.(
      'error',
      { code: 'SERVER_ERROR', err: error, suppressed },
      `[SERVER_ERROR] 服务端套接字出错 / the listening socket failed: ${error?.message ?? 'unknown error'}` +
        (exhausted ? ` — the process ran out of file descriptors (raise ulimit -n, or lower --max-connections, now ${maxConnections})` : '') +
        `${suppressed > 0 ? ` (and ${suppressed} more since the last such line)` : ''}; logged at most once per ${interval} s`,
    );
  }, CONNECTION_LOG_INTERVAL_MS, now);
  server.on('error', (error: NodeJS.ErrnoException) => {
    lastError = error;
    failed();
  });
  return {
    open: () => served.size + refusing.size,
    served,
    pastCap: (socket) => refusing.has(socket),
    admit(req) {
      if (!refusing.has(req.socket)) return 'serve';
      // A second request on the connection (pipelined) finds it answered already: nothing more is said on it.
      if (!heard(req.socket)) return 'refused';
      const path = targetPath(req.url ?? '/');
      if (isProbe(req.method ?? 'GET', path)) return 'serve-and-close';
      refuse(req.socket, path);
      return 'refused';
    },
  };
}
