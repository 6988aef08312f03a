import { ResponseNotJsonError } from '../errors/response-not-json-error.js';
import type { AnswerHead } from './body-text.js';
import type { HeaderReader } from './types.js';

/**
 * The default bound of one response body, in bytes as received after decompression (64 MiB):
 * far above any page or export the platforms answer, far below what takes a Node process down.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** `maxResponseBytes` when it bounds a body (finite and > 0), else 0 (no bound). */
export function responseLimit(maxResponseBytes: number | undefined): number {
  const limit = maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return limit > 0 && Number.isFinite(limit) ? Math.floor(limit) : 0;
}

/**
 * Whether the answer's own framing keeps its body within `limit` (0: no bound): no content coding,
 * which could inflate it past the bound (and which undici's `request()` leaves to the transport),
 * and a `Content-Length` at most the bound. HTTP reads such a body to its length and no further,
 * so it is read whole (`text()`), as fast as before the bound: the platforms' answers are framed
 * so, and a chunk-by-chunk read costs each one a reader and an async iteration. `headersVisible` is false where a browser hides headers of a CORS answer
 * (`Content-Encoding` may then be set yet read as absent).
 */
export function framedWithin(headers: HeaderReader, limit: number, headersVisible = true): boolean {
  if (!headersVisible || headers.get('content-encoding') !== null) return false;
  if (limit === 0) return true;
  const length = headers.get('content-length');
  return length !== null && DIGITS.test(length) && Number(length) <= limit;
}

const DIGITS = /^\d+$/;

/**
 * The body's bytes, read chunk by chunk and given up (the source cancelled) as soon as they pass
 * `limit` (0: no bound): a platform or proxy streaming an endless body, or a small gzip body that
 * inflates to gigabytes, grew the client's memory until the attempt's timeout — or until the
 * process died — when the body was read whole with `text()`. A `Content-Length` already above
 * the bound is refused before anything is read.
 */
export async function readBounded(chunks: AsyncIterable<Uint8Array>, limit: number, answer: AnswerHead): Promise<Uint8Array> {
  const declaredTooLarge = limit > 0 && Number(answer.headers.get('content-length')) > limit;
  const parts: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early (the throw) ends the iterator, which cancels the stream.
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (declaredTooLarge || (limit > 0 && total > limit)) throw tooLarge(answer, limit);
    parts.push(chunk);
  }
  return parts.length === 1 ? (parts[0] as Uint8Array) : concat(parts, total);
}

/**
 * The chunks of a WHATWG stream (a fetch `Response.body`), cancelling it when the reader stops
 * early; `getReader`, not `for await`: Safari's streams are not async iterable.
 */
export async function* webStreamChunks(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array, void, undefined> {
  if (stream === null) return;
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function tooLarge(answer: AnswerHead, limit: number): ResponseNotJsonError {
  const { operationId, status, headers } = answer;
  return new ResponseNotJsonError({ operationId, status, contentType: headers.get('content-type'), body: '', reason: 'too-large', limitBytes: limit });
}
