import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CONNECTION_LOG_INTERVAL_MS, rateLimited, type ServerLogSink } from './connection-limit.js';
import { targetPath } from './request-gate.js';

/** 60 s for a client to take any of its answer: one that stops reading is cut 60–120 s after it stopped. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 60_000;

/** Closes the connections of clients that stop taking their answers (`watch`). */
export interface AnswerTimeout {
  /**
   * Watches an answer just ended on `res` until the client has taken all of it (the socket has
   * handed its last byte to the kernel). Once the client has taken nothing of its connection's
   * answers for a whole `timeoutMs` (checked every `timeoutMs`, so between `timeoutMs` and twice
   * that after it last took a byte), its connection is destroyed and the server log told (at
   * most once per 10 s, with the count of those not told). A client that keeps reading is not
   * cut, however long the answer takes, if the kernel takes some of it in each `timeoutMs`: it
   * takes it in steps (on Linux, once its send buffer is a third empty, about 1.6 MB with the
   * usual 4 MB buffer), so from about 30 kB/s at 60 s. `unwritten` counts the bytes of an answer
   * written in parts (a sandbox's export) not handed to `res` yet.
   */
  watch(req: IncomingMessage, res: ServerResponse, requestId: string | undefined, unwritten?: () => number): void;
}

/**
 * The answer timeout of a server. An answer is written whole (`res.end(body)`), and the bytes a
 * client does not read stay in the process: a client that stops reading a large answer (a
 * sandbox snapshot, a page of the request journal) held it for as long as it kept its
 * connection — eight that never read a 90 MB snapshot held 1.9 GB, which the memory guard (the
 * heap only) does not see. A connection whose client takes nothing for `timeoutMs` is cut, which
 * frees it; a slow reader of a large answer is not, however long it takes (`watch`).
 *
 * One timer per answer still in the process after `end()` (none for one the kernel took at
 * once), which looks at the connection's progress when it fires and is re-armed if the client
 * took anything since: no listener per chunk.
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
        `[ANSWER_TIMEOUT] closed a connection whose client had taken none of its answer for ${timeoutMs / 1000} s (--response-timeout): ${String(fields['unsentBytes'])} bytes of ${String(fields['method'])} ${String(fields['path'])} (${String(fields['requestId'])}) were still unsent${suppressed > 0 ? `; ${suppressed} more closed so since the last such line` : ''}`,
      ),
    CONNECTION_LOG_INTERVAL_MS,
    Date.now,
  );
  return {
    watch(req, res, requestId, unwritten) {
      if (res.writableFinished) return;
      // The request's socket: an answer queued behind an earlier one of a pipelining client has
      // none of its own yet, and the client reading that earlier one is progress towards it.
      const { socket } = req;
      let last = progressOf(socket);
      const check = (): void => {
        if (res.writableFinished) return;
        const now = progressOf(socket);
        if (now.pending !== last.pending || now.untaken !== last.untaken) {
          last = now;
          timer.refresh();
          return;
        }
        fields = {
          requestId: requestId ?? null,
          method: req.method ?? null,
          path: targetPath(req.url ?? '/'),
          remoteAddress: socket.remoteAddress ?? null,
          unsentBytes: unsentBytes(res, socket, now) + (unwritten?.() ?? 0),
        };
        socket.destroy();
        report();
      };
      const timer = setTimeout(check, timeoutMs);
      // A waiting answer must not keep a stopping process alive: the drain cuts its connection anyway.
      timer.unref();
      const stop = (): void => clearTimeout(timer);
      res.once('finish', stop);
      res.once('close', stop);
    },
  };
}

/** Where a connection's sending stands: any change between two looks means its client took bytes. */
interface Progress {
  /** Bytes written to the socket whose write has not completed (`writableLength`): moves when a whole write is taken. */
  readonly pending: number;
  /** Bytes of the socket's current write not yet taken by the kernel: moves as the client reads within one write. */
  readonly untaken: number | undefined;
}

function progressOf(socket: Socket): Progress {
  return { pending: socket.writableLength, untaken: untakenBytes(socket) };
}

/**
 * The bytes of a socket's write in progress that the kernel has not taken yet: libuv's write
 * queue, which shrinks as the client reads. An answer is one write (`end(body)`), and neither
 * `writableLength` nor `bytesWritten` moves until all of it is taken, so without this a 90 MB
 * answer read at 1 MB/s would look stalled for 90 s. Node's own socket timeout reads the same
 * undocumented `writeQueueSize` of the socket's handle for the same reason (`Socket#_onTimeout`);
 * where it is missing (a destroyed socket, a Node that drops it) only whole writes count.
 */
function untakenBytes(socket: Socket): number | undefined {
  const queued = (socket as Socket & { _handle?: { writeQueueSize?: unknown } | null })._handle?.writeQueueSize;
  return typeof queued === 'number' ? queued : undefined;
}

/**
 * The bytes of `res` the kernel has not taken: all of them for an answer still queued behind an
 * earlier one, else its written bytes less what the kernel took of the socket's write in
 * progress (one write at a time, so that write is all of the socket's `writableLength`).
 */
function unsentBytes(res: ServerResponse, socket: Socket, progress: Progress): number {
  if (res.socket !== socket || progress.untaken === undefined) return res.writableLength;
  return res.writableLength - (progress.pending - Math.min(progress.untaken, progress.pending));
}
