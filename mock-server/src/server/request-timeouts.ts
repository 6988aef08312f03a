import type { IncomingMessage, ServerOptions as NodeServerOptions } from 'node:http';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { targetPath } from './request-gate.js';

/**
 * How long the HTTP server waits for a request to arrive, and for its answer to be read
 * (`ServerOptions.timeouts`). Node's own
 * defaults let a client that sends its body a byte at a time hold a connection for 300 s, and
 * one that never finishes its headers for 60 s: a few such clients hold connections the
 * `maxConnections` cap counts.
 */
export interface RequestTimeouts {
  /**
   * The whole request, head and body, from its first byte (ms; `--request-timeout`). The time the
   * app takes to answer is not counted: an injected latency is not cut.
   */
  readonly requestMs: number;
  /**
   * The request head (request line and headers), from its first byte, or from the opening of a
   * connection that has sent nothing yet (ms; `--headers-timeout`). At most `requestMs`.
   */
  readonly headersMs: number;
  /**
   * How long a client may take no byte of its answers once one is written (ms;
   * `--response-timeout`; default `DEFAULT_ANSWER_TIMEOUT_MS`, 60 s). A client that stops reading
   * has its connection cut between `answerMs` and twice that after it stopped: the unread answer
   * would otherwise stay in memory for as long as the client keeps the connection open. One that
   * keeps reading is not cut, however long its answer takes, if the kernel takes some of it in
   * each `answerMs` (see `answerTimeout`).
   */
  readonly answerMs?: number;
}

/** 30 s for a request (a 64 MiB sandbox import then needs about 2.2 MB/s), 10 s for its head. */
export const DEFAULT_REQUEST_TIMEOUTS: Readonly<RequestTimeouts> = { requestMs: 30_000, headersMs: 10_000 };

/**
 * How often Node looks for expired requests at most (ms). Its default, 30 s, would let a 10 s
 * head timeout fire anywhere between 10 and 40 s; a look per second costs a walk of the
 * connections receiving a request, nothing for the idle ones.
 */
const CHECK_INTERVAL_MS = 1_000;

/**
 * The `node:http` server options that enforce `timeouts`, checked: each a positive whole number of
 * milliseconds, the head's at most the request's (Node throws otherwise, with a message that
 * names neither flag).
 *
 * @example
 * ```ts
 * timeoutServerOptions({ requestMs: 30_000, headersMs: 10_000 }); // { requestTimeout: 30000, headersTimeout: 10000, connectionsCheckingInterval: 1000 }
 * ```
 */
export function timeoutServerOptions(timeouts: Readonly<RequestTimeouts>): Pick<NodeServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'> {
  const { requestMs, headersMs } = timeouts;
  for (const [name, value] of [['requestMs', requestMs], ['headersMs', headersMs]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`timeouts.${name} must be a positive integer, got ${String(value)}`);
  }
  if (headersMs > requestMs) throw new RangeError(`timeouts.headersMs (${headersMs}) must not exceed timeouts.requestMs (${requestMs})`);
  // Sub-second timeouts (tests) are checked at a quarter of the shorter one, so they fire on time too.
  return { requestTimeout: requestMs, headersTimeout: headersMs, connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, Math.max(1, Math.floor(headersMs / 4))) };
}

/** Seconds as a person reads them: `10`, `0.3`. */
const seconds = (ms: number): string => String(ms / 1000);

/**
 * The answer to a request that did not arrive in time: 408 `REQUEST_TIMEOUT` problem+json (the
 * caller closes the connection). `req` is the request whose head was read and whose body was
 * late (its target is the `instance`), or `undefined` when the head itself was late, or never
 * began on a new connection (no `instance` then).
 *
 * @example
 * ```ts
 * requestTimeoutAnswer(DEFAULT_REQUEST_TIMEOUTS, undefined).status; // 408
 * ```
 */
export function requestTimeoutAnswer(timeouts: Readonly<RequestTimeouts>, req: Pick<IncomingMessage, 'url'> | undefined): DispatchResponse {
  const detail =
    req === undefined
      ? `the request head (request line and headers) did not arrive within ${seconds(timeouts.headersMs)} s (--headers-timeout); nothing was run and the connection is closed`
      : `the request body did not arrive within ${seconds(timeouts.requestMs)} s of the request's first byte (--request-timeout); nothing was run and the connection is closed`;
  return problemResponse('REQUEST_TIMEOUT', { detail }, newRequestId(), req === undefined ? undefined : targetPath(req.url ?? '/'));
}
