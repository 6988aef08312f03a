import { contentDigest } from '@gdx/protocol';
import type { SandboxRegistry } from '../sandbox/registry.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { IdempotencyStore } from '../sandbox/idempotency-store.js';
import type { DispatchRequest } from './dispatch-types.js';
import type { Organisation } from './platform-module.js';
import { SIM_PREFIX, type CoreRoute } from './route-table.js';

/** Where a keyed request's record is kept, and under which scope of that store. */
export interface IdempotencySlot {
  store: IdempotencyStore;
  scope: string;
  /** The request's `Idempotency-Key`. */
  key: string;
}

/**
 * Where the record of a request with an `Idempotency-Key` lives, or `undefined` when its route
 * keeps none: a platform `POST` in its sandbox's store, scoped by the signing organisation; a
 * simulation-API write the contract gives the header in its sandbox's store under the simulation
 * API's own scope (a platform key of the same text is another key), or — creating or importing a
 * sandbox, which exists only after the request — in the app's store (`SandboxRegistry.idempotency`).
 *
 * @example
 * ```ts
 * idempotencySlot(route, 'POST', sandbox, registry, caller, 'k-1')?.scope; // 'org_…\nk-1'
 * ```
 */
export function idempotencySlot(route: CoreRoute, method: string, sandbox: Sandbox | undefined, registry: SandboxRegistry, caller: Organisation | undefined, key: string): IdempotencySlot | undefined {
  if (route.kind === 'platform') return method === 'POST' && sandbox ? { store: sandbox.idempotency, scope: `${caller?.id ?? '-'}\n${key}`, key } : undefined;
  if (route.idempotency === 'sandbox') return sandbox ? { store: sandbox.idempotency, scope: `${SIM_PREFIX}\n${key}`, key } : undefined;
  return route.idempotency === 'app' ? { store: registry.idempotency, scope: key, key } : undefined;
}

/**
 * The request path below its sandbox: `/catalog/v1/entries` for `/sandboxes/x/catalog/v1/entries`
 * (as fault globs see it), `/webhooks` for `/_sim/v1/sandboxes/x/webhooks`. Fingerprints keep it
 * so, so a sandbox's records still hold in a copy imported under another id.
 *
 * @example
 * ```ts
 * pathInSandbox('/_sim/v1/sandboxes/sbx_1/webhooks'); // '/webhooks'
 * ```
 */
export function pathInSandbox(path: string): string {
  if (path.startsWith(SANDBOXES)) {
    // What `/^\/sandboxes\/[^/]+/` would cut, found with indexOf (no regular expression per request).
    const end = path.indexOf('/', SANDBOXES.length);
    if (end === SANDBOXES.length || path.length === SANDBOXES.length) return path;
    return end === -1 ? '' : path.slice(end);
  }
  return path.startsWith(`${SIM_PREFIX}/sandboxes/`) ? path.replace(/^\/_sim\/v1\/sandboxes\/[^/]+(?=\/)/, '') : path;
}

/**
 * How a request is recognised again under its idempotency key: `METHOD path?query`, a newline and
 * the SHA-256 (hex) of the JSON body text. A body signed with HMAC-SHA256 was hashed by the
 * verifier, whose checked content digest is that same hash — unless decoding the bytes dropped a
 * byte-order mark — so it is not hashed a second time.
 * Fingerprints are kept in snapshots; those of the first form are 64 hex digits, never this form.
 *
 * @example
 * ```ts
 * fingerprintOf(req, '{"text":"x"}', undefined); // 'POST /sharing/v1/notes?\n5c1…'
 * ```
 */
export function fingerprintOf(req: DispatchRequest, bodyText: string | undefined, signedSha256: string | undefined): string {
  const reusable = signedSha256 !== undefined && bodyText !== undefined && !startsWithByteOrderMark(req.body);
  return `${req.method} ${pathInSandbox(req.path)}?${req.query}\n${reusable ? signedSha256 : contentDigest(bodyText, 'HMAC-SHA256')}`;
}

/**
 * The fingerprint's first form (until 2026-12): one SHA-256 of the method, target and body text.
 *
 * @example
 * ```ts
 * firstFormFingerprint(req, '{"text":"x"}').length; // 64
 * ```
 */
export function firstFormFingerprint(req: DispatchRequest, bodyText: string | undefined): string {
  return contentDigest(`${req.method} ${pathInSandbox(req.path)}?${req.query}\n${bodyText ?? ''}`, 'HMAC-SHA256');
}

const SANDBOXES = '/sandboxes/';

/** Whether body bytes start with the UTF-8 byte-order mark, which the body's decoding drops. */
function startsWithByteOrderMark(body: DispatchRequest['body']): boolean {
  return typeof body !== 'string' && body !== undefined && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
}
