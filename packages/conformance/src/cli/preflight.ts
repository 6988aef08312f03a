import { unreachableReason } from '../http/request-failure.js';
import { createSignedHttp } from '../http/signed-http.js';
import { isRecord, type HttpResponse } from '../http/response.js';
import type { Organization } from '../http/signer.js';
import type { Platform } from '../runner/types.js';
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
 * Sends one signed `GET {platform}/v1{path}?limit=1` as `organization` and returns the answer,
 * whatever it is. Nothing answering it (a reset, no answer within `timeoutMs`) throws
 * {@link TargetUnreachableError} naming the request's URL and the cause.
 *
 * @example
 * ```ts
 * const res = await probeList('https://gdx.example.gov.cn', org, 'registration', '/applications');
 * res.status; // 200
 * ```
 */
export async function probeList(baseUrl: string, organization: Organization, platform: Platform, path: string, fetchImpl?: typeof fetch, timeoutMs = requestTimeoutMs()): Promise<HttpResponse> {
  const http = createSignedHttp({ baseUrl, timeoutMs, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, organization);
  try {
    return await http.request('GET', platform, path, { query: { limit: 1 } });
  } catch (error) {
    const reason = unreachableReason(error);
    throw reason === undefined ? error : new TargetUnreachableError(`${http.platformUrl(platform)}${path}`, reason);
  }
}

/** Whether an answer refuses the organisation's credentials themselves (401 `APP_KEY_UNKNOWN` or `SIGNATURE_INVALID`). */
export function refusesCredentials(res: HttpResponse): boolean {
  return res.status === 401 && isRecord(res.body) && CREDENTIAL_REFUSALS.has(String(res.body.code));
}

/** The list the pre-run request reads: `GET …/registration/v1/applications?limit=1`. */
export const PROBE = { platform: 'registration', path: '/applications' } as const satisfies { platform: Platform; path: string };
