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

/**
 * The base URL of a platform inside a sandbox, under {@link MOCK_URL}. Use it instead of the
 * sandbox's `platforms` URLs: the mock builds those with `http://` unless the request carries
 * `X-Forwarded-Proto: https`, which a browser request to the worker does not.
 *
 * @example
 * ```ts
 * platformUrl('sbx_01K…', 'registration'); // 'https://gdx-mock.test/sandboxes/sbx_01K…/registration/v1'
 * ```
 */
export function platformUrl(sandboxId: string, platform: 'registration' | 'sharing' | 'open-data' | 'catalog'): string {
  return `${MOCK_URL}/sandboxes/${encodeURIComponent(sandboxId)}/${platform}/v1`;
}
