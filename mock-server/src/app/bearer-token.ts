/** `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme name is case-insensitive). */
const BEARER = /^Bearer +(\S+) *$/i;

/**
 * The token of an `Authorization` header of the Bearer scheme, else `undefined`: the simulation
 * API's control token, an open-data grant's app key.
 *
 * @example
 * ```ts
 * bearerTokenOf('Bearer odk_5Hn3Wq8Zr2Tb'); // 'odk_5Hn3Wq8Zr2Tb'
 * bearerTokenOf('Basic dXNlcjpwYXNz'); // undefined
 * ```
 */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
}
