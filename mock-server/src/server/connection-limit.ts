import { readFileSync } from 'node:fs';
import type { Server } from 'node:net';

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
 * Node closes the connections past it itself, and the server logs it (`watchConnections`).
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

/**
 * Caps the server's connections at `maxConnections` (Node closes each one past it at once,
 * unanswered) and logs, at most once per `CONNECTION_LOG_INTERVAL_MS` each: a connection closed
 * for the cap (`warn`, `CONNECTION_LIMIT_REACHED`), and an error of the listening socket (`error`,
 * `SERVER_ERROR`: `accept` failing with `EMFILE` or `ENFILE` when the descriptors run out all the
 * same), which would otherwise end the process as an uncaught error.
 *
 * @example
 * ```ts
 * watchConnections(server, { maxConnections: 1000, log: (level, fields, message) => logger[level](fields, message) });
 * ```
 */
export function watchConnections(server: Server, options: { maxConnections: number; log?: ServerLogSink | undefined; now?: () => number }): void {
  const { maxConnections, log } = options;
  const now = options.now ?? Date.now;
  server.maxConnections = maxConnections;
  const interval = CONNECTION_LOG_INTERVAL_MS / 1000;
  const dropped = rateLimited((suppressed) => {
    log?.(
      'warn',
      { code: 'CONNECTION_LIMIT_REACHED', maxConnections, suppressed },
      `[CONNECTION_LIMIT_REACHED] 连接数已达上限，新连接未应答即关闭 / ${maxConnections} connections are open, the limit (--max-connections): ` +
        `a new connection was closed unanswered${suppressed > 0 ? ` (and ${suppressed} more since the last such line)` : ''}; ` +
        `logged at most once per ${interval} s. Clients holding idle keep-alive connections, or more clients than the limit, cause it`,
    );
  }, CONNECTION_LOG_INTERVAL_MS, now);
  server.on('drop', dropped);
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
}
