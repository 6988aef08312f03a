/**
 * The checks WHATWG `fetch` makes of a request's method and headers before sending it (Node's
 * `fetch` throws `TypeError` with these messages), made on the in-process fast path that builds
 * no `Request`: a call the in-process fetch answers must be one a production client can send.
 */

/** Methods `fetch` upper-cases (WHATWG Fetch, "normalize a method"); any other is sent as given. */
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** Methods `fetch` refuses to send (WHATWG Fetch, "forbidden method"), compared upper-cased. */
const FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** An RFC 9110 token: what a method and a header name must be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** What a header value may not hold: NUL, CR, LF (WHATWG Fetch). */
const NOT_A_HEADER_VALUE = /[\0\r\n]/;

/** A character past U+00FF: a value holding one is no ByteString (Web IDL). */
const NOT_LATIN1 = /[^\0-\xff]/;

/** A value `Headers` keeps as it is, checked in one step (most are): visible ASCII, spaces only inside. */
const PLAIN_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/;

/** The spaces and tabs `Headers` strips from both ends of a value. */
const EDGE_WHITESPACE = /^[\t ]+|[\t ]+$/g;

/**
 * `method` as `fetch` sends it: the six it normalises upper-cased, any other token as given.
 * Throws `TypeError` for a method that is no token and for `CONNECT`, `TRACE` and `TRACK` (any case).
 *
 * @example
 * ```ts
 * fetchMethod('post'); // 'POST'
 * fetchMethod('TRACE'); // throws TypeError: 'TRACE' HTTP method is unsupported.
 * ```
 */
export function fetchMethod(method: string): string {
  const upper = method.toUpperCase();
  if (NORMALIZED.has(upper)) return upper;
  if (!TOKEN.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
  if (FORBIDDEN.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
  return method;
}

/**
 * A header's value as `Headers` keeps it (spaces and tabs at its ends stripped). Throws
 * `TypeError` for a name that is no token, or a value holding NUL, CR, LF or a character past
 * U+00FF, as `fetch` does.
 *
 * @example
 * ```ts
 * headerValue('X-A', ' b '); // 'b'
 * headerValue('X-A', 'a\r\nb: c'); // throws TypeError
 * ```
 */
export function headerValue(name: string, value: string): string {
  if (!TOKEN.test(name)) throw new TypeError(`Headers.append: "${name}" is an invalid header name.`);
  if (PLAIN_VALUE.test(value)) return value;
  const wide = NOT_LATIN1.exec(value);
  if (wide) throw new TypeError(`Cannot convert argument to a ByteString because the character at index ${wide.index} has a value of ${wide[0].charCodeAt(0)} which is greater than 255.`);
  if (NOT_A_HEADER_VALUE.test(value)) throw new TypeError(`Headers.append: "${value}" is an invalid header value.`);
  return value.replace(EDGE_WHITESPACE, '');
}
