/**
 * Where the gdx mock answers: an origin of its own, like a real platform. `.test` is reserved
 * (RFC 6761) and never resolves, so only the service worker can answer it; `https` so the calls
 * are not blocked as mixed content when the page itself is served over https. The page's own
 * origin stays untouched: the handler answers everything under this URL.
 *
 * @example
 * ```ts
 * new SimulationClient({ baseUrl: `${MOCK_URL}/_sim/v1` });
 * ```
 */
export const MOCK_URL = 'https://gdx-mock.test';
