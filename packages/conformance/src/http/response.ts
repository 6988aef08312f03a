/** A response read once, with its body kept as text and parsed JSON (when it is JSON). */
export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Media type without parameters, lower-case (`application/problem+json`), or `''`. */
  contentType: string;
  text: string;
  /** Parsed body, or `undefined` when it is empty or not JSON. */
  body: unknown;
  method: string;
  url: string;
}

/**
 * Reads a fetch `Response` into an {@link HttpResponse}.
 *
 * @example
 * ```ts
 * const res = await readResponse(await fetch(url), 'GET', url);
 * res.body; // parsed JSON
 * ```
 */
export async function readResponse(response: Response, method: string, url: string): Promise<HttpResponse> {
  const text = await response.text();
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let body: unknown;
  if (text.length > 0 && /\bjson$/.test(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: response.status, headers: response.headers, contentType, text, body, method, url };
}

/** A compact description of a response for reports: `409 application/problem+json ILLEGAL_TRANSITION`. */
export function describeResponse(res: HttpResponse): string {
  const code = isRecord(res.body) && typeof res.body.code === 'string' ? ` ${res.body.code}` : '';
  return `${res.status} ${res.contentType || '(no content type)'}${code}`;
}

/** Narrows to a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
