import { explainResponse, describeResponse, isRecord, type HttpResponse } from '../http/response.js';
import type { Organization } from '../http/signer.js';
import { sharedBundledSpecs, type Specs } from '../specs/load-specs.js';
import { PLATFORMS, type Platform } from '../runner/types.js';
import { PROBE, probeList } from '../runner/preflight.js';

/**
 * Whether the answer to a list read (a GET without path parameters, which a served platform answers
 * 200 — or refuses for the caller's credentials or role) says that nothing is routed there. Any
 * 404 does: a list has no object that could be missing, so even a contract-shaped problem
 * `NOT_FOUND` — the shape a gateway or an unknown sandbox (`…/sandboxes/nope`) answers with too —
 * means the route is not served under the base URL, not that an object does not exist.
 *
 * @example
 * ```ts
 * isRouteNotFound({ status: 404, contentType: 'application/problem+json', body: { code: 'NOT_FOUND', … }, … }); // true
 * ```
 */
function isRouteNotFound(res: HttpResponse): boolean {
  return res.status === 404;
}

/** The first list path (a GET without path parameters) each platform's bundled document declares. */
function listPaths(specs: Specs): Partial<Record<Platform, string>> {
  const paths: Partial<Record<Platform, string>> = {};
  for (const platform of PLATFORMS) {
    const found = Object.entries(specs[platform]?.paths ?? {}).find(([path, item]) => !path.includes('{') && isRecord(item.get));
    if (found) paths[platform] = found[0];
  }
  return paths;
}

/**
 * With `registrationAnswer` (the pre-run `GET …/registration/v1/applications?limit=1`) a 404,
 * reads one list of every other platform at `baseUrl` as well, and returns all the answers when
 * every one of them is a 404 too (see {@link isRouteNotFound}): nothing of the platforms is
 * served under `baseUrl`, which is then not the root they live under. Returns `undefined` as soon
 * as one platform is routed — a deployment serving some platforms only is not refused here.
 *
 * @example
 * ```ts
 * const first = await probeList({ baseUrl }, org, 'registration', '/applications');
 * const answers = await unroutedPlatforms(baseUrl, org, first); // undefined, or five 404s
 * ```
 */
export async function unroutedPlatforms(baseUrl: string, organization: Organization, registrationAnswer: HttpResponse, fetchImpl?: typeof fetch, timeoutMs?: number, specs?: Specs): Promise<HttpResponse[] | undefined> {
  if (!isRouteNotFound(registrationAnswer)) return undefined;
  const answers = [registrationAnswer];
  const target = { baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
  for (const [platform, path] of Object.entries(listPaths(specs ?? (await sharedBundledSpecs()))) as [Platform, string][]) {
    if (platform === PROBE.platform) continue;
    const answer = await probeList(target, organization, platform, path);
    if (!isRouteNotFound(answer)) return undefined;
    answers.push(answer);
  }
  return answers;
}

/** Path segments that begin the platforms' or the simulation API's paths, never a base URL's. */
const SERVED_SEGMENTS = new Set<string>([...PLATFORMS, '_sim']);

/**
 * The base URL `baseUrl` most likely meant: the part before a platform's (or the simulation API's)
 * own path segment, or `undefined` when it holds none.
 *
 * @example
 * ```ts
 * suggestedBaseUrl('http://127.0.0.1:4010/registration/v1');                 // 'http://127.0.0.1:4010'
 * suggestedBaseUrl('http://127.0.0.1:4010/sandboxes/sbx_1/catalog/v1/entries'); // 'http://127.0.0.1:4010/sandboxes/sbx_1'
 * ```
 */
function suggestedBaseUrl(baseUrl: string): string | undefined {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/');
  const at = segments.findIndex((segment) => SERVED_SEGMENTS.has(segment));
  return at < 0 ? undefined : `${url.origin}${segments.slice(0, at).join('/')}`;
}

/**
 * The message of a base URL under which no platform is served: the base URL, the requests and
 * their answers, and what the base URL should be.
 *
 * @example
 * ```ts
 * misplacedBaseUrlMessage('http://127.0.0.1:4010/registration/v1', answers);
 * // '--base-url http://127.0.0.1:4010/registration/v1 serves none of the platforms: … Give --base-url http://127.0.0.1:4010 …'
 * ```
 */
export function misplacedBaseUrlMessage(baseUrl: string, answers: readonly HttpResponse[]): string {
  const [first, ...others] = answers;
  const also = others.length > 0 ? `, and likewise ${others.map((a) => `GET ${a.url} ${describeResponse(a)}`).join(', ')}` : '';
  const suggestion = suggestedBaseUrl(baseUrl);
  const should = suggestion === undefined
    ? 'Give the server root, or the prefix under which /registration/v1/… is served'
    : `Give the server root or the prefix under which /registration/v1/… is served — here probably --base-url ${suggestion}`;
  return `--base-url ${baseUrl} serves none of the platforms: a signed GET ${first?.url} answered ${first ? explainResponse(first) : '(nothing)'}${also} (a served platform answers these lists 200: nothing is routed there). ${should} (基础地址有误：其下没有平台接口)`;
}
