/**
 * A request as the transports hand it to the core: plain values, no WHATWG objects, so the
 * `node:http` server pays nothing for a `Request` it does not need.
 */
export interface DispatchRequest {
  method: string;
  /** The path as sent, percent-encoded, without the query. */
  path: string;
  /** The raw query string without `?` (may be empty). */
  query: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | string | undefined;
  /**
   * Scheme and host the client addressed, when the transport knows them from the request URL
   * (MSW, the in-process fetch), e.g. `https://gdx-mock.test`. Absolute URLs in answers start with
   * it. Without it they come from `Host` and `X-Forwarded-Proto` (the HTTP server).
   */
  origin?: string;
  /**
   * A path prefix the transport removed from `path` (MSW handlers mounted below a path, e.g.
   * `/gdx`). Signatures are checked against the path as sent (prefix + path), and absolute URLs in
   * answers keep the prefix.
   */
  prefix?: string;
}

/** The core's answer; `connectionReset` asks the transport to fail like a dropped connection. */
export interface DispatchResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  connectionReset?: true;
}
