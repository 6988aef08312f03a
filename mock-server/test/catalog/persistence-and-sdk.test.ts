import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { createCatalogPlatform } from '../../src/platforms/catalog/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { client } from '../support/client.js';
import { expectSim } from './workflow-harness.js';
import { advance, createDraft, entryContent, getEntry, submit, START_AT, useCatalogMock, withSdkClients } from './workflow-harness.js';
import { sharedContract } from '../../src/app/shared-contracts.js';

const platforms = () => [createCatalogPlatform({ spec: sharedContract('catalog'), seedData: seedDataOf })];

describe('catalog state across snapshots and the journal', () => {
  const ctx = useCatalogMock();

  it('an imported snapshot has the same entries, duties and pending timers', async () => {
    const sbx = await ctx.sandbox({ reviewerPolicy: { mode: 'late' } });
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me, '快照测试目录');
    await submit(ctx, sbx, me, draft.id);
    await ctx.call('POST', `${sbx.catalog}/function-changes`, { as: me, body: { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转', successor: { creditCode: sbx.view.organizations[1].creditCode, name: sbx.view.organizations[1].name } } });

    const snapshot = expectSim(await ctx.sim('GET', `/sandboxes/${sbx.id}/snapshot`), 'GET', '/sandboxes/{sandboxId}/snapshot', 200);
    const imported = expectSim(await ctx.sim('POST', '/sandboxes/import', { id: 'sbx_copy', snapshot }), 'POST', '/sandboxes/import', 201);
    const copy = { ...sbx, id: imported.id, catalog: `/sandboxes/${imported.id}/catalog/v1` };
    expect(await getEntry(ctx, copy, me, draft.id)).toEqual(await getEntry(ctx, sbx, me, draft.id));

    const firedOriginal = await advance(ctx, sbx, { workingDays: 10 });
    const firedCopy = await advance(ctx, copy, { workingDays: 10 });
    expect(firedCopy).toEqual(firedOriginal);
    expect(firedOriginal.map((f) => `${f.objectType}:${f.type}:${f.to}`)).toEqual(['entry:deadline_overdue:submitted', 'entry:state_changed:published', 'obligation:deadline_overdue:pending']);
    expect(await getEntry(ctx, copy, me, draft.id)).toEqual(await getEntry(ctx, sbx, me, draft.id));
  });

  it('a restarted app replays its journal to the same catalog state', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-catalog-'));
    try {
      const first = createApp({ platforms: platforms(), seed: 7, startAt: START_AT, dataDir, reviewerPolicy: { mode: 'manual' }, logError: () => undefined });
      const call = client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined });
      const me = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations.find((o: { roles: string[] }) => o.roles.includes('data_provider'));
      const created = await call('POST', '/catalog/v1/entries', { as: me, body: entryContent('日志重放测试目录') });
      await call('POST', `/catalog/v1/entries/${created.body.id}/submissions`, { as: me });
      await call('POST', '/_sim/v1/sandboxes/default/actions', { body: { platform: 'catalog', objectType: 'entry', objectId: created.body.id, action: 'return', reasons: [{ text: '摘要不完整' }] } });
      await call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 2 } });
      const before = (await call('GET', `/catalog/v1/entries/${created.body.id}`, { as: me })).body;
      await first.close();

      const second = createApp({ platforms: platforms(), seed: 7, startAt: START_AT, dataDir, reviewerPolicy: { mode: 'manual' }, logError: () => undefined });
      const again = client({ fetch: createFetch(second), baseUrl: 'http://mock.local', close: async () => undefined });
      expect((await again('GET', `/catalog/v1/entries/${created.body.id}`, { as: me })).body).toEqual(before);
      expect(before).toMatchObject({ state: 'returned', reasons: [{ text: '摘要不完整' }] });
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('SDK clients against the mock (in-process fetch)', () => {
  it('drafts, submits, publishes, finds and reports through @gdx/catalog and @gdx/simulation', async () => {
    await withSdkClients(async ({ sim, sbx, catalog }) => {

      const entry = await catalog.entries.create(entryContent('SDK联调测试目录') as Parameters<typeof catalog.entries.create>[0]);
      await catalog.entries.update(entry.id, { updateCycle: 'weekly' });
      const submitted = await catalog.entries.submit(entry.id);
      expect(submitted.deadline).toMatchObject({ dueDate: '2025-10-10' });
      const acted = await sim.officials.act(sbx.id, { platform: 'catalog', objectType: 'entry', objectId: entry.id, action: 'publish' });
      expect(acted.to).toBe('published');
      const page = await catalog.search.queryPage({ q: 'SDK联调测试目录' });
      expect(page.items.map((i) => [i.id, i.updateCycle])).toEqual([[entry.id, 'weekly']]);

      // The department taking over (厦门 第九条): an organisation of the sandbox other than the provider.
      const successor = sbx.organizations.find((o) => !o.roles.includes('data_provider'))!;
      await catalog.functionChanges.report({ kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转', successor: { creditCode: successor.creditCode, name: successor.name }, entryIds: [entry.id] });
      const { fired } = await sim.clock.advance(sbx.id, { workingDays: 8 });
      expect(fired.map((f) => f.type)).toEqual(['deadline_overdue']);
      const duties = [];
      for await (const duty of catalog.obligations.list({ overdue: true })) duties.push(duty);
      expect(duties).toEqual([expect.objectContaining({ kind: 'function_change', entryId: entry.id, state: 'pending' })]);
      await expect(catalog.entries.update(entry.id, { grade: 'core' })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    });
  });
});
