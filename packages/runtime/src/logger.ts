/**
 * What the runtime reports. Events carry no headers, bodies, secrets or signatures.
 * - `request`: an attempt starts (`attempt` 0 is the first try)
 * - `response`: an attempt got a response (any status) after `durationMs`
 * - `retry`: an attempt failed with `reason` and the next starts after `delayMs`
 * - `error`: the call failed for good (`code` is the thrown error's code)
 *
 * @example
 * ```ts
 * const event: LogEvent = { type: 'retry', operationId: 'getApplication', method: 'GET', url, attempt: 0, delayMs: 180, reason: 'HTTP 503' };
 * ```
 */
export type LogEvent =
  | (LogBase & { type: 'request' })
  | (LogBase & { type: 'response'; status: number; durationMs: number; requestId: string | null })
  | (LogBase & { type: 'retry'; delayMs: number; reason: string })
  | (LogBase & { type: 'error'; code: string; error: unknown });

interface LogBase {
  operationId: string;
  method: string;
  url: string;
  attempt: number;
}

/**
 * The logger hook, in either of two shapes:
 * - `{ onEvent(event) }` receives every {@link LogEvent} as data (for metrics or structured logs);
 * - a console-like `{ debug, info, warn, error }` receives `(message, event)`: request and
 *   response at `debug`, retry at `warn`, error at `error` (`console` itself works).
 *
 * @example
 * ```ts
 * new ApiClient({ baseUrl, logger: console });
 * new ApiClient({ baseUrl, logger: { onEvent: (e) => metrics.record(e) } });
 * ```
 */
export type Logger =
  | { onEvent(event: LogEvent): void }
  | {
      debug?(message: string, event: LogEvent): void;
      info?(message: string, event: LogEvent): void;
      warn?(message: string, event: LogEvent): void;
      error?(message: string, event: LogEvent): void;
    };

/** The single function the steps call. */
export type Emit = (event: LogEvent) => void;

/** Turns either logger shape into one {@link Emit}; `undefined` when there is no logger. */
export function toEmit(logger: Logger | undefined): Emit | undefined {
  if (logger === undefined) return undefined;
  if ('onEvent' in logger) return (event) => logger.onEvent(event);
  return (event) => {
    const level = event.type === 'retry' ? 'warn' : event.type === 'error' ? 'error' : 'debug';
    logger[level]?.(describe(event), event);
  };
}

function describe(event: LogEvent): string {
  const call = `gdx ${event.operationId} ${event.method} ${event.url}`;
  switch (event.type) {
    case 'request':
      return `${call} attempt ${event.attempt + 1}`;
    case 'response':
      return `${call} → ${event.status} in ${event.durationMs.toFixed(1)} ms`;
    case 'retry':
      return `${call} failed (${event.reason}); retry in ${event.delayMs} ms`;
    case 'error':
      return `${call} failed: ${event.code}`;
  }
}
