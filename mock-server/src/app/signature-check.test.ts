import { MemoryNonceStore, signRequest, verifySignature } from '@gdx/protocol';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/sandbox.js';
import { SignatureCheck } from './signature-check.js';

const KEYS = { appKey: 'sbx_1.ak_1', secret: 's3cret' };
const NOW = Date.parse('2026-12-06T00:00:00Z');

/** Just what the check reads of a sandbox: its keys and its nonce store. */
function sandboxOf(nonces: MemoryNonceStore): Sandbox {
  return { organisationByAppKey: (appKey: string) => (appKey === KEYS.appKey ? { id: 'org_1', appSecret: KEYS.secret } : undefined), nonces } as unknown as Sandbox;
}

function request(nonce: string, signature?: string) {
  const body = '{"a":1}';
  const headers = signRequest({ method: 'POST', url: '/x/v1/things', body, timestamp: NOW, nonce, ...KEYS });
  if (signature !== undefined) headers['x-gdx-signature'] = signature;
  return { method: 'POST', path: '/x/v1/things', query: '', headers, body };
}

describe('SignatureCheck: one input reused by every request', () => {
  it('sees the nonce of the request it accepted, none of one it refused, and lets go of each request', () => {
    const nonces = new MemoryNonceStore();
    const sandbox = sandboxOf(nonces);
    const check = new SignatureCheck();

    const first = check.start(request('n-0123456789abcdef'), sandbox, NOW);
    expect(verifySignature(first)).toEqual({ ok: true, appKey: KEYS.appKey });
    expect(check.finish()).toEqual({ appKey: KEYS.appKey, nonce: 'n-0123456789abcdef', expiresAt: NOW + 300_001 });
    expect([check.url, check.body, check.headers]).toEqual(['', undefined, {}]);

    // A bad signature burns no nonce and carries none; the next request starts clean.
    expect(verifySignature(check.start(request('n-fedcba9876543210', 'AAAA'), sandbox, NOW))).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(check.finish()).toBeUndefined();
    expect(nonces.size).toBe(1);

    // A replayed nonce is seen (remembered is asked) and refused.
    expect(verifySignature(check.start(request('n-0123456789abcdef'), sandbox, NOW))).toMatchObject({ ok: false, code: 'NONCE_REPLAYED' });
    expect(check.finish()).toMatchObject({ nonce: 'n-0123456789abcdef' });
  });
});
