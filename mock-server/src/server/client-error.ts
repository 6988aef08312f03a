import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { DispatchRequest, DispatchResponse } from '../app/dispatch-types.js';
import { parseErrorAnswer } from '../app/limit-checks.js';
import type { Limits } from '../app/limits.js';
import type { RequestLogHooks } from './request-log.js';
import { HTTP2_PREFACE_ERROR, refuseHttp2 } from './http2-preface.js';
import { refusedRequestLine, type RequestLine } from './refused-request-line.js';
import { requestTimeoutAnswer, type RequestTimeouts } from './request-timeouts.js';

/** An error of Node's HTTP parser, as the server's `clientError` event gives it. */
interface ParserError extends Error {
  code?: string;
  /** The chunk the parser was working on when it failed (Node sets it for parse errors). */
  rawPacket?: Buffer;
  /** Where in `rawPacket` the parser failed (Node sets it for parse errors). */
  bytesParsed?: number;
}

/** What the `clientError` listener needs of its server. */
export interface ClientErrorOptions {
  limits: Readonly<Limits>;
  /**
   * The app's `dispatch`: a refused request whose request line could be read is answered by the
   * core (marked `parseError`), so it lands in the request journal of the sandbox its path names.
   */
  dispatch: (request: DispatchRequest) => Promise<DispatchResponse>;
  /** The server's request log, told of every answer written here. */
  log?: RequestLogHooks | undefined;
  /** The timeouts the server enforces, named in the 408 answer to a request that went past one. */
  timeouts: Readonly<RequestTimeouts>;
}

/**
 * A `clientError` listener for `node:http` servers: writes a problem+json answer for a request
 * the parser refused (instead of Node's bare `431` or `400`) and closes the connection. When the
 * refused request starts with a request line (found past the requests read whole before it in the
 * chunk the parser failed on), the core answers from it (414, 431 or
 * 400 with the target as `instance`, journaled and logged with its route); otherwise the answer
 * is made here, without `instance`, and logged with neither method nor path. A socket that is
 * already gone, or whose response was under way, is only destroyed. A request that went past a
 * timeout (`timeouts`) is answered 408 `REQUEST_TIMEOUT` and closed; logged with its method and
 * path when its head had been read. Requests read whole before the refused one on the same
 * connection (pipelined in the same chunk, or still being answered) get their answers first, in
 * order; the refusal follows them.
 *
 * @example
 * ```ts
 * server.on('clientError', problemOnClientError({ limits: app.limits, dispatch: app.dispatch, timeouts: DEFAULT_REQUEST_TIMEOUTS }));
 * ```
 */
export function problemOnClientError({ limits, dispatch, log, timeouts }: ClientErrorOptions): (error: ParserError, socket: Duplex) => void {
  // Sockets whose refusal waits for the answers before it: a parser that failed goes on failing on
  // each chunk that arrives, and one refusal is all a connection gets.
  const waiting = new WeakSet<Duplex>();
  const refuse = (error: ParserError, socket: Duplex, line: RequestLine | undefined): void => {
    const writable = socket.writable && !answerOf(socket)?.headersSent;
    if (!writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      // The response Node attached to the socket: the request whose head was read, its body late.
      const late = answerOf(socket)?.req;
      const answer = requestTimeoutAnswer(timeouts, late);
      writeAndClose(socket, answer);
      // Closed once the answer is out, as Node does: the parser must not go on and hand the rest of a late request to the handler.
      socket.once('finish', () => socket.destroy());
      if (late) log?.answered(late, answer);
      else log?.unparsed({ method: null, target: null }, answer, socket);
      return;
    }
    if (error.code === HTTP2_PREFACE_ERROR) {
      // A client speaking HTTP/2 reads no HTTP/1.1 answer: it is refused in HTTP/2.
      log?.unparsed({ method: 'PRI', target: '*' }, refuseHttp2(socket), socket);
      return;
    }
    const code = error.code ?? 'parse error';
    if (!line) {
      const answer = parseErrorAnswer(code, limits, undefined);
      writeAndClose(socket, answer);
      log?.unparsed({ method: null, target: null }, answer, socket);
      return;
    }
    const q = line.target.indexOf('?');
    const path = q < 0 ? line.target : line.target.slice(0, q);
    const query = q < 0 ? '' : line.target.slice(q + 1);
    dispatch({ method: line.method, path, query, headers: {}, body: undefined, parseError: code }).then(
      (answer) => {
        writeAndClose(socket, answer);
        log?.unparsed(line, answer, socket);
      },
      () => socket.destroy(),
    );
  };
  return function onClientError(error, socket) {
    if (waiting.has(socket)) return;
    const line = refusedRequestLine(error.rawPacket, error, limits.maxUrlBytes);
    const first = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ECONNRESET' ? undefined : unsentAnswer(socket);
    if (first === undefined) {
      refuse(error, socket, line);
      return;
    }
    // A request read whole before the refused one (pipelined, or still being answered) is answered
    // first: the refusal closes the connection, and a write it acknowledged went unanswered.
    waiting.add(socket);
    const after = (answer: ServerResponse): void => {
      // 'close': sent (Node has then attached the next pipelined answer), or the connection is gone.
      answer.once('close', () => {
        const next = unsentAnswer(socket);
        if (next !== undefined) return after(next);
        waiting.delete(socket);
        refuse(error, socket, line);
      });
    };
    after(first);
  };
}

/** The answer Node has attached to a socket: the one being made or sent, of the oldest request not yet answered. */
function answerOf(socket: Duplex): ServerResponse | undefined {
  return (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
}

/** The answer still to be sent on `socket` to a request read whole, if there is one. */
function unsentAnswer(socket: Duplex): (ServerResponse & { req: IncomingMessage }) | undefined {
  const answer = answerOf(socket);
  return answer?.req?.complete === true && !answer.writableFinished ? (answer as ServerResponse & { req: IncomingMessage }) : undefined;
}

/**
 * Writes an answer straight to a socket (one Node's server no longer drives, or one whose request
 * is not to be read) with `connection: close`, and ends it.
 *
 * @example
 * ```ts
 * writeAndClose(socket, problemResponse('CONNECTION_LIMIT_REACHED', {}, requestId(), undefined));
 * ```
 */
export function writeAndClose(socket: Duplex, answer: DispatchResponse): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = Buffer.from(answer.body);
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`];
  for (const [name, value] of Object.entries(answer.headers)) head.push(`${name}: ${value}`);
  // A HEAD answer names the length of the body it leaves out (`headAnswer`).
  if (answer.headers['content-length'] === undefined) head.push(`content-length: ${body.byteLength}`);
  head.push('connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body]));
}
