import type { IncomingMessage } from 'node:http';
import { readableHeaderValue } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { headerRefusal } from './header-refusal.js';

/** What Node takes for a `100-continue` expectation (its own test, `continueExpression`). */
const CONTINUE = /(?:^|\W)100-continue(?:$|\W)/i;

/**
 * The 417 answer to a request whose `Expect` holds an expectation other than `100-continue`
 * (RFC 9110 §10.1.1), or `undefined`: problem+json `EXPECTATION_FAILED` at `/header/expect`, where
 * Node, left to itself, answered a bare 417 with an empty chunked body that the request log never
 * saw. `100-continue` is Node's: it answers `100 Continue` and the request goes on.
 *
 * @example
 * ```ts
 * unmetExpectation(req)?.status; // 417 for `Expect: 200-ok`
 * ```
 */
export function unmetExpectation(req: Pick<IncomingMessage, 'headers' | 'url'>): DispatchResponse | undefined {
  const { expect } = req.headers;
  if (expect === undefined || CONTINUE.test(expect)) return undefined;
  const shown = readableHeaderValue(expect);
  return headerRefusal(req, 'EXPECTATION_FAILED', `the server meets no expectation but 100-continue; Expect: ${shown} is not met, and the request was not run`, {
    pointer: '/header/expect',
    code: 'UNSUPPORTED_EXPECTATION',
    message: { zh: `仅支持 Expect: 100-continue；收到 ${shown}`, en: `Only Expect: 100-continue is supported; got ${shown}` },
  });
}
