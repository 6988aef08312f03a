/**
 * A `Content-Type`'s media type (lower-cased) and its charset parameter (unquoted, lower-cased),
 * if it has one.
 *
 * @example
 * ```ts
 * mediaType('Application/JSON; charset="UTF-8"'); // { type: 'application/json', charset: 'utf-8' }
 * ```
 */
export function mediaType(contentType: string): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = contentType.split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** Whether a media type (as `mediaType` gives it) is `application/json` or any `application/…+json` (problem+json, ld+json). */
export const isJsonType = (type: string): boolean => type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));

/**
 * Whether a `Content-Type` header names JSON, parameters ignored.
 *
 * @example
 * ```ts
 * isJsonContentType('application/problem+json; charset=utf-8'); // true
 * ```
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && isJsonType(mediaType(contentType).type);
}
