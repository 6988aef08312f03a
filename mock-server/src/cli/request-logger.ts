import { createRequire } from 'node:module';
import { formatShanghaiInstant } from '@gdx/calendar';
import type { Logger } from 'pino';
import type { RequestLogSink } from '../server/request-log.js';
import { serializeError } from './log-error.js';

// Required, not imported: pino is CommonJS, and Node's ES loader reads such a module's whole text
// for its export names (cjs-module-lexer, cold at every start) before it runs it (issue 12).
const { pino } = createRequire(import.meta.url)('pino') as typeof import('pino');

/** The levels of `--log-level`, most severe first; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The formats of `--log-format`: `auto` is `pretty` on a terminal, `json` otherwise. */
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Settings of the `gdx-mock` logger. */
export interface LogSettings {
  level: LogLevel;
  format: LogFormat;
}

/** Where the logger writes: stdout in the CLI, a buffer in tests. */
export interface LogOutput {
  write(text: string): unknown;
  /** A terminal gets the pretty format under `auto`. */
  readonly isTTY?: boolean;
}

/**
 * The logger of `gdx-mock`: pino, one JSON object per line (`time` in Asia/Shanghai), or with the
 * pretty format, each line formatted by pino-pretty's `prettyFactory` and written synchronously in
 * this thread (no worker transport: lines come out in order with the answers, and a stopping
 * process loses none).
 *
 * @example
 * ```ts
 * const logger = createLogger({ level: 'info', format: 'json' }, process.stdout);
 * logger.info({ port: 4010 }, 'listening');
 * ```
 */
export function createLogger(settings: LogSettings, output: LogOutput): Logger {
  const usePretty = writesPretty(settings.format, output);
  const options = {
    level: settings.level,
    // No pid and hostname on every line: one mock process writes them all.
    base: null,
    timestamp: () => `,"time":"${formatShanghaiInstant(Date.now(), { milliseconds: true })}"`,
    serializers: { err: serializeError },
  };
  if (!usePretty) return pino(options, { write: (line: string) => output.write(line) });
  // Loaded only for the pretty format (~30 ms of CPU): a start writing JSON lines, as under
  // docker, CI or the tests, never needs it (issue 12).
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  const prettify = prettyFactory({
    colorize: output.isTTY === true,
    translateTime: false,
    // The message already says all of it in one line.
    ignore: 'requestId,sandboxId,organizationId,operationId,problemCode,durationMs,method,path,status,remoteAddress',
  });
  return pino(options, { write: (line: string) => output.write(prettify(line)) });
}

/**
 * Whether `format` writes for a human on `output`: `pretty`, or `auto` on a terminal. The start-up
 * refusals decide with it too, so they take the shape of the log around them.
 *
 * @example
 * ```ts
 * writesPretty('auto', process.stderr); // true in a terminal, false under docker or a pipe
 * ```
 */
export function writesPretty(format: LogFormat, output: LogOutput): boolean {
  return format === 'pretty' || (format === 'auto' && output.isTTY === true);
}

/**
 * The level of an answer's log line: server errors `error`, refusals `warn`, the rest `info`. A
 * 503 `SHUTTING_DOWN` is a refusal too: every stop answers the requests arriving while it drains
 * so, by design — at `error` a restart under load logged a thousand errors to page someone about.
 */
function levelOf(status: number, problemCode: string | null): 'error' | 'warn' | 'info' {
  if (problemCode === 'SHUTTING_DOWN') return 'warn';
  if (status >= 500 || status === 0) return 'error';
  return status >= 400 ? 'warn' : 'info';
}

/**
 * A request log sink writing one line per answered request through `logger`: the fields
 * (`requestId`, `sandboxId`, `organizationId`, `method`, `path`, `operationId`, `status`,
 * `problemCode`, `durationMs`, `remoteAddress`) as members of the JSON line, and a message that
 * reads well in the pretty format: `POST /registration/v1/applications 401 SIGNATURE_INVALID 1.4 ms
 * default org_… submitApplication req_… from 127.0.0.1`. Refusals (and a stop's 503 `SHUTTING_DOWN`) log at `warn` and server errors at `error`, so
 * `--log-level warn` shows only what went wrong. `undefined` when the logger's level writes no
 * request line (`fatal`, `silent`): the server then neither times requests nor builds entries.
 *
 * @example
 * ```ts
 * await startServer(app, { requestLog: requestLogSink(createLogger({ level: 'info', format: 'json' }, process.stdout)) });
 * ```
 */
export function requestLogSink(logger: Logger): RequestLogSink | undefined {
  if (!logger.isLevelEnabled('error')) return undefined;
  return (entry) => {
    const level = levelOf(entry.status, entry.problemCode);
    if (!logger.isLevelEnabled(level)) return;
    const durationMs = Math.round(entry.durationMs * 1000) / 1000;
    const from = entry.remoteAddress === null ? null : `from ${entry.remoteAddress}`;
    const parts = [entry.method, entry.path, String(entry.status), entry.problemCode, `${durationMs} ms`, entry.sandboxId, entry.organizationId, entry.operationId, entry.requestId, from];
    logger[level]({ ...entry, durationMs }, parts.filter((part) => part !== null).join(' '));
  };
}
