import { generateNonce } from '@gdx/protocol';
import type { Platform } from '../runner/types.js';
import { naming } from './request-failure.js';
import { readResponse, type HttpResponse } from './response.js';
import { signHeaders, type Organization } from './signer.js';

/** Options of one request. */
export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  /** JSON body (serialised with `JSON.stringify`). */
  json?: unknown;
  /** Raw body text; wins over `json`. */
  rawBody?: string;
  /** Content type of the body; defaults to `application/json` when there is one. */
  contentType?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** `false` sends no signature headers at all. */
  sign?: boolean;
  /** Sign with other credentials (e.g. a wrong secret). */
  signAs?: Organization;
  /** Sign over this body instead of the one sent (a tampered request). */
  signedBody?: string;
  timestamp?: number;
  nonce?: string;
}

/** Sends requests to one platform implementation, signed as one organisation. */
export interface SignedHttp {
  readonly organization: Organization;
  /** The platform root URL (`…/registration/v1`). */
  platformUrl(platform: Platform): string;
  request(method: string, platform: Platform, path: string, options?: RequestOptions): Promise<HttpResponse>;
}

/** Where the platforms live and how to reach them. */
export interface HttpTarget {
  baseUrl: string;
  platformUrls?: Partial<Record<Platform, string>>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Creates the signing HTTP helper handed to checks.
 *
 * @example
 * ```ts
 * const http = createSignedHttp({ baseUrl: 'http://127.0.0.1:4010' }, org);
 * const res = await http.request('GET', 'registration', '/applications');
 * ```
 */
export function createSignedHttp(target: HttpTarget, organization: Organization): SignedHttp {
  const platformUrl = (platform: Platform): string =>
    (target.platformUrls?.[platform] ?? `${target.baseUrl.replace(/\/+$/, '')}/${platform}/v1`).replace(/\/+$/, '');

  return {
    organization,
    platformUrl,
    async request(method, platform, path, options = {}) {
      const url = new URL(platformUrl(platform) + path);
      for (const [name, value] of Object.entries(options.query ?? {})) {
        if (value !== undefined) url.searchParams.append(name, String(value));
      }
      const body = options.rawBody ?? (options.json === undefined ? '' : JSON.stringify(options.json));
      const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
      if (body.length > 0) headers['content-type'] = options.contentType ?? 'application/json';
      if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
      if (options.sign !== false) {
        Object.assign(
          headers,
          signHeaders({
            method,
            url,
            body: options.signedBody ?? body,
            organization: options.signAs ?? organization,
            timestamp: options.timestamp ?? Date.now(),
            nonce: options.nonce ?? generateNonce(),
          }),
        );
      }
      Object.assign(headers, options.headers);
      // Looked up per call, never captured: a test's MSW server or an injected fetch must see it.
      const doFetch = target.fetch ?? globalThis.fetch;
      const limits = { timeoutMs: target.timeoutMs ?? 15_000, checkSignal: target.signal };
      return naming(method, url.toString(), limits, async (signal) =>
        readResponse(await doFetch(url, { method, headers, ...(body.length > 0 ? { body } : {}), signal }), method, url.toString()),
      );
    },
  };
}
