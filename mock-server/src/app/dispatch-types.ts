import type { JsonParts } from './json-parts.js';

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
  /**
   * `false` leaves the request out of its sandbox's request journal: for the embedding process's
   * own reads (the `gdx-mock` banner reads the default sandbox at start), which the journal's
   * readers did not send. No transport sets it.
   */
  journal?: false;
  /**
   * The transport writes a body given in parts (`DispatchResponse.parts`): the HTTP server, which
   * sends them one socket write at a time. Without it the core joins them into `body`.
   */
  takesParts?: true;
  /**
   * The transport did not read the body: it is over the body limit (announced by its
   * `Content-Length`, or cut off while streaming). The core answers 413 `PAYLOAD_TOO_LARGE` as it
   * does for a body it measures, so the refusal is journaled and logged with its route.
   */
  bodyTooLarge?: true;
  /**
   * Node's HTTP parser refused the request with this code (`HPE_INVALID_CONTENT_LENGTH`, …);
   * `method`, `path` and `query` are its request line as far as the parser's chunk shows it
   * (bytes outside visible ASCII percent-encoded), `headers` empty. The core answers 414 for a
   * target over the limit, 431 `HEADERS_TOO_LARGE` for a head the parser found too large, else
   * 400 `VALIDATION_FAILED`, so the refusal is journaled and logged with its route like the others.
   */
  parseError?: string;
}

/** The core's answer; `connectionReset` asks the transport to fail like a dropped connection. */
export interface DispatchResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /**
   * The body in parts, `body` then empty: a large JSON answer (a sandbox's export) made over
   * several turns of the event loop and written a part at a time. Only for a request that
   * `takesParts`.
   */
  parts?: JsonParts;
  connectionReset?: true;
  /** The code of a problem answer, set where the problem is made (never sent). */
  problemCode?: string;
  /** What the core learnt about the request while answering it (never sent): for request logs. */
  meta?: DispatchMeta;
}

/**
 * What the core knows of a request once it answered it: the request log and the request journal
 * read it here rather than parsing the request or the answer again.
 */
export interface DispatchMeta {
  /** The `X-Request-Id` of the answer. */
  requestId: string;
  /** The sandbox the request addressed (`default` at the root), or `null` (sandbox-less simulation routes, unknown sandboxes). */
  sandboxId: string | null;
  /** The platform of the matched route, `sim` for the simulation API, `null` when nothing matched. */
  platform: string | null;
  /** The matched operation's `operationId`, or `null`. */
  operationId: string | null;
  /** The organisation of the app key presented (also when its signature failed), or `null`. */
  organizationId: string | null;
  /** The `X-Gdx-App-Key` presented, or `null`. */
  appKey: string | null;
  /** The problem code of a problem answer, or `null`. */
  problemCode: string | null;
  /** False for requests the journal leaves out (reads of the simulation API, clears of the journal). */
  journaled: boolean;
}
