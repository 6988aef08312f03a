import { pipeline, type Readable, type Transform } from 'node:stream';
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
 * `body` decompressed from its `Content-Encoding` (codings applied in order, undone in reverse),
 * for a transport whose HTTP client decompresses nothing (undici's `request()`): a proxy or
 * gateway that compresses whatever the request asked (no `Accept-Encoding`) made every answer,
 * error pages too, read as binary "not JSON". zlib's errors, a truncated stream's ("unexpected
 * end of file") included, come out of the returned stream for `bodyReadFailure` to name. A coding
 * this runtime cannot undo (`zstd`, `compress`) is a `ResponseNotJsonError` of reason
 * `content-encoding`.
 */
export function decompressed(body: Readable, answer: AnswerHead): Readable {
  const header = answer.headers.get('content-encoding');
  if (header === null) return body;
  const codings = header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return body;
  const unknown = codings.find((coding) => DECOMPRESSORS[coding] === undefined);
  if (unknown !== undefined) {
    // Its socket is not read on; undici's abort error on destroy has nobody else to tell.
    body.once('error', () => undefined).destroy();
    throw unsupported(answer, unknown);
  }
  const stages = codings.reverse().map((coding) => (DECOMPRESSORS[coding] as () => Transform)());
  // The last stage carries any stage's error (pipeline destroys them all); nothing else to do here.
  return pipeline([body, ...stages], () => undefined) as unknown as Readable;
}

function unsupported(answer: AnswerHead, coding: string): ResponseNotJsonError {
  const { operationId, status, headers } = answer;
  const cause = new Error(`unsupported content coding ${coding} (gzip, deflate and br are)`);
  return new ResponseNotJsonError({ operationId, status, contentType: headers.get('content-type'), body: '', reason: 'content-encoding', encoding: coding }, { cause });
}
