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
  if (contentType === undefined) return false;
  // The journal asks for every request and answer: the same few headers, parsed once each.
  let json = jsonContentTypes.get(contentType);
  if (json === undefined) {
    json = isJsonType(mediaType(contentType).type);
    if (contentType.length > KNOWN_CONTENT_TYPE_LENGTH) return json;
    if (jsonContentTypes.size >= KNOWN_CONTENT_TYPES) jsonContentTypes.clear();
    jsonContentTypes.set(contentType, json);
  }
  return json;
}

/** How many `Content-Type` values `isJsonContentType` keeps its answer for, and how long one may be (bounds, not a cache policy). */
const KNOWN_CONTENT_TYPES = 64;
const KNOWN_CONTENT_TYPE_LENGTH = 128;
const jsonContentTypes = new Map<string, boolean>();
