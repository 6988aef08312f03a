import type { IncomingMessage } from 'node:http';
import { readableHeaderValue } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { headerRefusal } from './header-refusal.js';

/**
 * The 400 answer to a request body sent with a transfer coding besides `chunked`
 * (`Transfer-Encoding: gzip, chunked`), or `undefined`. Node's parser takes such a body, undoes
 * the chunking and hands over the gzip bytes as if they were the body; a `Transfer-Encoding`
 * whose last coding is not `chunked` it refuses itself (400, `HPE_INVALID_TRANSFER_ENCODING`).
 * RFC 9112 §6.1 has a server refuse a transfer coding it does not understand.
 *
 * @example
 * ```ts
 * unsupportedTransferCoding(req)?.status; // 400 for `Transfer-Encoding: gzip, chunked`
 * ```
 */
export function unsupportedTransferCoding(req: Pick<IncomingMessage, 'headers' | 'url'>): DispatchResponse | undefined {
  const coding = req.headers['transfer-encoding'];
  if (coding === undefined || coding.trim().toLowerCase() === 'chunked') return undefined;
  const shown = readableHeaderValue(coding);
  return headerRefusal(req, 'VALIDATION_FAILED', `the server undoes no transfer coding but chunked; Transfer-Encoding: ${shown} is not accepted, and the body was not read`, {
    pointer: '/header/transfer-encoding',
    code: 'UNSUPPORTED_TRANSFER_CODING',
    message: { zh: `仅支持 Transfer-Encoding: chunked；收到 ${shown}`, en: `Only Transfer-Encoding: chunked is supported; got ${shown}` },
  });
}
