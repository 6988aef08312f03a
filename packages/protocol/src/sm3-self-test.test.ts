import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('node:crypto');
  vi.resetModules();
});

describe('sm3SelfTest', () => {
  it('passes on this Node build (GB/T 32905 vectors)', async () => {
    const { sm3SelfTest } = await import('./sm3-self-test.js');
    expect(() => sm3SelfTest()).not.toThrow();
  });

  it('throws SM3_UNAVAILABLE, every time, when the platform lacks sm3', async () => {
    const createHash = vi.fn(() => {
      throw new Error('Digest method not supported');
    });
    vi.doMock('node:crypto', async (importOriginal) => ({ ...(await importOriginal<object>()), createHash }));
    const { sm3SelfTest } = await import('./sm3-self-test.js');
    expect(() => sm3SelfTest()).toThrow(/SM3_UNAVAILABLE/);
    expect(() => sm3SelfTest()).toThrow(/SM3_UNAVAILABLE/);
    expect(createHash).toHaveBeenCalledTimes(1); // cached after the first run
  });

  it('throws when SM3 computes a wrong digest', async () => {
    vi.doMock('node:crypto', async (importOriginal) => {
      const real = await importOriginal<typeof import('node:crypto')>();
      return { ...real, createHash: () => real.createHash('sha256') };
    });
    const { sm3SelfTest, Sm3UnavailableError } = await import('./sm3-self-test.js');
    expect(() => sm3SelfTest()).toThrow(Sm3UnavailableError);
  });

  it('runs lazily: only HMAC-SM3 use fails when the platform lacks sm3', async () => {
    vi.doMock('node:crypto', async (importOriginal) => {
      const real = await importOriginal<typeof import('node:crypto')>();
      const createHash = (name: string) => {
        if (name === 'sm3') throw new Error('Digest method not supported');
        return real.createHash(name);
      };
      return { ...real, createHash };
    });
    const { signRequest } = await import('./index.js');
    const input = { method: 'GET', url: '/', appKey: 'k', secret: 's' } as const;
    expect(() => signRequest({ ...input, algorithm: 'HMAC-SHA256' })).not.toThrow();
    expect(() => signRequest({ ...input, algorithm: 'HMAC-SM3' })).toThrow(/SM3_UNAVAILABLE/);
  });
});
