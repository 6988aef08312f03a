import { pipeline, Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ResponseNotJsonError } from '../errors/response-not-json-error.js';
import type { AnswerHead } from './body-text.js';

/** The content codings a body is decompressed from, as `fetch` does (`x-gzip` is gzip, RFC 9110 §8.4.1.3). */
const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The chunks of `body` decompressed from its `Content-Encoding` (codings applied in order, undone
 * in reverse), for a transport whose HTTP client decompresses nothing (undici's `request()`): a
 * proxy or gateway that compresses whatever the request asked (no `Accept-Encoding`) made every
 * answer, error pages too, read as binary "not JSON". zlib's errors, a truncated stream's
 * ("unexpected end of file") included, are thrown for `bodyReadFailure` to name. An empty body
 * is empty whatever its `Content-Encoding` says (a `204` with the header, as servers send it). A
 * coding this runtime cannot undo (`zstd`, `compress`) is a `ResponseNotJsonError` of reason
 * `content-encoding`.
 */
export function decompressed(body: Readable, answer: AnswerHead): AsyncIterable<Uint8Array> {
  const codings = contentCodings(answer.headers.get('content-encoding'));
  return codings.length === 0 ? body : decompressing(body, codings, answer);
}

async function* decompressing(body: Readable, codings: string[], answer: AnswerHead): AsyncGenerator<Uint8Array, void, undefined> {
  const source: AsyncIterator<Uint8Array> = body[Symbol.asyncIterator]();
  const first = await source.next();
  if (first.done === true) return;
  const unknown = codings.find((coding) => DECOMPRESSORS[coding] === undefined);
  if (unknown !== undefined) {
    await source.return?.();
    throw unsupported(answer, unknown);
  }
  async function* compressed(): AsyncGenerator<Uint8Array, void, undefined> {
    yield first.value;
    yield* { [Symbol.asyncIterator]: () => source };
  }
  // Any stage's error comes out of the last one (pipeline destroys them all), and ending the
  // iteration early destroys them and the body.
  let output: Readable = Readable.from(compressed(), { objectMode: false });
  for (const coding of codings.reverse()) output = pipeline(output, (DECOMPRESSORS[coding] as () => Transform)(), () => undefined);
  yield* output;
}

/** The codings of a `Content-Encoding` header, lower-cased, `identity` left out. */
function contentCodings(header: string | null): string[] {
  if (header === null) return [];
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

function unsupported(answer: AnswerHead, coding: string): ResponseNotJsonError {
  const { operationId, status, headers } = answer;
  const cause = new Error(`unsupported content coding ${coding} (gzip, deflate and br are)`);
  return new ResponseNotJsonError({ operationId, status, contentType: headers.get('content-type'), body: '', reason: 'content-encoding', encoding: coding }, { cause });
}
