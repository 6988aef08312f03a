import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { createFetch } from '../../src/fetch/index.js';
import { defaultPlatforms } from '../../src/platforms/index.js';
import { client } from '../support/client.js';
import { expectContract, expectReply } from '../support/contract.js';
import { START_AT } from '../support/harness.js';
import { sandboxOf } from '../support/sandbox.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { aoWorldOf, dataAccessBody, openAoWorld, signedSelection, useAoMock, type AoWorld } from './fixtures.js';

const ctx = useAoMock();

/** An existing sandbox of `app` (seed 11, the suite's 40 catalog entries) as the suite drives it. */
async function aoWorldIn(app: ReturnType<typeof createApp>, id: string): Promise<AoWorld> {
  const call = client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined });
  const view = expectReply('simulation', await call('GET', `/_sim/v1/sandboxes/${id}`), 'GET', '/sandboxes/{sandboxId}', 200);
  const sandbox = sandboxOf({ call }, view, { profile: 'national', startAt: START_AT });
  return aoWorldOf(sandbox, seedDataOf({ id, seed: view.seed, profile: 'national', startAt: Date.parse(START_AT) }, 40).catalogEntries.filter((e) => e.state === 'published'));
}
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('authorized operation: sandboxes keep their own state, snapshots and journals restore it', () => {
  it('another sandbox sees nothing of it', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const other = await openAoWorld(ctx);
    const missing = await other.ao('GET', `/authorizations/${authorizationId}`, { as: other.operator });
    expectContract('authorized-operation', 'getAuthorization', missing, 404);
    expect((await other.ao('GET', '/public/authorizations')).body.total).toBe(0);
  });

  it('an exported snapshot imports as a sandbox with the same objects, pricing and timers', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-10-01', to: '2026-06-30' });
    await world.official('authorization', authorizationId, 'set_mar', { year: 2026, costFen: 1_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 500, taxFen: 10_000 });
    // A second one left `active`: its expiry at the term's end is a planned clock event.
    const suspended = (await signedSelection(world, { from: '2025-10-01', to: '2026-06-30' })).authorizationId;
    await world.official('authorization', suspended, 'suspend', { reasons: [{ text: '违规使用公共数据。' }] });
    const snapshot = await world.sim('GET', '/snapshot');
    expectContract('simulation', 'exportSnapshot', snapshot, 200);
    const imported = await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'sbx_ao_copy', snapshot: snapshot.body } });
    expectContract('simulation', 'importSnapshot', imported, 201);
    const base = '/sandboxes/sbx_ao_copy/authorized-operation/v1';
    const copy = await ctx.call('GET', `${base}/authorizations/${authorizationId}/pricing`, { as: world.operator });
    const original = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.operator });
    expect(copy.body).toEqual(original.body);
    // The term's timer came along: the copy expires at the end of 2026-06-30.
    const advanced = await ctx.call('POST', '/_sim/v1/sandboxes/sbx_ao_copy/clock/advance', { body: { to: '2026-07-01T00:00:00+08:00' } });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ objectId: authorizationId, to: 'expired' }));
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ objectId: suspended, from: 'suspended', to: 'expired', at: '2026-07-01T00:00:00+08:00' }));
  });

  it('the journal of a data directory rebuilds the platform after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-ao-'));
    dirs.push(dataDir);
    const open = () => createApp({ dataDir, seed: 5, startAt: START_AT, platforms: defaultPlatforms({ catalogEntries: 40 }), logError: () => undefined });
    const first = open();
    const world = await openAoWorld({ call: client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined }) });
    const { authorizationId } = await signedSelection(world, { from: '2025-10-01', to: '2025-12-31' });
    await world.ao('POST', `/authorizations/${authorizationId}/termination-requests`, { as: world.operator, body: { reason: '业务调整。' } });
    const before = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    await first.close();
    const second = open();
    const call = client({ fetch: createFetch(second), baseUrl: 'http://mock.local', close: async () => undefined });
    const path = `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}`;
    const after = await call('GET', path, { as: world.operator });
    expect(after.body).toEqual(before.body);
    // The replayed request planned the expiry at the term's end again.
    await call('POST', `/_sim/v1/sandboxes/${world.id}/clock/advance`, { body: { to: '2026-01-02T00:00:00+08:00' } });
    expect((await call('GET', path, { as: world.operator })).body).toMatchObject({ state: 'expired', reasons: [{ code: 'TERM_ENDED' }] });
    await second.close();
  });

  it('a sandbox an older mock created with a state repeated in permissionsOpenWhile replays, the repeat meaning nothing more', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-ao-'));
    dirs.push(dataDir);
    const logged: string[] = [];
    const open = () => createApp({ dataDir, seed: 5, startAt: START_AT, platforms: defaultPlatforms({ catalogEntries: 40 }), logError: (message) => logged.push(message) });
    const profile = { name: 'open-amending', extends: 'national', options: { authorizedOperation: { permissionsOpenWhile: ['amending', 'amending'] } } };
    const first = open();
    const firstCall = client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined });
    // Refused now, at the repeat, and nothing journaled.
    const refused = await firstCall('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_repeat', profile } });
    expectContract('simulation', 'createSandbox', refused, 400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/profile/options/authorizedOperation/permissionsOpenWhile/1', code: 'DUPLICATE' })]);
    await first.close();
    // What a mock without the check journaled: the sandbox created, answered 201.
    const store = openDataDir(dataDir);
    const body = JSON.stringify({ id: 'sbx_repeat', profile, seed: 11, reviewerPolicy: { mode: 'manual' } });
    store.append([{ seq: store.lastSeq + 1, kind: 'command', at: Date.parse('2025-09-26T02:00:00Z'), method: 'POST', path: '/_sim/v1/sandboxes', query: '', contentType: 'application/json', body, status: 201 }]);
    store.close();

    const second = open();
    const world = await aoWorldIn(second, 'sbx_repeat');
    expect((await world.sim('GET', '')).body.profile).toEqual(profile);
    // The sandbox works as a profile naming `amending` once: approvals stay open while amending.
    const { authorizationId } = await signedSelection(world);
    const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    await world.official('authorization', authorizationId, 'amend', { amendment: '调整授权范围。' });
    expect((await world.official('data_access_request', pending.body.id, 'approve_data_access')).body.object.state).toBe('approved');
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    await second.close();
  });

  it('an approval an older mock acknowledged during an amendment is refused at replay, kept and named, and can be given again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-ao-'));
    dirs.push(dataDir);
    const logged: string[] = [];
    const open = () => createApp({ dataDir, seed: 5, startAt: START_AT, platforms: defaultPlatforms({ catalogEntries: 40 }), logError: (message) => logged.push(message) });
    const first = open();
    const world = await openAoWorld({ call: client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined }) });
    const { authorizationId } = await signedSelection(world);
    const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    await world.official('authorization', authorizationId, 'amend', { amendment: '调整授权范围。' });
    await first.close();
    // What a mock without the rule journaled: the approval answered 200 while the authorization was amending.
    const store = openDataDir(dataDir);
    const seq = store.lastSeq + 1;
    const body = JSON.stringify({ platform: 'authorized-operation', objectType: 'data_access_request', objectId: pending.body.id, action: 'approve_data_access' });
    store.append([{ seq, kind: 'command', at: Date.parse('2025-09-26T02:00:00Z'), method: 'POST', path: `/_sim/v1/sandboxes/${world.id}/actions`, query: '', contentType: 'application/json', body, status: 200 }]);
    store.close();

    const second = open();
    const call = client({ fetch: createFetch(second), baseUrl: 'http://mock.local', close: async () => undefined });
    const path = `/sandboxes/${world.id}/authorized-operation/v1/data-access-requests/${pending.body.id}`;
    expect((await call('GET', path, { as: world.operator })).body.state).toBe('submitted');
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([expect.stringContaining(`journal entry ${seq} (POST /_sim/v1/sandboxes/${world.id}/actions) was answered 200, its replay 409`)]);
    // Kept for the operator to read and send again (replay-refused.jsonl), and counted.
    expect((await call('GET', '/_sim/v1/health')).body.storage.replayRefused).toMatchObject({ count: 1 });
    // Active again, the data authority approves it anew.
    const act = (fields: Record<string, unknown>) => call('POST', `/_sim/v1/sandboxes/${world.id}/actions`, { body: { platform: 'authorized-operation', ...fields } });
    expect((await act({ objectType: 'authorization', objectId: authorizationId, action: 'approve_amendment' })).status).toBe(200);
    expect((await act({ objectType: 'data_access_request', objectId: pending.body.id, action: 'approve_data_access' })).body.object.state).toBe('approved');
    await second.close();
  });
});
