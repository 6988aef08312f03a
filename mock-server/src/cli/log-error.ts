import { createRequire } from 'node:module';

// Required, not imported: see request-logger.ts (a CommonJS module imported costs every start its lexing).
const { stdSerializers } = createRequire(import.meta.url)('pino') as typeof import('pino');

/** A cause as the `err` field of a log line carries it: its own stack is already in `err.stack`. */
export interface LoggedCause {
  type: string;
  message: string;
  code?: unknown;
  cause?: LoggedCause;
}

/**
 * The `err` serializer of the `gdx-mock` logger: pino's own (type, `stack` with each cause's
 * `caused by:` stack, the error's enumerable fields such as `code`), with two changes. `message`
 * adds a cause's message only when the error's own does not already say it: pino's appends every
 * cause, and our errors quote their cause (`could not write to d/store.sqlite: attempt to write a
 * readonly database`), which then read twice. And `cause` keeps each cause's type, message and
 * `code` (`SQLITE_READONLY`) as fields a log query can match.
 *
 * @example
 * ```ts
 * pino({ serializers: { err: serializeError } });
 * ```
 */
export function serializeError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error) as unknown;
  if (!(error instanceof Error) || typeof serialized !== 'object' || serialized === null) return serialized;
  let message = error.message;
  for (let cause = causeOf(error), seen = new Set<unknown>([error]); cause !== undefined && !seen.has(cause); cause = causeOf(cause)) {
    seen.add(cause);
    if (!message.includes(cause.message)) message = `${message}: ${cause.message}`;
  }
  const cause = causeOf(error);
  return Object.assign(serialized, { message }, cause ? { cause: loggedCause(cause, new Set([error])) } : {});
}

function causeOf(error: Error): Error | undefined {
  return error.cause instanceof Error ? error.cause : undefined;
}

function loggedCause(error: Error, seen: Set<Error>): LoggedCause {
  seen.add(error);
  const code = (error as { code?: unknown }).code;
  const next = causeOf(error);
  return {
    type: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(next !== undefined && !seen.has(next) ? { cause: loggedCause(next, seen) } : {}),
  };
}
