export { ApiClient, type ClientOptions } from './client.js';
export type { ApiRequest, HttpMethod, ListOptions, RawResponse, RequestOptions } from './types.js';
export type { QueryParams } from './request/query-string.js';
export type { Credentials } from './steps/sign.js';
export type { RetryOptions } from './steps/backoff.js';
export type { LogEvent, Logger } from './logger.js';
export { Paginator, type ListBounds, type Page, type PageLoader, type PaginatorOptions } from './pagination/paginator.js';
export { fetchTransport, type FetchTransportOptions } from './transport/fetch-transport.js';
export { undiciTransport } from '#platform';
export type { UndiciTransportOptions } from './transport/undici-transport.js';
export type { HeaderReader, Transport, TransportRequest, TransportResponse } from './transport/types.js';
export { GdxError, type Bilingual } from './errors/gdx-error.js';
export { AbortError, ConnectionError, FetchNetworkError, TimeoutError, type TimeoutBound, type TimeoutDetails } from './errors/network-errors.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type ApiErrorInit,
} from './errors/api-error.js';
export { ResponseValidationError, type ResponseIssue } from './errors/response-validation-error.js';
export { ResponseNotJsonError, type NotJsonReason } from './errors/response-not-json-error.js';
