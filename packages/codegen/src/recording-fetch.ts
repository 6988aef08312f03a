// Test helper shared by the SDK packages: a `fetch` that records what the client sent and answers
// canned JSON, so SDK tests see the exact wire request without a server.

/** What the client put on the wire. */
export interface RecordedRequest {
  method: string;
  url: URL;
  /** lower-cased header names */
  headers: Record<string, string>;
  /** parsed JSON body, or undefined when none was sent */
  body: unknown;
}

/** A canned answer; `body` is serialised as JSON unless it is undefined. */
export interface CannedResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A fetch function recording every request and answering with `answer(request, index)`.
 * @example
 * const { fetch, requests } = recordingFetch(() => ({ status: 200, body: { id: 'rga_1' } }));
 * const client = new RegistrationClient({ baseUrl: 'http://x/registration/v1', fetch });
 */
export function recordingFetch(answer: (request: RecordedRequest, index: number) => CannedResponse): {
  fetch: typeof globalThis.fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: Object.fromEntries([...request.headers].map(([k, v]) => [k.toLowerCase(), v])),
      body: text === '' ? undefined : JSON.parse(text),
    };
    requests.push(recorded);
    const canned = answer(recorded, requests.length - 1);
    const status = canned.status ?? 200;
    const isProblem = status >= 400;
    const hasBody = canned.body !== undefined && status !== 204;
    return new Response(hasBody ? JSON.stringify(canned.body) : null, {
      status,
      headers: {
        ...(hasBody ? { 'content-type': isProblem ? 'application/problem+json' : 'application/json' } : {}),
        'x-request-id': `req_test_${requests.length}`,
        ...canned.headers,
      },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
