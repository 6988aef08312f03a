/** RFC 9110 §5.6.2 `token`: one or more of `tchar`. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Whether `text` is an RFC 9110 `token`: the grammar of an HTTP method and of a header name
 * (letters, digits and `!#$%&'*+-.^_` `` ` `` `|~`, at least one). `fetch` refuses a method or a
 * header name that is not one, and Node's HTTP parser a method.
 *
 * @example
 * ```ts
 * isHttpToken('M-SEARCH'); // true
 * isHttpToken('P ST');     // false
 * ```
 */
export function isHttpToken(text: string): boolean {
  return TOKEN.test(text);
}
