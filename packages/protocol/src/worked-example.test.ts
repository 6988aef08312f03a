// The README's worked example is what a signer in another language checks itself against, so it
// must be what this package computes: the inputs are read from the README, every output there is
// recomputed here, and the README's headers must pass the platform's own verification.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSignatureAlgorithm, type SignatureAlgorithm } from './algorithms.js';
import { canonicalRequest } from './canonical.js';
import { contentDigest } from './digest.js';
import { HEADERS } from './headers.js';
import { MemoryNonceStore } from './nonce-store.js';
import { signRequest } from './sign.js';
import { verifySignature } from './verify.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const HEADING = '### Worked example (test vectors for another language)';

/** The section's text, up to the next heading of its level or above. */
function section(): string {
  const start = README.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`the README has no "${HEADING}" section`);
  const end = README.slice(start + 1).search(/\n#{1,3} /);
  return end < 0 ? README.slice(start) : README.slice(start, start + 1 + end);
}

function match(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const found = pattern.exec(text);
  if (!found) throw new Error(`the worked example lacks ${what} (${String(pattern)})`);
  return found;
}

interface Vector {
  title: string;
  method: string;
  url: string;
  body: string | undefined;
  /** The body's UTF-8 length the README states, when it states one. */
  bodyBytes: number | undefined;
  algorithm: SignatureAlgorithm;
  canonical: string;
  digest: string;
  signature: string;
}

function readVectors(text: string): Vector[] {
  return text
    .split(/\n(?=\*\*\d+\. )/)
    .slice(1)
    .map((chunk) => {
      const head = match(chunk, /^\*\*\d+\. `([A-Z]+) ([^`]+)`, (?:no body|body `([^`]*)`), (HMAC-[A-Z0-9]+)\.\*\*/, 'a vector heading');
      const [title, method = '', url = '', body, algorithm = ''] = head;
      if (!isSignatureAlgorithm(algorithm)) throw new Error(`unknown algorithm ${algorithm}`);
      const bytes = /bytes sent \((\d+) of them\)/.exec(chunk)?.[1];
      return {
        title,
        method,
        url,
        body,
        bodyBytes: bytes === undefined ? undefined : Number(bytes),
        algorithm,
        canonical: match(chunk, /```text\n([\s\S]*?)\n```/, 'a canonical string block')[1] ?? '',
        digest: match(chunk, /`X-Gdx-Content-Digest: ([^`]*)`/, 'the content digest')[1] ?? '',
        signature: match(chunk, /`X-Gdx-Signature: ([^`]*)`/, 'the signature')[1] ?? '',
      };
    });
}

const text = section();
const shared = match(text, /secret `([^`]+)`, app key `([^`]+)`, timestamp `(\d+)` and\s+nonce `([^`]+)`/, 'the shared inputs');
const [, secret = '', appKey = '', timestamp = '', nonce = ''] = shared;
const vectors = readVectors(text);

describe('the README worked example', () => {
  it('has the three vectors: a query, a body, and HMAC-SM3', () => {
    expect(vectors.map((v) => [v.method, v.algorithm, v.body !== undefined])).toEqual([
      ['GET', 'HMAC-SHA256', false],
      ['POST', 'HMAC-SHA256', true],
      ['POST', 'HMAC-SM3', true],
    ]);
  });

  it.each(vectors.map((v) => [v.title.slice(2, 3), v] as const))('vector %s: canonical string, digest and signature are what the package computes', (_, v) => {
    const headers = signRequest({ method: v.method, url: v.url, body: v.body, appKey, secret, algorithm: v.algorithm, timestamp: Number(timestamp), nonce });
    const q = v.url.indexOf('?');
    const canonical = canonicalRequest({
      method: v.method,
      path: q < 0 ? v.url : v.url.slice(0, q),
      query: q < 0 ? '' : v.url.slice(q + 1),
      contentDigest: contentDigest(v.body, v.algorithm),
      timestamp,
      nonce,
      appKey,
    });
    expect(v.canonical).toBe(canonical);
    expect(v.digest).toBe(headers[HEADERS.contentDigest]);
    expect(v.signature).toBe(headers[HEADERS.signature]);
    if (v.bodyBytes !== undefined) expect(v.bodyBytes).toBe(new TextEncoder().encode(v.body).byteLength);
  });

  it.each(vectors.map((v) => [v.title.slice(2, 3), v] as const))('vector %s: the README headers pass the platform verification', (_, v) => {
    const result = verifySignature({
      method: v.method,
      url: v.url,
      body: v.body,
      headers: {
        [HEADERS.appKey]: appKey,
        [HEADERS.timestamp]: timestamp,
        [HEADERS.nonce]: nonce,
        [HEADERS.signatureMethod]: v.algorithm,
        [HEADERS.contentDigest]: v.digest,
        [HEADERS.signature]: v.signature,
      },
      lookupSecret: (key) => (key === appKey ? secret : undefined),
      now: Number(timestamp),
      nonceStore: new MemoryNonceStore(),
    });
    expect(result).toMatchObject({ ok: true });
  });
});
