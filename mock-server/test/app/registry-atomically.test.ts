import { describe, expect, it } from 'vitest';
import type { PlatformModule } from '../../src/index.js';
import { SandboxRegistry } from '../../src/sandbox/registry.js';
import type { SandboxEnvironment } from '../../src/sandbox/sandbox.js';
import { notesPlatform, type NotesState } from '../support/notes-platform.js';

// `atomically` puts back the generations (what names a sandbox's webhook deliveries, `dlv_<n>_`)
// that a failed create changed, also those of creates nested in it that had succeeded.

/** A sandbox starting at this instant fails while it is built. */
const TRAP = Date.parse('2031-01-01T00:00:00+08:00');

const failingBuild: PlatformModule<NotesState> = {
  ...notesPlatform,
  createState(sandbox) {
    if (sandbox.now() === TRAP) throw new Error('this sandbox cannot be built');
    return notesPlatform.createState(sandbox);
  },
};

function registry(): SandboxRegistry {
  const env: SandboxEnvironment = {
    platforms: [failingBuild as PlatformModule<unknown>],
    organisations: () => [],
    webhooks: { fetch: () => Promise.reject(new Error('no deliveries here')), maxAttempts: 1, baseDelayMs: 1, timeoutMs: 1_000, concurrency: 1 },
    wall: () => Date.parse('2025-09-26T10:00:00+08:00'),
    deliveryMode: () => 'send',
  };
  return new SandboxRegistry(env, { profile: 'national', seed: 1, clock: 'virtual', reviewerPolicy: { mode: 'auto' } });
}

/** The generations the registry would save. */
function generations(reg: SandboxRegistry): Record<string, number> {
  return (JSON.parse(reg.persistParts()[0] as string) as { generations: Record<string, number> }).generations;
}

describe('SandboxRegistry.atomically', () => {
  it('puts back the generations of a failed create and of the creates before it in the same call', () => {
    const reg = registry();
    reg.create({ id: 'x' });
    reg.delete('x');
    expect(generations(reg)).toEqual({ default: 1, x: 1 });

    expect(() =>
      reg.atomically(() => {
        reg.create({ id: 'x' });
        reg.create({ id: 'y' });
        reg.create({ id: 'z', startAt: TRAP });
      }),
    ).toThrow('this sandbox cannot be built');
    expect(generations(reg)).toEqual({ default: 1, x: 1 });
    expect([reg.get('x'), reg.get('y'), reg.get('z')]).toEqual([undefined, undefined, undefined]);

    // What succeeded stays: the next creation of x is its second.
    reg.atomically(() => reg.create({ id: 'x' }));
    reg.reset('x');
    expect(generations(reg)).toEqual({ default: 1, x: 3 });
  });
});
