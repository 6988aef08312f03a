import { isProblemCode, PROBLEM_CODES, type LocalizedMessage, type ProblemCode } from './codes.js';

/**
 * Media type of problem bodies (RFC 9457).
 *
 * @example
 * ```ts
 * new Response(JSON.stringify(body), { status: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
 * ```
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Prefix of every problem `type` URI.
 *
 * @example
 * ```ts
 * body.type.startsWith(PROBLEM_TYPE_BASE); // true for every gdx problem
 * ```
 */
export const PROBLEM_TYPE_BASE = 'https://gdx.dev/problems/';

/**
 * A field-level error inside a problem: `pointer` is a JSON Pointer (RFC 6901) into the request body
 * (or `/query/limit`-style for parameters); `code` is field-specific (e.g. `CREDIT_CODE_CHECKSUM`).
 *
 * @example
 * ```ts
 * const error: FieldError = { pointer: '/registrant/creditCode', code: 'CREDIT_CODE_CHECKSUM',
 *   message: { zh: '统一社会信用代码校验位错误', en: 'Unified social credit code check character is wrong' } };
 * ```
 */
export interface FieldError {
  pointer: string;
  code: string;
  message: LocalizedMessage;
}

/**
 * The problem+json body of every gdx error response (docs/design.md, "Errors"). Extra members
 * (e.g. the legal basis of `NOT_SHAREABLE`) are allowed as extensions.
 *
 * @example
 * ```ts
 * const body: ProblemDetails = problem('NOT_FOUND', { instance: '/registration/v1/applications/rga_1' });
 * ```
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  message: LocalizedMessage;
  errors?: FieldError[];
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

/**
 * Optional members of a problem built by {@link problem}.
 *
 * @example
 * ```ts
 * const options: ProblemOptions = { detail: '2 fields are invalid', requestId: 'req_1' };
 * ```
 */
export interface ProblemOptions {
  detail?: string | undefined;
  errors?: FieldError[] | undefined;
  instance?: string | undefined;
  requestId?: string | undefined;
  /** Extension members, e.g. `{ legalBasis: '…' }`; they cannot override the standard members. */
  extensions?: Record<string, unknown> | undefined;
}

/**
 * The `type` URI of a code: `https://gdx.dev/problems/` + the code in kebab-case.
 *
 * @example
 * ```ts
 * problemType('ILLEGAL_TRANSITION'); // 'https://gdx.dev/problems/illegal-transition'
 * ```
 */
export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replaceAll('_', '-');
}

/**
 * Builds the problem+json body for a catalogue code.
 *
 * @example
 * ```ts
 * import { problem, PROBLEM_CONTENT_TYPE } from '@gdx/protocol';
 * const body = problem('VALIDATION_FAILED', {
 *   detail: '1 field is invalid',
 *   errors: [{ pointer: '/registrant/creditCode', code: 'CREDIT_CODE_CHECKSUM',
 *     message: { zh: '统一社会信用代码校验位错误', en: 'Unified social credit code check character is wrong' } }],
 *   instance: '/registration/v1/applications', requestId: 'req_1',
 * });
 * // body.status === 400, body.type === 'https://gdx.dev/problems/validation-failed'
 * ```
 */
export function problem(code: ProblemCode, options: ProblemOptions = {}): ProblemDetails {
  if (!isProblemCode(code)) throw new TypeError(`[PROBLEM_CODE_UNKNOWN] 未知的问题代码 / unknown problem code: ${String(code)}`);
  const known = PROBLEM_CODES[code];
  const body: ProblemDetails = {
    ...options.extensions,
    type: problemType(code),
    title: known.title,
    status: known.status,
    code,
    message: { zh: known.message.zh, en: known.message.en },
  };
  if (options.detail !== undefined) body.detail = options.detail;
  if (options.errors !== undefined) body.errors = options.errors;
  if (options.instance !== undefined) body.instance = options.instance;
  if (options.requestId !== undefined) body.requestId = options.requestId;
  return body;
}

/**
 * Structural check that a parsed JSON value is a gdx problem body (has `status`, `code`, `title`
 * and a zh/en `message`). Used by clients before trusting an error body.
 *
 * @example
 * ```ts
 * const body: unknown = JSON.parse(text);
 * if (isProblemDetails(body)) console.log(body.code, body.message.zh);
 * ```
 */
export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const message = v.message as Record<string, unknown> | null | undefined;
  return (
    typeof v.status === 'number' &&
    typeof v.code === 'string' &&
    typeof v.title === 'string' &&
    typeof message === 'object' &&
    message !== null &&
    typeof message.zh === 'string' &&
    typeof message.en === 'string'
  );
}
