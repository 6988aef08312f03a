import type { SandboxRegistry } from './sandbox-registry.js';
import { createSignedHttp, type HttpTarget, type SignedHttp } from './signed-http.js';
import { naming } from './request-failure.js';
import { describeResponse, isRecord, readResponse, type HttpResponse } from './response.js';
import type { Organization } from './signer.js';
import type { Platform } from '../runner/types.js';

/** Reviewer policy of a sandbox (`ReviewerPolicy` of the simulation contract). */
export type ReviewerPolicy =
  | { mode: 'auto'; approvalRate?: number; decideOn?: 'first_day' | 'last_day' }
  | { mode: 'manual' }
  | { mode: 'late'; overdueByWorkingDays?: number; approvalRate?: number };

/** Body of `POST /_sim/v1/sandboxes` (`SandboxCreate` of `openapi/simulation/openapi.yaml`). */
export interface SandboxSpec {
  /** A shipped profile name or an inline profile (`{ name, extends, limits, options }`). */
  profile: string | Record<string, unknown>;
  /** RFC 3339 instant the clock starts at. */
  startAt?: string;
  /** Non-negative integer seed of the sandbox's random choices. */
  seed?: number;
  reviewerPolicy?: ReviewerPolicy;
  clock?: { mode: 'virtual' | 'realtime' };
}

/** A sandbox the kit created or was pointed at. */
export interface Sandbox {
  id: string;
  /** Root serving `/{platform}/v1` for this sandbox. */
  baseUrl: string;
  /** Platform roots the answer named (`platforms: { catalog: '/sandboxes/x/catalog/v1' }`), made absolute. */
  platformUrls: Partial<Record<Platform, string>>;
  organizations: Organization[];
  /** The raw answer of the simulation API. */
  raw: unknown;
  /** Signed HTTP for this sandbox as organisation `index`. */
  http(index?: number): SignedHttp;
  /** `POST /clock/advance` with `{ workingDays }`, `{ duration }` or `{ to }`. */
  advance(by: { workingDays: number } | { duration: string } | { to: string }): Promise<HttpResponse>;
  /** `POST /actions`: an official decides, requests supplements, publishes … */
  act(action: Record<string, unknown>): Promise<HttpResponse>;
  /** Any other simulation call below `/sandboxes/{id}`. */
  request(method: string, path: string, json?: unknown): Promise<HttpResponse>;
  dispose(): Promise<void>;
}

/** The simulation API, reached without signatures. */
export interface SimClient {
  readonly url: string;
  request(method: string, path: string, json?: unknown): Promise<HttpResponse>;
  /** Creates a sandbox; throws {@link SimulationError} when the API refuses. */
  createSandbox(spec: SandboxSpec): Promise<Sandbox>;
  /** Reads an existing sandbox (for `--sandbox`). */
  getSandbox(id: string): Promise<Sandbox>;
}

/** The simulation API answered something the kit cannot use. */
export class SimulationError extends Error {
  readonly code = 'SIMULATION_API_ERROR';
  constructor(message: string, readonly response?: HttpResponse) {
    super(message);
    this.name = 'SimulationError';
  }
}

function toOrganization(value: unknown): Organization | undefined {
  if (!isRecord(value)) return undefined;
  const creds = isRecord(value.credentials) ? { ...value, ...value.credentials } : value;
  const { appKey, creditCode, algorithm, roles, id } = creds;
  // The gdx mock names the secret `appSecret`; other simulators may say `secret`.
  const secret = creds.secret ?? creds.appSecret;
  if (typeof appKey !== 'string' || typeof secret !== 'string') return undefined;
  return {
    appKey,
    secret,
    creditCode: typeof creditCode === 'string' ? creditCode : '',
    ...(algorithm === 'HMAC-SM3' || algorithm === 'HMAC-SHA256' ? { algorithm } : {}),
    ...(Array.isArray(roles) ? { roles: roles.filter((r): r is string => typeof r === 'string') } : {}),
    ...(typeof id === 'string' ? { id } : {}),
  };
}

/**
 * Creates the simulation API helper. `url` is the simulation root (`http://host/_sim/v1`);
 * `signal` (a check's time limit) ends its requests and those of its sandboxes, except a
 * sandbox's deletion;
 * sandbox platform roots are those the answer names (`platforms`, `baseUrl`), else
 * `…/sandboxes/{id}` on the same origin. `token` is sent as `Authorization: Bearer` (a mock
 * started with `--sim-token`).
 *
 * @example
 * ```ts
 * const sim = createSimClient({ url: 'http://127.0.0.1:4010/_sim/v1' });
 * const sbx = await sim.createSandbox({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00', reviewerPolicy: { mode: 'manual' } });
 * await sbx.advance({ workingDays: 4 });
 * await sbx.dispose();
 * ```
 */
export function createSimClient(options: Omit<HttpTarget, 'baseUrl'> & { url: string; token?: string; sandboxes?: SandboxRegistry }): SimClient {
  const root = options.url.replace(/\/+$/, '');
  const auth: Record<string, string> = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  /** `bounded`: also ends when `options.signal` (a check's time limit) does; a sandbox's deletion is not. */
  const send = async (method: string, path: string, json: unknown, bounded: boolean): Promise<HttpResponse> => {
    const doFetch = options.fetch ?? globalThis.fetch;
    const url = root + path;
    const limits = { timeoutMs: options.timeoutMs ?? 15_000, checkSignal: bounded ? options.signal : undefined };
    return naming(method, url, limits, async (signal) => {
      const response = await doFetch(url, {
        method,
        // Writes say JSON also without a body: the gdx mock's simulation API refuses anything else
        // (no CORS simple request); the token is for a mock started with --sim-token.
        headers: { accept: 'application/json', ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...auth },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        signal,
      });
      return readResponse(response, method, url);
    });
  };
  const request = (method: string, path: string, json?: unknown): Promise<HttpResponse> => send(method, path, json, true);

  const toSandbox = (res: HttpResponse): Sandbox => {
    const body = isRecord(res.body) && isRecord(res.body.sandbox) ? res.body.sandbox : res.body;
    if (res.status >= 300 || !isRecord(body)) {
      const detail = isRecord(res.body) && typeof res.body.detail === 'string' ? `: ${res.body.detail}` : '';
      throw new SimulationError(`simulation API answered ${describeResponse(res)}${detail}`, res);
    }
    const id = typeof body.id === 'string' ? body.id : typeof body.sandboxId === 'string' ? body.sandboxId : undefined;
    if (id === undefined) throw new SimulationError('sandbox answer has no id', res);
    const list = Array.isArray(body.organizations) ? body.organizations : Array.isArray(body.organisations) ? body.organisations : [];
    const organizations = list.map(toOrganization).filter((o): o is Organization => o !== undefined);
    const origin = new URL(root).origin;
    const baseUrl = typeof body.baseUrl === 'string' ? body.baseUrl : `${origin}/sandboxes/${encodeURIComponent(id)}`;
    const platformUrls: Partial<Record<Platform, string>> = {};
    for (const [name, path] of Object.entries(isRecord(body.platforms) ? body.platforms : {})) {
      if (typeof path === 'string') platformUrls[name as Platform] = new URL(path, origin).toString();
    }
    const { sandboxes: _registry, ...http } = options;
    const target: HttpTarget = { ...http, baseUrl, platformUrls };
    const scoped = (method: string, path: string, json?: unknown) =>
      request(method, `/sandboxes/${encodeURIComponent(id)}${path}`, json);
    const sandbox: Sandbox = {
      id,
      baseUrl,
      platformUrls,
      organizations,
      raw: res.body,
      http(index = 0) {
        const org = organizations[index];
        if (org === undefined) throw new SimulationError(`sandbox ${id} has no organisation #${index}`, res);
        return createSignedHttp(target, org);
      },
      advance: (by) => scoped('POST', '/clock/advance', by),
      act: (action) => scoped('POST', '/actions', action),
      request: scoped,
      async dispose() {
        options.sandboxes?.remove(sandbox);
        // Also after the check's time ran out: the sandbox must not outlive its check.
        await send('DELETE', `/sandboxes/${encodeURIComponent(id)}`, undefined, false);
      },
    };
    return sandbox;
  };

  return {
    url: root,
    request,
    async createSandbox(spec) {
      const registry = options.sandboxes;
      if (registry?.closing) throw new SimulationError('the run was cancelled: no sandbox is created any more');
      const creating = request('POST', '/sandboxes', spec).then(toSandbox);
      return registry ? registry.add(creating) : creating;
    },
    async getSandbox(id) {
      return toSandbox(await request('GET', `/sandboxes/${encodeURIComponent(id)}`));
    },
  };
}
