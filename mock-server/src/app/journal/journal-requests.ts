import type { Sandbox } from '../../sandbox/sandbox.js';
import type { DispatchRequest, DispatchResponse } from '../dispatch-types.js';
import { captureBody, capturedBytes } from './capture-body.js';
import { redactSecrets } from './redact-secrets.js';

/** What `journalRequests` needs from its app. */
export interface JournalingOptions {
  /** The sandbox of an id as the app holds it now (after a reset: the new one). */
  sandbox(id: string): Sandbox | undefined;
  /** Wall time (epoch ms). */
  wall(): number;
  /** A fine clock for durations (default `performance.now`). */
  monotonic?: () => number;
}

/** Fixed cost of a record beyond its strings and bodies, in bytes: its objects, numbers and references. */
const RECORD_OVERHEAD_BYTES = 256;

/** Memory of strings, counted as V8's two-byte form (an upper bound: ASCII takes half of it). */
const BYTES_PER_CHAR = 2;

/**
 * Wraps the core's `dispatch` so every answered request lands in the request journal of the
 * sandbox it addressed (`meta.sandboxId`, looked up after the answer: a reset's own request opens
 * the new sandbox's journal). Requests of no sandbox (creating one, the probes), of a sandbox that
 * does not exist, the journal's own routes, and requests marked `journal: false` (the embedding
 * process's own) are not journaled. Being a wrapper of the core, it
 * journals the MSW, in-process fetch and HTTP transports alike.
 *
 * @example
 * ```ts
 * const dispatch = journalRequests(core, { sandbox: (id) => registry.get(id), wall: Date.now });
 * ```
 */
export function journalRequests(dispatch: (request: DispatchRequest) => Promise<DispatchResponse>, options: JournalingOptions): (request: DispatchRequest) => Promise<DispatchResponse> {
  const monotonic = options.monotonic ?? (() => performance.now());
  return (request) => {
    if (request.journal === false) return dispatch(request);
    const receivedAt = options.wall();
    const started = monotonic();
    return dispatch(request).then((response) => {
      const meta = response.meta;
      if (!meta?.journaled || meta.sandboxId === null) return response;
      const sandbox = options.sandbox(meta.sandboxId);
      if (!sandbox || sandbox.requests.limits.entries === 0) return response;
      const { bodyBytes } = sandbox.requests.limits;
      // The simulation API's bodies carry secrets (a webhook's, the organisations' in a reset's
      // answer): kept redacted. A platform's bodies are kept as sent: none of them holds a secret.
      const sim = meta.platform === 'sim';
      const requestBody = captureBody(sim ? redactSecrets(request.body) : request.body, request.headers['content-type'], bodyBytes);
      const responseBody = response.connectionReset ? null : captureBody(sim ? redactSecrets(response.body) : response.body, response.headers['content-type'], bodyBytes);
      sandbox.requests.record({
        requestId: meta.requestId,
        receivedAt,
        simulatedAt: sandbox.now(),
        method: request.method,
        path: request.path,
        query: request.query,
        platform: meta.platform,
        operationId: meta.operationId,
        organizationId: meta.organizationId,
        appKey: meta.appKey,
        status: response.connectionReset ? 0 : response.status,
        durationMs: Math.max(0, monotonic() - started),
        problemCode: meta.problemCode,
        requestBody,
        responseBody,
        bytes: RECORD_OVERHEAD_BYTES + BYTES_PER_CHAR * (request.path.length + request.query.length) + capturedBytes(requestBody) + capturedBytes(responseBody),
      });
      return response;
    });
  };
}
