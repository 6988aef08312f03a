import { unreachableReason } from '../http/request-failure.js';
import { createSignedHttp, type HttpTarget } from '../http/signed-http.js';
import { explainResponse, isRecord, type HttpResponse } from '../http/response.js';
import type { Organization } from '../http/signer.js';
import type { Platform } from './types.js';

/** The target could not be reached at all (refused, unknown host, timed out): no check can say anything. */
export class TargetUnreachableError extends Error {
  readonly code = 'TARGET_UNREACHABLE';
  constructor(readonly url: string, readonly reason: string) {
    super(`cannot connect to ${url}: ${reason}`);
    this.name = 'TargetUnreachableError';
  }
}

/**
 * The platform refuses an organisation's credentials themselves: its signed pre-run read was
 * answered 401 `APP_KEY_UNKNOWN` or `SIGNATURE_INVALID`. Every signed check would fail with the
 * same 401 (and those expecting a refusal would pass), so {@link runConformance} runs none.
 * Holds the organisation's position and app key (never its secret) and the answer.
 *
 * @example
 * ```ts
 * try {
 *   await runConformance(options);
 * } catch (error) {
 *   if (error instanceof CredentialsRefusedError) console.error(error.appKey, error.response.status, error.zh);
 * }
 * ```
 */
export class CredentialsRefusedError extends Error {
  readonly code = 'CREDENTIALS_REFUSED';
  /** The message in Chinese. */
  readonly zh: string;
  /** The organisation's app key. */
  readonly appKey: string;
  /**
   * @param index - the organisation's position in `organizations` (0 for the first)
   * @param organization - the organisation whose credentials were refused
   * @param response - the platform's answer to its signed read
   */
  constructor(readonly index: number, organization: Organization, readonly response: HttpResponse) {
    const answer = explainResponse(response);
    super(`the platform refuses the credentials of organisation #${index + 1} (${organization.appKey}): a signed GET ${response.url} answered ${answer}. Check its app key, secret and algorithm (or pass preflight: false to a platform that does not serve this read)`);
    this.zh = `平台拒绝了第 ${index + 1} 个机构（${organization.appKey}）的凭据：签名请求 GET ${response.url} 的应答为 ${answer}。请核对其 appKey、密钥和签名算法（平台不提供该查询时可传 preflight: false）`;
    this.appKey = organization.appKey;
    this.name = 'CredentialsRefusedError';
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
export async function ensureReachable(url: string, fetchImpl: typeof fetch = globalThis.fetch, timeoutMs: number): Promise<void> {
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
 * Sends one signed `GET {platform}/v1{path}?limit=1` as `organization` to `target` and returns the
 * answer, whatever it is. Nothing answering it (a reset, no answer within `target.timeoutMs`,
 * default 15 s) throws {@link TargetUnreachableError} naming the request's URL and the cause.
 *
 * @example
 * ```ts
 * const res = await probeList({ baseUrl: 'https://gdx.example.gov.cn' }, org, 'registration', '/applications');
 * res.status; // 200
 * ```
 */
export async function probeList(target: HttpTarget, organization: Organization, platform: Platform, path: string): Promise<HttpResponse> {
  const http = createSignedHttp(target, organization);
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

/**
 * Sends the pre-run read ({@link PROBE}) as each organisation in turn and throws
 * {@link CredentialsRefusedError} for the first whose credentials the platform refuses. A read
 * nothing answers says nothing about credentials: the probing stops there (one request's time
 * limit at most) and the checks run, naming the requests that got no answer as they always do.
 *
 * @example
 * ```ts
 * await ensureCredentialsAccepted({ baseUrl: 'http://127.0.0.1:4010' }, [orgA, orgB]); // throws for an unknown app key
 * ```
 */
export async function ensureCredentialsAccepted(target: HttpTarget, organizations: readonly Organization[]): Promise<void> {
  for (const [index, organization] of organizations.entries()) {
    let answer: HttpResponse;
    try {
      answer = await probeList(target, organization, PROBE.platform, PROBE.path);
    } catch (error) {
      if (error instanceof TargetUnreachableError) return;
      throw error;
    }
    if (refusesCredentials(answer)) throw new CredentialsRefusedError(index, organization, answer);
  }
}
