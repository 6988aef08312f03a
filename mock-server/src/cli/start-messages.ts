import { LOG_FORMATS, createLogger, writesPretty, type LogFormat, type LogOutput } from './request-logger.js';
import { listenRefusalMessage } from './listen-refusal.js';
import { ENV_PREFIX } from './mock-flags.js';

/** Why `gdx-mock` did not start, in the terms an operator (or a log pipeline) reads. */
export interface StartRefusal {
  /** A stable code: the error's own (`DATA_DIR_DAMAGED`, `EADDRINUSE`), `INVALID_OPTION` for a usage mistake, `START_FAILED` for anything else. */
  readonly code: string;
  /** The message, in Chinese and English where the error has both. */
  readonly message: string;
  /** The file or directory at fault, when the error names one. */
  readonly path?: string;
  /** 2 for a usage mistake, 1 for a start that failed. */
  readonly exitCode: 1 | 2;
  /** An error without a stable code: its stack is written too (it is a defect, not the user's to fix). */
  readonly unexpected?: Error;
}

/**
 * The refusal of a command line or variable that `parseCli` rejected.
 *
 * @example
 * ```ts
 * optionRefusal('--port must be 0–65535: x'); // { code: 'INVALID_OPTION', message: '--port must be 0–65535: x', exitCode: 2 }
 * ```
 */
export function optionRefusal(message: string): StartRefusal {
  return { code: 'INVALID_OPTION', message, exitCode: 2 };
}

/**
 * The refusal of a start that threw `error`: errors with a stable `code` (a damaged or taken data
 * directory, a bad profile file, a taken port) are the user's to fix; anything else is unexpected.
 *
 * @example
 * ```ts
 * startRefusal(new DataDirInUseError('.gdx-data')); // { code: 'DATA_DIR_IN_USE', path: '.gdx-data', exitCode: 1, message: '[DATA_DIR_IN_USE] …' }
 * ```
 */
export function startRefusal(error: unknown): StartRefusal {
  if (!(error instanceof Error)) return { code: 'START_FAILED', message: String(error), exitCode: 1 };
  const { code, path, messageZh } = error as Error & { code?: unknown; path?: unknown; messageZh?: unknown };
  if (typeof code !== 'string') return { code: 'START_FAILED', message: error.message, exitCode: 1, unexpected: error };
  const listenMessage = listenRefusalMessage(error);
  if (listenMessage !== undefined) return { code, message: listenMessage, exitCode: 1 };
  // A profile error carries its Chinese apart; the data directory's errors have both in the message.
  const message = typeof messageZh === 'string' && !error.message.includes(messageZh) ? `${messageZh} / ${error.message}` : error.message;
  return { code, message, ...(typeof path === 'string' ? { path } : {}), exitCode: 1 };
}

/**
 * Writes a refusal to `output` (stderr) in the shape of the log: one pino JSON line at `fatal`
 * (`code`, `path`, `msg`; `err` with the stack of an unexpected error) where the log is JSON
 * lines, so a log pipeline parses it like any other line; the text it always was on a terminal
 * (or with `--log-format pretty`). Written whatever `--log-level` says: the process is about to exit.
 *
 * @example
 * ```ts
 * writeRefusal(startRefusal(error), 'json', process.stderr);
 * // {"level":60,"time":"…","code":"DATA_DIR_IN_USE","path":".gdx-data","msg":"[DATA_DIR_IN_USE] 数据目录正被另一进程使用… / the data directory .gdx-data is in use…"}
 * ```
 */
export function writeRefusal(refusal: StartRefusal, format: LogFormat, output: LogOutput): void {
  if (writesPretty(format, output)) {
    const text = refusal.unexpected?.stack ?? refusal.message;
    const hint = refusal.exitCode === 2 ? '\n\nRun gdx-mock --help for the options and their variables.' : '';
    output.write(`gdx-mock: ${text}${hint}\n`);
    return;
  }
  const message = refusal.code === 'INVALID_OPTION' ? `[INVALID_OPTION] 启动选项有误 / ${refusal.message} (gdx-mock --help lists the options and their variables)` : refusal.message;
  const fields = { code: refusal.code, ...(refusal.path !== undefined ? { path: refusal.path } : {}), exitCode: refusal.exitCode, ...(refusal.unexpected ? { err: refusal.unexpected } : {}) };
  createLogger({ level: 'fatal', format: 'json' }, output).fatal(fields, message);
}

/**
 * Writes a warning of the start (an exposed control plane, a sandbox flag the data directory
 * overrides, a calendar near its end) to `output` (stderr) in the shape of the log, as
 * `writeRefusal` does: one pino JSON line at `warn` where the log is JSON lines, the text
 * `gdx-mock: warning: …` on a terminal. Written whatever `--log-level` says, as it always was.
 *
 * @example
 * ```ts
 * writeStartWarning('--seed 7 is not applied: …', 'json', process.stderr); // {"level":40,"time":"…","msg":"--seed 7 is not applied: …"}
 * ```
 */
export function writeStartWarning(message: string, format: LogFormat, output: LogOutput): void {
  if (writesPretty(format, output)) output.write(`gdx-mock: warning: ${message}\n`);
  else createLogger({ level: 'warn', format: 'json' }, output).warn(message);
}

/**
 * The `--log-format` a command line asks for, read leniently: a refusal of the command line itself
 * still takes the log's shape. `auto` when none is given or the one given is not a format.
 *
 * @example
 * ```ts
 * requestedLogFormat(['--port', 'x', '--log-format=json'], {}); // 'json'
 * requestedLogFormat([], { GDX_MOCK_LOG_FORMAT: 'pretty' });    // 'pretty'
 * ```
 */
export function requestedLogFormat(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LogFormat {
  let given: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === '--log-format') given = argv[index + 1];
    else if (arg.startsWith('--log-format=')) given = arg.slice('--log-format='.length);
  });
  given ??= env[`${ENV_PREFIX}LOG_FORMAT`] || undefined;
  return (LOG_FORMATS as readonly string[]).includes(given ?? '') ? (given as LogFormat) : 'auto';
}
