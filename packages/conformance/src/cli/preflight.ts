import { unreachableReason } from '../http/request-failure.js';
import { createSignedHttp } from '../http/signed-http.js';

export { unreachableReason };
import { isRecord, type HttpResponse } from '../http/response.js';
import type { Organization } from '../http/signer.js';
import type { Sandbox } from '../http/sim-client.js';
import { requestTimeoutMs } from '../runner/run-conformance.js';

/** The target could not be reached at all (refused, unknown host, timed out): no check can say anything. */
export class TargetUnreachableError extends Error {
  readonly code = 'TARGET_UNREACHABLE';
  constructor(readonly url: string, readonly reason: string) {
    super(`cannot connect to ${url}: ${reason}`);
    this.name = 'TargetUnreachableError';
  }
}

/**
 * Sends one GET to `url` and accepts any answer; throws {@link TargetUnreachableError} naming the
 * URL and the cause when nothing answers, so a dead server is not reported as 100 failed checks.
 *
 * @example
 * ```ts
 * await ensureReachable('http://127.0.0.1:4010', fetch, 15_000); // throws: cannot connect to http://127.0.0.1:4010: ECONNREFUSED (…)
 * ```
 */
export async function ensureReachable(url: string, fetchImpl: typeof fetch = globalThis.fetch, timeoutMs = requestTimeoutMs()): Promise<void> {
  try {
    const response = await fetchImpl(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    const reason = unreachableReason(error);
    throw reason === undefined ? error : new TargetUnreachableError(url, reason);
  }
}

/** The 401 codes that mean the platform refuses an organisation's credentials themselves. */
const CREDENTIAL_REFUSALS = new Set(['APP_KEY_UNKNOWN', 'SIGNATURE_INVALID']);

/**
 * Sends one signed `GET …/registration/v1/applications?limit=1` as `organization` and returns the
 * answer when the platform refuses the credentials themselves (401 `APP_KEY_UNKNOWN` or
 * `SIGNATURE_INVALID`), else `undefined`. Nothing answering it (a reset, no answer within
 * `timeoutMs`) throws {@link TargetUnreachableError} naming the request's URL and the cause.
 *
 * @example
 * ```ts
 * const refusal = await refusedCredentials('https://gdx.example.gov.cn', { appKey: 'ak_1', secret: 's1', creditCode: '' });
 * if (refusal) console.error(explainResponse(refusal)); // '401 application/problem+json APP_KEY_UNKNOWN: unknown app key ak_1 […]'
 * ```
 */
export async function refusedCredentials(baseUrl: string, organization: Organization, fetchImpl?: typeof fetch, timeoutMs = requestTimeoutMs()): Promise<HttpResponse | undefined> {
  const http = createSignedHttp({ baseUrl, timeoutMs, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, organization);
  try {
    const res = await http.request('GET', 'registration', '/applications', { query: { limit: 1 } });
    return res.status === 401 && isRecord(res.body) && CREDENTIAL_REFUSALS.has(String(res.body.code)) ? res : undefined;
  } catch (error) {
    const reason = unreachableReason(error);
    throw reason === undefined ? error : new TargetUnreachableError(`${http.platformUrl('registration')}/applications`, reason);
  }
}

/**
 * Whether the platforms at `baseUrl` know the sandbox's app keys: a signed request answered 401
 * `APP_KEY_UNKNOWN` means the base URL serves another sandbox, and every signed check would fail
 * as if the platform were broken. Nothing answering it (a reset, no answer within `timeoutMs`)
 * throws {@link TargetUnreachableError} naming the request's URL and the cause.
 *
 * @example
 * ```ts
 * if (!(await servesSandbox('http://127.0.0.1:4010', sandbox, fetch, 15_000))) { … }
 * ```
 */
export async function servesSandbox(baseUrl: string, sandbox: Sandbox, fetchImpl?: typeof fetch, timeoutMs = requestTimeoutMs()): Promise<boolean> {
  const organization = sandbox.organizations[0];
  if (!organization) return true;
  const refusal = await refusedCredentials(baseUrl, organization, fetchImpl, timeoutMs);
  return !(isRecord(refusal?.body) && refusal.body.code === 'APP_KEY_UNKNOWN');
}
