import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONNECTION_LOG_INTERVAL_MS, rateLimited, type ServerLogSink } from './connection-limit.js';
import { targetPath } from './request-gate.js';

/** 60 s for a client to take its answer: a 90 MB sandbox snapshot then needs about 1.5 MB/s. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 60_000;

/** Closes the connections of clients that do not take their answers in time (`watchAnswer`). */
export interface AnswerTimeout {
  /**
   * Watches an answer just ended on `res`: if the client has not taken all of it within the
   * timeout (the socket has not handed its last byte to the kernel), its connection is destroyed
   * and the server log told (at most once per 10 s, with the count of those not told).
   * `unwritten` counts the bytes of an answer written in parts not handed to `res` yet.
   */
  watch(req: IncomingMessage, res: ServerResponse, requestId: string | undefined, unwritten?: () => number): void;
}

/**
 * The answer timeout of a server. An answer is written whole (`res.end(body)`), and the bytes a
 * client does not read stay in the process: a client that stops reading a large answer (a
 * sandbox snapshot, a page of the request journal) held it for as long as it kept its
 * connection — eight that never read a 90 MB snapshot held 1.9 GB, which the memory guard (the
 * heap only) does not see. Past `timeoutMs` the connection is cut, which frees it.
 *
 * @example
 * ```ts
 * const answers = answerTimeout(60_000, (level, fields, message) => console[level](fields, message));
 * res.end(body);
 * answers.watch(req, res, 'req_0f3c…');
 * ```
 */
export function answerTimeout(timeoutMs: number, log: ServerLogSink | undefined): AnswerTimeout {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError(`timeouts.answerMs must be a positive integer, got ${String(timeoutMs)}`);
  let fields: Readonly<Record<string, unknown>> = {};
  const report = rateLimited(
    (suppressed) =>
      log?.(
        'warn',
        { ...fields, ...(suppressed > 0 ? { suppressed } : {}) },
        `[ANSWER_TIMEOUT] closed a connection whose client had not read its answer ${timeoutMs / 1000} s after it was written (--response-timeout): ${String(fields['unsentBytes'])} bytes of ${String(fields['method'])} ${String(fields['path'])} (${String(fields['requestId'])}) were still unsent${suppressed > 0 ? `; ${suppressed} more closed so since the last such line` : ''}`,
      ),
    CONNECTION_LOG_INTERVAL_MS,
    Date.now,
  );
  return {
    watch(req, res, requestId, unwritten) {
      if (res.writableFinished) return;
      const timer = setTimeout(() => {
        if (res.writableFinished) return;
        // The request's socket: an answer queued behind an earlier one of a pipelining client has none of its own yet.
        const { socket } = req;
        fields = {
          requestId: requestId ?? null,
          method: req.method ?? null,
          path: targetPath(req.url ?? '/'),
          remoteAddress: socket.remoteAddress ?? null,
          unsentBytes: res.writableLength + (unwritten?.() ?? 0),
        };
        socket.destroy();
        report();
      }, timeoutMs);
      // A waiting answer must not keep a stopping process alive: the drain cuts its connection anyway.
      timer.unref();
      const stop = (): void => clearTimeout(timer);
      res.once('finish', stop);
      res.once('close', stop);
    },
  };
}
