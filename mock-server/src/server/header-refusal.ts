import type { IncomingMessage } from 'node:http';
import { requestId as newRequestId, type FieldError, type ProblemCode } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { targetPath } from './request-gate.js';

/**
 * The answer to a request the server refuses for one of its headers before the app sees it
 * (`Host`, `Expect`, `Transfer-Encoding`): problem+json with the header's field error, a request id
 * of its own, and the target as `instance`.
 *
 * @example
 * ```ts
 * headerRefusal(req, 'VALIDATION_FAILED', 'two Host headers', { pointer: '/header/host', code: 'DUPLICATE_HEADER', message });
 * ```
 */
export function headerRefusal(req: Pick<IncomingMessage, 'url'>, code: ProblemCode, detail: string, error: FieldError): DispatchResponse {
  return problemResponse(code, { detail, errors: [error] }, newRequestId(), targetPath(req.url ?? '/'));
}
