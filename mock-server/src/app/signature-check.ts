import { HEADERS, type NonceStore, type SignableBody, type VerifyInput } from '@gdx/protocol';
import type { SignedBy } from '../persistence/journal-entry.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { DispatchRequest } from './dispatch-types.js';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** The headers of a signature: any one of them makes a request signed, to be checked whole. */
const SIGNING_HEADERS: readonly string[] = [HEADERS.appKey, HEADERS.signature, HEADERS.timestamp, HEADERS.nonce, HEADERS.signatureMethod, HEADERS.contentDigest];

/**
 * Whether a request to an operation of optional authentication is signed: it carries any of the
 * signing headers. One sent alone (a key without its signature) is a signature begun, refused
 * as incomplete (401 `SIGNATURE_MISSING`), never taken for an anonymous request.
 *
 * @example
 * ```ts
 * carriesSignature({ 'x-gdx-app-key': 'ak_1' }); // true
 * carriesSignature({ accept: 'text/csv' }); // false
 * ```
 */
export function carriesSignature(headers: Readonly<Record<string, string>>): boolean {
  return SIGNING_HEADERS.some((name) => headers[name] !== undefined);
}

/**
 * The input of `verifySignature` for one live request of the core, and the nonce store it
 * remembers the nonce in (the sandbox's, seen through, so the journal entry can carry the nonce
 * the verifier accepted). One per dispatcher, reused by every request: a check runs within one
 * synchronous call, and an object of one shape, filled in place, spares each request an input
 * literal, two closures and a nonce store wrapper.
 *
 * @example
 * ```ts
 * const check = new SignatureCheck();
 * const verdict = verifySignature(check.start(req, sandbox, now));
 * const signedBy = check.finish(); // the nonce remembered, if the signature was accepted
 * ```
 */
export class SignatureCheck implements VerifyInput, NonceStore {
  method = '';
  url = '';
  headers: Readonly<Record<string, string>> = NO_HEADERS;
  body: SignableBody = undefined;
  now = 0;
  readonly nonceStore: NonceStore = this;
  #sandbox: Sandbox | undefined = undefined;
  #seen: SignedBy | undefined = undefined;

  /** Fills the input with `req`, checked against `sandbox`'s keys and nonces at `now`. */
  start(req: DispatchRequest, sandbox: Sandbox, now: number): this {
    this.method = req.method;
    this.url = `${req.prefix ?? ''}${req.path}${req.query ? `?${req.query}` : ''}`;
    this.headers = req.headers;
    this.body = req.body;
    this.now = now;
    this.#sandbox = sandbox;
    this.#seen = undefined;
    return this;
  }

  /** The nonce the check remembered (`undefined` when it refused before that), and lets go of the request. */
  finish(): SignedBy | undefined {
    const seen = this.#seen;
    this.url = '';
    this.headers = NO_HEADERS;
    this.body = undefined;
    this.#sandbox = undefined;
    this.#seen = undefined;
    return seen;
  }

  lookupSecret(appKey: string): string | undefined {
    return this.#sandbox?.organisationByAppKey(appKey)?.appSecret;
  }

  remember(appKey: string, nonce: string, expiresAt: number, at: number): boolean {
    this.#seen = { appKey, nonce, expiresAt };
    return (this.#sandbox as Sandbox).nonces.remember(appKey, nonce, expiresAt, at);
  }
}
