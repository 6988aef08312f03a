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

/**
 * {@link describeResponse} plus, for a problem answer, its `detail` and the pointers and codes of
 * its field `errors` — what a report needs to show why a valid-looking request was refused.
 *
 * @example
 * ```ts
 * explainResponse(res); // '400 application/problem+json VALIDATION_FAILED: 1 field is invalid [/entryId NOT_FOUND]'
 * ```
 */
export function explainResponse(res: HttpResponse): string {
  if (!isRecord(res.body) || res.status < 400) return describeResponse(res);
  const detail = typeof res.body.detail === 'string' ? `: ${res.body.detail}` : '';
  const errors = Array.isArray(res.body.errors) ? res.body.errors.filter(isRecord).map((e) => `${String(e.pointer ?? '')} ${String(e.code ?? '')}`.trim()) : [];
  return `${describeResponse(res)}${detail}${errors.length > 0 ? ` [${errors.join(', ')}]` : ''}`;
}

/** Narrows to a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
