import { readFileSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { writeAndClose } from './client-error.js';
import { DEFAULT_LINGER } from './lingering-close.js';

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

/** How many connections past the cap are answered at once; past it, one more is closed unanswered (each answered one holds a descriptor until its client has read the answer). */
export const MAX_REFUSALS_AT_ONCE = 16;

/** How long a connection answered for the cap is kept for its client to read the answer, at most (ms). */
const REFUSAL_LINGER_MS = DEFAULT_LINGER.maxMs;

/** Seconds a client refused for the cap (or a stop) is told to wait (`Retry-After`). */
export const REFUSAL_RETRY_AFTER_SECONDS = 1;

/** The connections of a server, as `watchConnections` keeps them. */
export interface WatchedConnections {
  /** Connections open now, refused ones included (what `GET /_sim/v1/health` shows). */
  open(): number;
  /** The connections served now (not those being refused for the cap). */
  readonly served: ReadonlySet<Socket>;
  /** Whether the socket was answered 503 for the cap: its request, if one is parsed, is not to be answered. */
  refused(socket: Socket): boolean;
}

/**
 * The answer to a connection past the cap: 503 `CONNECTION_LIMIT_REACHED` problem+json with the
 * cap as `limit`, `Retry-After` and `Connection: close`. Written before any request is read, so it
 * has no `instance`.
 */
function connectionLimitAnswer(maxConnections: number): DispatchResponse {
  return problemResponse(
    'CONNECTION_LIMIT_REACHED',
    {
      detail: `the server has ${maxConnections} connections open, its limit (--max-connections); this connection is closed without reading its request`,
      extensions: { limit: maxConnections, retryAfterSeconds: REFUSAL_RETRY_AFTER_SECONDS },
      headers: { 'retry-after': String(REFUSAL_RETRY_AFTER_SECONDS) },
    },
    newRequestId(),
    undefined,
  );
}

/**
 * Caps the server's connections at `maxConnections`: a connection past it is answered at once,
 * without reading its request, with 503 `CONNECTION_LIMIT_REACHED` (problem+json, `Retry-After`,
 * `Connection: close`) and closed once its client has read it (or after 2 s), so a client learns
 * why instead of meeting a reset; more than `MAX_REFUSALS_AT_ONCE` such answers under way, one more
 * is closed unanswered, so a flood cannot spend the descriptors the cap keeps. Node's own
 * `server.maxConnections` is not used: it closes the connection before anything can be written.
 * Logged at most once per `CONNECTION_LOG_INTERVAL_MS` each: a connection refused for the cap
 * (`warn`, `CONNECTION_LIMIT_REACHED`), and an error of the listening socket (`error`,
 * `SERVER_ERROR`: `accept` failing with `EMFILE` or `ENFILE` when the descriptors run out all the
 * same), which would otherwise end the process as an uncaught error.
 *
 * Register it before any other `connection` listener of one's own, and have the request handler
 * leave alone a request on a socket `refused` names (the HTTP parser still reads it, so that
 * closing the socket does not reset it while its client is sending).
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
    const linger = setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS).unref();
    socket.once('close', () => {
      clearTimeout(linger);
      refusing.delete(socket);
    });
    // A reset from the client is its own business: nothing is left to tell it.
    socket.on('error', () => undefined);
    writeAndClose(socket, connectionLimitAnswer(maxConnections));
    dropped();
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
  return { open: () => served.size + refusing.size, served, refused: (socket) => refusing.has(socket) };
}
