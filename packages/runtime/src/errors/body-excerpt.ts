/** Characters of a body quoted in a message: enough for a gateway's "502 Bad Gateway" or a short reason. */
const MAX_CHARS = 200;

/**
 * The start of a response body that is not a problem, as one line of text: markup dropped,
 * white space collapsed, cut at 200 characters. A gateway or proxy in front of the platform
 * answers its own errors in HTML or plain text (`<title>502 Bad Gateway</title>`, `upstream
 * connect error…`), and that text is often the only clue to what failed. Empty when the body has
 * no text.
 *
 * @example
 * ```ts
 * bodyExcerpt('<html><head><title>502 Bad Gateway</title></head></html>'); // '502 Bad Gateway'
 * ```
 */
export function bodyExcerpt(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}
