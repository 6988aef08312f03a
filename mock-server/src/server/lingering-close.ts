import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a lingering close reads what a client still sends (see `endAfterLinger`). */
export interface LingerLimits {
  /** The whole linger at most (ms). */
  maxMs: number;
  /** Stop once nothing came for this long (ms): the client has stopped sending. */
  idleMs: number;
  /** Stop once this many bytes were thrown away. */
  maxBytes: number;
}

/** nginx lingers 30 s (5 s idle); a mock on a loopback or LAN link needs far less. */
export const DEFAULT_LINGER: LingerLimits = { maxMs: 2_000, idleMs: 500, maxBytes: 8 * 1_048_576 };

/**
 * Ends a response whose request body was left unread, with a lingering close (as nginx does). The
 * answer, written with `Connection: close`, is already on its way; but closing the socket while
 * the client is still sending makes the kernel answer its next bytes with a reset, which can reach
 * the client before it has read the answer: it then sees EPIPE or ECONNRESET instead of the 413
 * (1 upload in 200 on a quiet loopback). So what the client still sends is read and thrown away
 * until it stops (the request ends, the connection closes, or nothing comes for `idleMs`), for at
 * most `maxMs` and `maxBytes`, so a refused upload is still not consumed. Then the response ends
 * and Node closes the connection.
 *
 * @example
 * ```ts
 * res.writeHead(413, ['connection', 'close', 'content-length', String(body.length)]);
 * res.write(body);
 * endAfterLinger(req, res);
 * ```
 */
export function endAfterLinger(req: IncomingMessage, res: ServerResponse, limits: LingerLimits = DEFAULT_LINGER): void {
  // The whole request has arrived (a small body the gate refused): nothing is left to wait for.
  if (req.complete) return void res.end();
  let discarded = 0;
  let done = false;
  const stop = (): void => {
    if (done) return;
    done = true;
    clearTimeout(idle);
    clearTimeout(deadline);
    req.off('data', discard);
    res.end();
  };
  const discard = (chunk: Buffer): void => {
    discarded += chunk.byteLength;
    if (discarded > limits.maxBytes) stop();
    else idle.refresh();
  };
  const idle = setTimeout(stop, limits.idleMs).unref();
  const deadline = setTimeout(stop, limits.maxMs).unref();
  req.on('data', discard);
  req.once('end', stop);
  req.once('close', stop);
  req.resume();
}
