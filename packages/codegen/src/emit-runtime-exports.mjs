// Emits src/generated/runtime.ts: what an SDK user needs from @gdx/runtime, re-exported so an
// SDK is usable with one import. The list lives here once instead of in every SDK's index.

/** Error classes users catch (`instanceof`), from the runtime's error tree. */
export const RUNTIME_ERRORS = [
  'GdxError',
  'ApiError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
  'ConnectionError',
  'FetchNetworkError',
  'TimeoutError',
  'AbortError',
  'ResponseValidationError',
  'ResponseNotJsonError',
];

/** Types users write in their own signatures. */
export const RUNTIME_TYPES = ['ApiClient', 'ClientOptions', 'Credentials', 'RequestOptions', 'ListOptions', 'RawResponse', 'Paginator'];

/**
 * Source of `runtime.ts`.
 * @returns {string}
 * @example emitRuntimeExports()
 */
export function emitRuntimeExports() {
  return [
    `export { ${RUNTIME_ERRORS.join(', ')} } from '@gdx/runtime';`,
    `export type { ${RUNTIME_TYPES.join(', ')} } from '@gdx/runtime';`,
    '',
  ].join('\n');
}
