/**
 * Answer corruptions a broken gateway or implementation might produce, one per fetch: the
 * catalog search and the open dataset list answering 503 or empty, every item GET without a
 * required property, every 201 answered 200, every command's 200 (a state-changing request that
 * creates nothing) without the object's required `state`, every problem answering a command
 * without its required `title`; or in the headers: every 201's `Location` naming another object
 * (`…/rga_other`), every answer without its required `X-Request-Id`; or in paging: every list's
 * `total` one more than it holds, every page after the first starting with the last item of the page
 * before (an inclusive cursor); or in refusals: every command refused 400 or 404 — the simulation
 * API's official actions included — refused 401 `SIGNATURE_INVALID` instead (a platform that refuses
 * for the wrong reason, with a status every operation documents), or only the 400 that points at
 * `/objector` (a later step of the same check).
 */
export type Corruption = 'refusal-as-401' | 'objector-refusal-as-401' | 'search-503' | 'empty-search' | 'drop-createdAt' | '201-as-200' | 'command-without-state' | 'command-problem-without-title' | 'wrong-location' | 'no-request-id' | 'total-plus-one' | 'overlapping-pages';

/** The headers an answer is sent with under a header corruption, or `undefined` when it keeps its own. */
function corruptHeaders(corruption: Corruption, status: number, headers: Headers): Headers | undefined {
  const location = headers.get('location');
  if (corruption === 'wrong-location' && status === 201 && location !== null) {
    const changed = new Headers(headers);
    changed.set('location', location.replace(/[^/]+$/, 'rga_other'));
    return changed;
  }
  if (corruption === 'no-request-id' && headers.has('x-request-id')) {
    const changed = new Headers(headers);
    changed.delete('x-request-id');
    return changed;
  }
  return undefined;
}

const COMMANDS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The body without one member, or `undefined` when it is not an object holding it. */
function without(body: unknown, member: string): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || !(member in body)) return undefined;
  const { [member]: _dropped, ...rest } = body as Record<string, unknown>;
  return rest;
}

const LOOKUPS = /^(\/sandboxes\/[^/]+)?\/(catalog\/v1\/search|open-data\/v1\/datasets)$/;

const unavailable = {
  type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'SERVICE_UNAVAILABLE', message: { zh: '不可用', en: 'unavailable' },
};

/** A well-formed 401 (the signature refused), as a platform refusing for the wrong reason sends it. */
const signatureInvalid = {
  type: 'https://gdx.dev/problems/signature-invalid', title: 'Signature invalid', status: 401, code: 'SIGNATURE_INVALID', message: { zh: '签名无效', en: 'Signature invalid' },
};

function corrupt(corruption: Corruption, method: string, path: string, status: number, body: unknown): { status: number; body: unknown } | undefined {
  if (corruption === 'refusal-as-401' && COMMANDS.has(method) && (status === 400 || status === 404)) return { status: 401, body: signatureInvalid };
  if (corruption === 'objector-refusal-as-401' && status === 400 && JSON.stringify((body as { errors?: unknown }).errors ?? []).includes('"pointer":"/objector')) return { status: 401, body: signatureInvalid };
  const lookup = method === 'GET' && LOOKUPS.test(path);
  if (corruption === 'search-503' && lookup) return { status: 503, body: unavailable };
  if (corruption === 'empty-search' && lookup) return { status, body: { ...(body as object), items: [], total: 0 } };
  if (corruption === 'drop-createdAt' && method === 'GET' && status === 200) {
    const rest = without(body, 'createdAt');
    return rest && { status, body: rest };
  }
  if (corruption === '201-as-200' && status === 201) return { status: 200, body };
  if (corruption === 'total-plus-one' && method === 'GET' && status === 200 && typeof (body as { total?: unknown }).total === 'number') {
    return { status, body: { ...(body as object), total: (body as { total: number }).total + 1 } };
  }
  if (corruption === 'command-without-state' && COMMANDS.has(method) && status === 200) {
    const rest = without(body, 'state');
    return rest && { status, body: rest };
  }
  if (corruption === 'command-problem-without-title' && COMMANDS.has(method) && status >= 400) {
    const rest = without(body, 'title');
    return rest && { status, body: rest };
  }
  return undefined;
}

/**
 * Wraps a fetch so that its platform answers carry one corruption (the simulation API is left alone).
 *
 * @example
 * ```ts
 * const fetch = corruptingFetch(inProcessMock().fetch, 'search-503');
 * ```
 */
export function corruptingFetch(inner: typeof fetch, corruption: Corruption): typeof fetch {
  /** The last item of the page each list path answered last. */
  const lastItems = new Map<string, unknown>();
  const overlap = (url: URL, status: number, body: unknown): { status: number; body: unknown } | undefined => {
    const items = (body as { items?: unknown }).items;
    if (status !== 200 || !Array.isArray(items) || items.length === 0) return undefined;
    const previous = url.searchParams.has('cursor') ? lastItems.get(url.pathname) : undefined;
    lastItems.set(url.pathname, items[items.length - 1]);
    return previous === undefined ? undefined : { status, body: { ...(body as object), items: [previous, ...items].slice(0, items.length) } };
  };
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await inner(request);
    const path = new URL(request.url).pathname;
    const type = response.headers.get('content-type') ?? '';
    // The simulation API is left alone, but for its official actions under a refusal corruption.
    if (path.includes('/_sim/') && !(corruption === 'refusal-as-401' && path.endsWith('/actions'))) return response;
    const headers_ = corruptHeaders(corruption, response.status, response.headers);
    if (headers_ !== undefined) return new Response(response.body, { status: response.status, headers: headers_ });
    if (!/json/.test(type)) return response;
    const json: unknown = await response.clone().json();
    const changed = corruption === 'overlapping-pages' && request.method === 'GET'
      ? overlap(new URL(request.url), response.status, json)
      : corrupt(corruption, request.method, path, response.status, json);
    if (changed === undefined) return response;
    const headers = new Headers(response.headers);
    if (changed.status === 503 || changed.status === 401) headers.set('content-type', 'application/problem+json');
    headers.delete('content-length');
    return new Response(JSON.stringify(changed.body), { status: changed.status, headers });
  };
}
