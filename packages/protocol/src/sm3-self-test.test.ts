import { afterEach, describe, expect, it, vi } from 'vitest';

// `#hash` resolves to the Node leaf under test; replacing that module simulates a platform whose
// crypto lacks SM3 or computes it wrongly.
const NODE_LEAF = './crypto/hash-node.js';

afterEach(() => {
  vi.doUnmock(NODE_LEAF);
  vi.resetModules();
});

describe('sm3SelfTest', () => {
  it('passes on this Node build (GB/T 32905 vectors)', async () => {
    const { sm3SelfTest } = await import('./sm3-self-test.js');
    expect(() => sm3SelfTest()).not.toThrow();
  });

  it('throws SM3_UNAVAILABLE, every time, when the platform lacks sm3', async () => {
    const digest = vi.fn(() => {
      throw new Error('Digest method not supported');
    });
    vi.doMock(NODE_LEAF, async (importOriginal) => ({ ...(await importOriginal<object>()), digest }));
    const { sm3SelfTest } = await import('./sm3-self-test.js');
    expect(() => sm3SelfTest()).toThrow(/SM3_UNAVAILABLE/);
    expect(() => sm3SelfTest()).toThrow(/SM3_UNAVAILABLE/);
    expect(digest).toHaveBeenCalledTimes(1); // cached after the first run
  });

  it('throws when SM3 computes a wrong digest', async () => {
    vi.doMock(NODE_LEAF, async (importOriginal) => {
      const real = await importOriginal<typeof import('./crypto/hash-node.js')>();
      return { ...real, digest: (_name: string, data: string, encoding: 'hex') => real.digest('sha256', data, encoding) };
    });
    const { sm3SelfTest, Sm3UnavailableError } = await import('./sm3-self-test.js');
    expect(() => sm3SelfTest()).toThrow(Sm3UnavailableError);
  });

  it('runs lazily: only HMAC-SM3 use fails when the platform lacks sm3', async () => {
    vi.doMock(NODE_LEAF, async (importOriginal) => {
      const real = await importOriginal<typeof import('./crypto/hash-node.js')>();
      const unsupported = (name: string) => {
        if (name === 'sm3') throw new Error('Digest method not supported');
      };
      return {
        ...real,
        digest: (name: 'sha256', data: string, encoding: 'hex') => (unsupported(name), real.digest(name, data, encoding)),
        digestBytes: (name: 'sha256', data: Uint8Array) => (unsupported(name), real.digestBytes(name, data)),
      };
    });
    const { signRequest } = await import('./index.js');
    const input = { method: 'GET', url: '/', appKey: 'k', secret: 's' } as const;
    expect(() => signRequest({ ...input, algorithm: 'HMAC-SHA256' })).not.toThrow();
    expect(() => signRequest({ ...input, algorithm: 'HMAC-SM3' })).toThrow(/SM3_UNAVAILABLE/);
  });
});
