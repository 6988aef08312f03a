import { HEADERS, PROBLEM_CONTENT_TYPE, problem, type FieldError, type LocalizedMessage, type ProblemCode } from '@gdx/protocol';
import type { DispatchResponse } from './dispatch-types.js';
import type { ProblemExtensions } from './problem-extensions.js';

/** Options of a problem answer, beyond its code. */
export interface ProblemResultOptions {
  /** Human-readable explanation of this occurrence. */
  detail?: string;
  /** Field-level errors with JSON pointers (`/query/limit` style for parameters). */
  errors?: readonly FieldError[];
  /**
   * The code's message in the sandbox profile's words, where the catalogue's names what a profile
   * labels (e.g. `NOT_SHAREABLE`'s class: 不予共享 nationally, 暂不共享 in Xiamen). Default: the
   * catalogue's (`@gdx/protocol`).
   */
  message?: Readonly<LocalizedMessage>;
  /**
   * Extra members of the problem document (e.g. `legalBasis` of `NOT_SHAREABLE`): only those of
   * {@link ProblemExtensions}, which the contracts' `ProblemDetails` declares.
   */
  extensions?: Readonly<ProblemExtensions>;
  /** Extra response headers (e.g. `Retry-After`, `Allow`). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * A complete problem+json response (status from the code's catalogue entry, `X-Request-Id`);
 * `instance` is left out when it is `undefined` (a request whose target could not be read).
 *
 * @example
 * ```ts
 * problemResponse('NOT_FOUND', {}, 'req_1', '/catalog/v1/entries/x').status; // 404
 * ```
 */
export function problemResponse(
  code: ProblemCode,
  options: ProblemResultOptions,
  requestId: string,
  instance: string | undefined,
): DispatchResponse {
  const body = problem(code, {
    detail: options.detail,
    errors: options.errors ? [...options.errors] : undefined,
    extensions: options.extensions ? { ...options.extensions } : undefined,
    instance,
    requestId,
  });
  if (options.message) body.message = { zh: options.message.zh, en: options.message.en };
  return {
    status: body.status,
    headers: { ...options.headers, 'content-type': PROBLEM_CONTENT_TYPE, [HEADERS.requestId]: requestId },
    body: JSON.stringify(body),
    problemCode: code,
  };
}
