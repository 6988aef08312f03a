/** The method and target of a request line. */
export interface RequestLine {
  method: string;
  target: string;
}

/**
 * `METHOD target` at the start of a request line, as far as the chunk shows it (read as latin1,
 * a character per byte). A method longer than any real one (`PROPPATCH`, `MKCALENDAR`) makes it
 * no request line: 5,000 letters went into the log's `method` as they came. The target ends at a
 * space or a line end: not at `\s`, which takes the byte 0xA0 of a UTF-8 sequence for a space.
 */
const REQUEST_LINE = /^([A-Z]{1,20}) ([^ \r\n]+)/;

/** A byte that is not visible ASCII: percent-encoded in a target shown to people and tools. */
const NOT_VISIBLE = /[^\x21-\x7e]/g;

/** The end of a request head: a blank line (`\n\n` too, as Node's parser takes it). */
const HEAD_END = /\r?\n\r?\n/g;

/** A chunk-size line of a chunked body: hex size, optional extensions. */
const CHUNK_SIZE = /^([0-9a-fA-F]{1,16})[^\r\n]*\r?\n/;

/** What the parser's error tells of where it failed. */
export interface ParserFailure {
  /** The parser's error code (`HPE_INVALID_METHOD`, …). */
  code?: string | undefined;
  /** Where in the chunk the parser failed (Node's `bytesParsed`). */
  bytesParsed?: number | undefined;
}

/**
 * The request line of the request Node's parser refused in `raw`, the chunk it failed on, or
 * `undefined` when that request does not start with one (`GARBAGE`) or cannot be found. The chunk
 * may start with requests the parser read whole before it (pipelined in the same packet): they are
 * skipped, head and body (`Content-Length` or chunked), up to the one the error position falls in
 * — so a refusal is put down to its own route, not to the request before it. An error right at the
 * end of a request is that request's (a head refused once read, e.g. `Transfer-Encoding: gzip`),
 * but for `HPE_INVALID_METHOD`, which the parser raises on the first bytes of the next one. The
 * target keeps what the client sent, with the bytes a request target may not hold (raw UTF-8,
 * controls) percent-encoded, as a client should have sent them: `q=人口` becomes
 * `q=%E4%BA%BA%E5%8F%A3`. A target longer than the URL limit is cut a little past it: it is
 * refused for its length, and no more of it is needed.
 *
 * @example
 * ```ts
 * refusedRequestLine(Buffer.from('GET /x?q=人口 HTTP/1.1\r\n'), {}, 8192); // { method: 'GET', target: '/x?q=%E4%BA%BA%E5%8F%A3' }
 * refusedRequestLine(Buffer.from('GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nbad\r\n\r\n'), { bytesParsed: 36 }, 8192); // { method: 'GET', target: '/b' }
 * ```
 */
export function refusedRequestLine(raw: Buffer | undefined, failure: ParserFailure, maxUrlBytes: number): RequestLine | undefined {
  if (raw === undefined) return undefined;
  const text = raw.toString('latin1');
  const failedAt = failure.bytesParsed;
  if (failedAt === undefined) return requestLineAt(text, 0, maxUrlBytes);
  const atNextRequest = failure.code === 'HPE_INVALID_METHOD';
  let start = 0;
  for (;;) {
    const end = endOfRequest(text, start);
    // The request the error falls in: its head or body does not end before it.
    if (end === undefined || end > failedAt || (end === failedAt && !atNextRequest)) return requestLineAt(text, start, maxUrlBytes);
    start = end;
  }
}

/** The request line at `start` of `text`, if one starts there. */
function requestLineAt(text: string, start: number, maxUrlBytes: number): RequestLine | undefined {
  const match = REQUEST_LINE.exec(text.slice(start, start + maxUrlBytes + 64));
  if (!match) return undefined;
  const target = (match[2] ?? '').replace(NOT_VISIBLE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return { method: match[1] ?? '', target };
}

/** Where the request starting at `start` ends (head and body), or `undefined` when it does not end in `text`. */
function endOfRequest(text: string, start: number): number | undefined {
  if (!REQUEST_LINE.test(text.slice(start, start + 32))) return undefined;
  HEAD_END.lastIndex = start;
  const blank = HEAD_END.exec(text);
  if (!blank) return undefined;
  const headEnd = blank.index + blank[0].length;
  const head = text.slice(start, blank.index);
  if (/^transfer-encoding:[^\r\n]*chunked/im.test(head)) return endOfChunkedBody(text, headEnd);
  const length = /^content-length:[ \t]*(\d+)/im.exec(head)?.[1];
  return headEnd + (length === undefined ? 0 : Number(length));
}

/** Where the chunked body starting at `at` ends (its last chunk and trailers), or `undefined` when it does not end in `text`. */
function endOfChunkedBody(text: string, at: number): number | undefined {
  for (let position = at; ; ) {
    const size = CHUNK_SIZE.exec(text.slice(position, position + 64));
    if (!size) return undefined;
    position += size[0].length;
    const bytes = Number.parseInt(size[1] ?? '', 16);
    if (bytes === 0) {
      HEAD_END.lastIndex = position - 2;
      const trailersEnd = HEAD_END.exec(text);
      return trailersEnd ? trailersEnd.index + trailersEnd[0].length : undefined;
    }
    position += bytes;
    const lineEnd = /^\r?\n/.exec(text.slice(position, position + 2));
    if (!lineEnd) return undefined;
    position += lineEnd[0].length;
  }
}
