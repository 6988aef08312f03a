import { createApp } from '@gdx/mock-server';
import { describe, expect, it } from 'vitest';
import { createSimClient } from '../src/index.js';

// The gdx mock in-process (devDependency only; the kit itself never imports it).
const mockFetch = (): typeof fetch => {
  const app = createApp({ seed: 7 });
  return (input, init) => app.handle(new Request(input, init));
};

describe('the simulation helper against the gdx mock', () => {
  it('creates a sandbox and reads its organisations, credentials and platform roots', async () => {
    const sim = createSimClient({ url: 'http://mock.test/_sim/v1', fetch: mockFetch() });
    const sbx = await sim.createSandbox({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00', reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' }, seed: 3 });
    expect(sbx.organizations.length).toBeGreaterThanOrEqual(2);
    for (const org of sbx.organizations) {
      expect(org.appKey.length).toBeGreaterThan(0);
      expect(org.secret.length).toBeGreaterThan(0);
      expect(org.creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    }
    expect(sbx.baseUrl).toBe(`http://mock.test/sandboxes/${sbx.id}`);
    const clock = await sbx.request('GET', '/clock');
    expect(clock.body).toMatchObject({ now: '2025-09-26T10:00:00+08:00' });
    const advanced = await sbx.advance({ workingDays: 3 });
    expect(advanced.status).toBe(200);
    expect((await sbx.request('GET', '/clock')).body).toMatchObject({ today: '2025-09-30' });
    await sbx.dispose();
    expect((await sim.getSandbox(sbx.id).catch((e: Error) => e)) instanceof Error).toBe(true);
  });
});
