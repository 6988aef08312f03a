import { requestId as newRequestId } from '@gdx/protocol';
import type { Duplex } from 'node:stream';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';

/** The `clientError` code of Node's parser for the HTTP/2 connection preface (`PRI * HTTP/2.0`). */
export const HTTP2_PREFACE_ERROR = 'HPE_PAUSED_H2_UPGRADE';

/** HTTP/2 error code HTTP_1_1_REQUIRED (RFC 9113 §7): "use HTTP/1.1 instead". */
const HTTP_1_1_REQUIRED = 0xd;
const FRAME_SETTINGS = 0x4;
const FRAME_GOAWAY = 0x7;
const DEBUG_TEXT = 'gdx-mock speaks HTTP/1.1 only: send HTTP/1.1 (Java HttpClient.Version.HTTP_1_1; curl without --http2-prior-knowledge)';

/** One HTTP/2 frame on stream 0 (RFC 9113 §4.1): 24-bit length, type, no flags, then the payload. */
function frame(type: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.byteLength, 0, 3);
  head.writeUInt8(type, 3);
  return Buffer.concat([head, payload]);
}

/**
 * What the mock answers a client that starts HTTP/2 with prior knowledge (`curl
 * --http2-prior-knowledge`, OkHttp's `H2_PRIOR_KNOWLEDGE`, gRPC over `http://`): in HTTP/2, since
 * such a client reads no HTTP/1.1. The server's preface (an empty SETTINGS, RFC 9113 §3.4) and a
 * GOAWAY with HTTP_1_1_REQUIRED whose debug data says what to send instead — where Node's bare
 * refusal, an HTTP/1.1 status line, read to such a client as an empty or garbled reply.
 *
 * @example
 * ```ts
 * http2Refusal().subarray(9, 18); // the GOAWAY frame's head: type 7 on stream 0
 * ```
 */
export function http2Refusal(): Buffer {
  const debug = Buffer.from(DEBUG_TEXT, 'utf8');
  const goaway = Buffer.alloc(8 + debug.byteLength);
  // Last stream id 0: no stream was processed, so the client may retry every request elsewhere.
  goaway.writeUInt32BE(0, 0);
  goaway.writeUInt32BE(HTTP_1_1_REQUIRED, 4);
  debug.copy(goaway, 8);
  return Buffer.concat([frame(FRAME_SETTINGS, Buffer.alloc(0)), frame(FRAME_GOAWAY, goaway)]);
}

/**
 * Writes {@link http2Refusal} to a writable `socket` and ends it. Returns the answer the request log records
 * for it (no HTTP/1.1 status went out; the log shows it as the 400 it refuses like).
 *
 * @example
 * ```ts
 * if (error.code === HTTP2_PREFACE_ERROR) log?.unparsed({ method: 'PRI', target: '*' }, refuseHttp2(socket), socket);
 * ```
 */
export function refuseHttp2(socket: Duplex): DispatchResponse {
  socket.end(http2Refusal());
  return problemResponse('VALIDATION_FAILED', { detail: `HTTP/2 is not served (connection preface refused with GOAWAY HTTP_1_1_REQUIRED): ${DEBUG_TEXT}` }, newRequestId(), undefined);
}
