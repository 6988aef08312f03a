import { createApp } from '@gdx/mock-server';
import { describe, expect, it } from 'vitest';
import { createSimClient, runConformance, sandboxSeed } from '../src/index.js';

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

describe('workflow scenarios against the gdx mock', () => {
  it('create their sandboxes with the run seed (a text seed as sandboxSeed hashes it)', async () => {
    const app = createApp({ seed: 7 });
    const seeds: unknown[] = [];
    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname === '/_sim/v1/sandboxes') seeds.push((await request.clone().json() as { seed?: unknown }).seed);
      return app.handle(request);
    };
    const sim = createSimClient({ url: 'http://mock.test/_sim/v1', fetch: recording });
    const { organizations } = await sim.getSandbox('default');
    const report = await runConformance({ baseUrl: 'http://mock.test', organizations, simulationUrl: 'http://mock.test/_sim/v1', sandboxId: 'default', seed: 'nightly', include: ['REG-*'], fetch: recording });
    expect(report.totals.failed).toBe(0);
    expect(seeds.length).toBeGreaterThan(1);
    expect(new Set(seeds)).toEqual(new Set([sandboxSeed('nightly')]));
  });
});

describe('open-data distributions against the gdx mock', () => {
  it('ODP-LINK-01 follows open datasets unsigned and finds on-application ones refused unsigned', async () => {
    const fetch = mockFetch();
    const { organizations } = await createSimClient({ url: 'http://mock.test/_sim/v1', fetch }).getSandbox('default');
    const report = await runConformance({ baseUrl: 'http://mock.test', organizations, simulationUrl: 'http://mock.test/_sim/v1', sandboxId: 'default', seed: 'odp-link', include: ['ODP-LINK-01'], fetch });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['ODP-LINK-01', 'passed']]);
  });
});
