import { signRequest } from '@gdx/protocol';
import type { Transport } from './transports.js';

export interface Credentials {
  id: string;
  appKey: string;
  secret: string;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  as?: Credentials;
  timestamp?: number;
  nonce?: string;
  /** Sign this body instead of the one sent (to tamper). */
  signedBody?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** A tiny test client: JSON in, JSON out, signs when given credentials. */
export function client(transport: Transport) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const url = `${transport.baseUrl}${path}`;
    const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = { ...options.headers };
    if (text !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    // The simulation API takes writes only as JSON, also without a body (no CORS simple request).
    else if (method !== 'GET' && method !== 'HEAD' && headers['content-type'] === undefined) headers['content-type'] = options.contentType ?? 'application/json';
    if (options.as) {
      Object.assign(headers, signRequest({ method, url, body: options.signedBody ?? text, appKey: options.as.appKey, secret: options.as.secret, timestamp: options.timestamp, nonce: options.nonce }));
    }
    const response = await transport.fetch(url, { method, headers, ...(text !== undefined ? { body: text } : {}) });
    const raw = await response.text();
    let body: unknown = raw;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      // keep the text
    }
    return { status: response.status, headers: response.headers, body };
  };
}
