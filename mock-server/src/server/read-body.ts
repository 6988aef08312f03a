import type { IncomingMessage } from 'node:http';

/** Reading stopped at the body limit. */
export const TOO_LARGE = Symbol('too large');

/** What `readBody` needs of a request: its events, and `pause` to stop it at the limit. */
export type BodyStream = Pick<IncomingMessage, 'on' | 'off' | 'once' | 'pause' | 'headers'>;

const EMPTY = Buffer.alloc(0);

/**
 * Collects a request body with plain listeners (an async iterator per request costs more than the
 * read), counting bytes: past `maxBytes` it stops listening and pauses the stream, so a chunked
 * body without `Content-Length` is cut off at the limit instead of buffered. A body of one chunk
 * (nearly all of them) is handed over as it came; from the second chunk on, the chunks are copied
 * into one buffer that doubles as it fills (sized from `Content-Length` when there is one), not
 * kept in a list: Node makes a `Buffer` view for each piece of a chunked body, and a 1 MiB body
 * sent in 1-byte chunks (`1\r\nx\r\n`, 6 MB on the wire) held a million of them — 430 MB of heap
 * for one request.
 *
 * @example
 * ```ts
 * const body = await readBody(req, 1_048_576); // a Buffer, or TOO_LARGE
 * ```
 */
export function readBody(req: BodyStream, maxBytes: number): Promise<Buffer | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let joined: Buffer | undefined;
    let total = 0;
    const onData = (chunk: Buffer): void => {
      const at = total;
      total += chunk.byteLength;
      if (total > maxBytes) {
        req.off('data', onData);
        req.pause();
        first = joined = undefined;
        resolve(TOO_LARGE);
        return;
      }
      if (first === undefined && joined === undefined) {
        first = chunk;
        return;
      }
      if (joined === undefined || total > joined.byteLength) {
        const grown = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(total, 2 * (joined?.byteLength ?? 0), declaredLength(req) ?? 0, 16_384)));
        (joined ?? (first as Buffer)).copy(grown, 0, 0, at);
        joined = grown;
        first = undefined;
      }
      chunk.copy(joined, at);
    };
    req.on('data', onData);
    req.once('end', () => resolve(joined !== undefined ? joined.subarray(0, total) : (first ?? EMPTY)));
    req.once('error', reject);
  });
}

/**
 * The announced body length, or `undefined` (chunked, or no body).
 *
 * @example
 * ```ts
 * declaredLength({ headers: { 'content-length': '12' } }); // 12
 * ```
 */
export function declaredLength(req: Pick<IncomingMessage, 'headers'>): number | undefined {
  const length = req.headers['content-length'];
  return length === undefined ? undefined : Number(length);
}
