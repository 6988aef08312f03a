import { GdxError } from './gdx-error.js';

/**
 * One mismatch between a response and its schema; `pointer` is a JSON Pointer into the response body.
 *
 * @example
 * ```ts
 * const issue: ResponseIssue = { pointer: '/items/0/state', code: 'invalid_value', message: 'Invalid option' };
 * ```
 */
export interface ResponseIssue {
  pointer: string;
  code: string;
  message: string;
}

/**
 * A 2xx response did not match the operation's schema (only with `validateResponses: true`).
 *
 * @example
 * ```ts
 * if (e instanceof ResponseValidationError) for (const i of e.issues) console.log(i.pointer, i.message);
 * ```
 */
export class ResponseValidationError extends GdxError {
  readonly issues: ResponseIssue[];
  readonly operationId: string;
  /** The parsed response that failed validation. */
  readonly data: unknown;

  constructor(operationId: string, issues: ResponseIssue[], data: unknown) {
    const where = issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ');
    super('RESPONSE_VALIDATION_FAILED', {
      en: `Response of ${operationId} does not match its schema: ${where}`,
      zh: `${operationId} 的响应不符合接口定义：${where}`,
    });
    this.issues = issues;
    this.operationId = operationId;
    this.data = data;
  }
}

/**
 * RFC 6901 pointer for a path of keys (`~` → `~0`, `/` → `~1`).
 *
 * @example
 * ```ts
 * toPointer(['items', 0, 'a/b']); // '/items/0/a~1b'
 * ```
 */
export function toPointer(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  return out;
}
