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
}

/** The core's answer; `connectionReset` asks the transport to fail like a dropped connection. */
export interface DispatchResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  connectionReset?: true;
}
