import { isSignatureAlgorithm, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './algorithms.js';
import { canonicalRequest } from './canonical.js';
import { contentDigest, type SignableBody } from './digest.js';
import { HEADERS } from './headers.js';
import { NONCE_PATTERN } from './ids.js';
import type { NonceStore } from './nonce-store.js';
import { computeSignature } from './hmac.js';
import { splitTarget } from './target.js';
import { constantTimeEqual } from './constant-time.js';
import type { FieldError } from './problems/problem.js';
import { signatureFailures, type SignatureFailure, type SignatureFailureCode } from './signature-failures.js';

export type { SignatureFailureCode } from './signature-failures.js';

/**
 * Request headers as a server sees them: a WHATWG `Headers` or Node's `IncomingHttpHeaders`.
 *
 * @example
 * ```ts
 * const headers: HeaderSource = request.headers; // Request (fetch) or IncomingMessage (node:http)
 * ```
 */
export type HeaderSource =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Outcome of {@link verifySignature}. `detail` (English) says which check failed; put it in the
 * problem's `detail`. `error` names the header to fix (`/header/x-gdx-timestamp`) and why, in
 * Chinese and English; put it in the problem's `errors`. Header values it quotes are shown
 * readable (see `readableHeaderValue`).
 *
 * @example
 * ```ts
 * const result: VerifyResult = {
 *   ok: false, code: 'SIGNATURE_MISSING', detail: 'missing header x-gdx-nonce',
 *   error: { pointer: '/header/x-gdx-nonce', code: 'REQUIRED', message: { zh: '缺少请求头 x-gdx-nonce', en: 'The header x-gdx-nonce is missing' } },
 * };
 * ```
 */
export type VerifyResult = { ok: true; appKey: string } | { ok: false; code: SignatureFailureCode; detail: string; error: FieldError; help?: SignatureHelp };

/**
 * What the verifier computed for a request whose content digest or signature did not match,
 * so a client can diff its own signing step against it (as AWS SigV4 errors show the canonical
 * request). Only values the client sent or can compute itself: never the secret, never the
 * expected signature (with it anyone could forge a request by sending garbage first).
 *
 * @example
 * ```ts
 * const help: SignatureHelp = {
 *   algorithm: 'HMAC-SHA256',
 *   canonicalRequest: 'POST\n/registration/v1/applications\n\ne3b0…\n1758852000000\nn-0123456789abcdef\nak_1',
 *   stringToSign: 'POST\n/registration/v1/applications\n\ne3b0…\n1758852000000\nn-0123456789abcdef\nak_1',
 *   signedHeaders: ['x-gdx-content-digest', 'x-gdx-timestamp', 'x-gdx-nonce', 'x-gdx-app-key'],
 * };
 * ```
 */
export interface SignatureHelp {
  /** The `X-Gdx-Signature-Method` of the request. */
  algorithm: SignatureAlgorithm;
  /**
   * The canonical string of the request as received, with the content digest of the body as
   * received (so a wrong `X-Gdx-Content-Digest` shows as a different fourth line).
   */
  canonicalRequest: string;
  /** The exact string the HMAC is computed over; in this protocol the canonical string itself. */
  stringToSign: string;
  /** The headers whose values are lines of the canonical string, in line order. */
  signedHeaders: readonly string[];
}

/** The signed headers in the order of their lines in the canonical string. */
const SIGNED_HEADERS = [HEADERS.contentDigest, HEADERS.timestamp, HEADERS.nonce, HEADERS.appKey] as const;

/**
 * Inputs of {@link verifySignature}.
 *
 * @example
 * ```ts
 * const input: VerifyInput = { method: req.method, url: req.url, headers: req.headers, body: rawBody,
 *   lookupSecret: (key) => secrets.get(key), nonceStore };
 * ```
 */
export interface VerifyInput {
  method: string;
  /**
   * The request target as received: the path with query exactly as sent (`req.url` of node:http),
   * or an absolute URL (`request.url` of a WHATWG Request).
   */
  url: string | URL;
  headers: HeaderSource;
  /** The raw body bytes as received (a string is UTF-8); omit for none. */
  body?: SignableBody;
  /** The app key's secret, or `undefined` when the key is unknown. */
  lookupSecret(appKey: string): string | undefined;
  /** The platform clock in epoch ms (a number or a function); default `Date.now()`. */
  now?: number | (() => number);
  /** Allowed clock skew either way; default 300 000 (±5 minutes). */
  windowMs?: number;
  /** Where seen nonces are remembered (required: replay protection is part of the protocol). */
  nonceStore: NonceStore;
}

/** The six headers `verifySignature` reads, in the order a missing one is reported (`firstMissing`). */
const REQUIRED = [
  HEADERS.appKey,
  HEADERS.timestamp,
  HEADERS.nonce,
  HEADERS.signatureMethod,
  HEADERS.contentDigest,
  HEADERS.signature,
] as const;

/**
 * Checks a signed request exactly as the platform does, in this order: all six headers present,
 * app key known, method supported, nonce syntax, timestamp within the window, content digest,
 * HMAC (constant-time compare), and finally the nonce not seen before (checked last, so requests
 * with a bad signature cannot burn nonces).
 *
 * @example
 * ```ts
 * import { MemoryNonceStore, problem, verifySignature } from '@gdx/protocol';
 * const nonceStore = new MemoryNonceStore();
 * const result = verifySignature({ method: req.method, url: req.url, headers: req.headers, body,
 *   lookupSecret: (appKey) => secrets.get(appKey), nonceStore });
 * if (!result.ok) return json(401, problem(result.code, { detail: result.detail, errors: [result.error] }));
 * ```
 */
export function verifySignature(input: VerifyInput): VerifyResult {
  // Six locals, not an array filled in a loop: no array per request (the refusal path re-reads them).
  const headers = input.headers;
  const appKey = readHeader(headers, HEADERS.appKey);
  const timestampText = readHeader(headers, HEADERS.timestamp);
  const nonce = readHeader(headers, HEADERS.nonce);
  const method = readHeader(headers, HEADERS.signatureMethod);
  const digest = readHeader(headers, HEADERS.contentDigest);
  const signature = readHeader(headers, HEADERS.signature);
  if (!appKey || !timestampText || !nonce || !method || !digest || !signature) return fail(firstMissing(headers));

  const secret = input.lookupSecret(appKey);
  if (secret === undefined) return refuse(signatureFailures.unknownAppKey(appKey), headers);
  if (!isSignatureAlgorithm(method)) return refuse(signatureFailures.unsupportedMethod(method, SIGNATURE_ALGORITHMS), headers);
  if (!NONCE_PATTERN.test(nonce)) return refuse(signatureFailures.malformedNonce(), headers);
  if (!/^\d{1,16}$/.test(timestampText)) return refuse(signatureFailures.malformedTimestamp(timestampText), headers);

  const now = typeof input.now === 'function' ? input.now() : (input.now ?? Date.now());
  const windowMs = input.windowMs ?? 300_000;
  const timestamp = Number(timestampText);
  if (Math.abs(now - timestamp) > windowMs) {
    return fail(signatureFailures.outOfWindow(timestampText, timestamp, now, windowMs));
  }

  const expectedDigest = contentDigest(input.body, method);
  const { path, query } = splitTarget(input.url);
  const canonical = canonicalRequest({
    method: input.method,
    path,
    query,
    contentDigest: expectedDigest,
    timestamp: timestampText,
    nonce,
    appKey,
  });
  if (digest !== expectedDigest) {
    if (digest.includes(JOINED)) return refuse(signatureFailures.digestMismatch('content digest does not match the body'), headers);
    // The signing spec is lower-case hex: the right hash in capitals is refused all the same, but
    // told that its case is what is wrong.
    const failure = digest.toLowerCase() === expectedDigest ? signatureFailures.upperCaseDigest() : signatureFailures.digestMismatch('content digest does not match the body');
    return withHelp(failure, method, canonical);
  }
  if (!constantTimeEqual(signature, computeSignature(canonical, secret, method))) {
    if (signature.includes(JOINED)) return refuse(signatureFailures.signatureMismatch('signature does not match the canonical request'), headers);
    return withHelp(signatureFailures.signatureMismatch('signature does not match the canonical request'), method, canonical);
  }

  // Remember until the timestamp itself leaves the window: a later replay fails that check.
  if (!input.nonceStore.remember(appKey, nonce, timestamp + windowMs + 1, now)) {
    return fail(signatureFailures.nonceReplayed(nonce));
  }
  return { ok: true, appKey };
}

/** How Node's `IncomingMessage` and `fetch`'s `Headers` join the values of a header sent more than once. */
const JOINED = ', ';

/**
 * A refusal, unless a signing header came more than once: then that is the fault to name, not the
 * joined value's syntax (no valid value of the six holds `, `). Runs on refusals only.
 */
function refuse(failure: SignatureFailure, headers: HeaderSource): VerifyResult {
  for (const name of REQUIRED) {
    const value = readHeader(headers, name);
    if (value?.includes(JOINED)) return fail(signatureFailures.repeated(name, value.split(JOINED).length));
  }
  return fail(failure);
}

/** The failure of the first required header (in `REQUIRED` order) that is missing or empty. */
function firstMissing(headers: HeaderSource): SignatureFailure {
  for (const name of REQUIRED) {
    const value = readHeader(headers, name);
    if (value === undefined || value === '') return signatureFailures.missing(name, value === '');
  }
  throw new Error('firstMissing: every required header is present');
}

function fail(failure: SignatureFailure): VerifyResult {
  return { ok: false, ...failure };
}

/** A digest or signature mismatch, with what the verifier computed (see {@link SignatureHelp}). */
function withHelp(failure: SignatureFailure, algorithm: SignatureAlgorithm, canonical: string): VerifyResult {
  return { ok: false, ...failure, help: { algorithm, canonicalRequest: canonical, stringToSign: canonical, signedHeaders: SIGNED_HEADERS } };
}

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  let value = record[name];
  if (value === undefined) {
    // Plain records may keep the sender's casing (IncomingHttpHeaders is always lower-case).
    for (const key of Object.keys(record)) if (key.toLowerCase() === name) value = record[key];
  }
  return typeof value === 'string' ? value : value?.join(', ');
}
