/**
 * Header names of the gdx wire protocol, lower-case as Node and `fetch` report them
 * (HTTP header names are case-insensitive, so lower-case is what both sides compare).
 *
 * @example
 * ```ts
 * import { HEADERS } from '@gdx/protocol';
 * const appKey = request.headers.get(HEADERS.appKey);
 * ```
 */
export const HEADERS = {
  appKey: 'x-gdx-app-key',
  timestamp: 'x-gdx-timestamp',
  nonce: 'x-gdx-nonce',
  signatureMethod: 'x-gdx-signature-method',
  contentDigest: 'x-gdx-content-digest',
  signature: 'x-gdx-signature',
  idempotencyKey: 'idempotency-key',
  idempotentReplayed: 'idempotent-replayed',
  requestId: 'x-request-id',
  retryAfter: 'retry-after',
} as const;

/**
 * One of the header names in {@link HEADERS}.
 *
 * @example
 * ```ts
 * const name: HeaderName = HEADERS.nonce;
 * ```
 */
export type HeaderName = (typeof HEADERS)[keyof typeof HEADERS];
