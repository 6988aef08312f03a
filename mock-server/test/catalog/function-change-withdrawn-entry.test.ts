// A report of a change naming a withdrawn entry would start a duty no one could fulfil (a withdrawn
// entry takes no submission or change). Live it answers 400 ENTRY_WITHDRAWN at the entry id and
// starts nothing; a report an older gdx-mock acknowledged replays as it was answered.
import { describe, expect, it } from 'vitest';
import { START_AT } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { expectReply } from '../support/contract.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();

describe('a change report naming a withdrawn entry', () => {
  it('answers 400 ENTRY_WITHDRAWN at /entryIds/{i} live, starting nothing, and replays as answered from an older journal', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const sbx = await openSandbox({ call: callOf(first) }, { profile: 'national', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const me = sbx.org('public-security');
    const [kept, gone] = (await sbx.on('catalog', 'GET', '/entries?state=published&limit=2', { as: me })).body.items;
    expect((await sbx.on('catalog', 'POST', `/entries/${gone.id}/withdrawal`, { as: me, body: { reason: { text: '资源已停止提供。' } } })).status).toBe(200);

    const body = { kind: 'information_change', effectiveOn: '2025-09-26', description: '目录信息项调整。', entryIds: [kept.id, gone.id] };
    const refused = expectReply('catalog', await sbx.on('catalog', 'POST', '/function-changes', { as: me, body }), 'POST', '/function-changes', 400);
    expect(refused.errors).toEqual([expect.objectContaining({ pointer: '/entryIds/1', code: 'ENTRY_WITHDRAWN' })]);
    expect((await sbx.on('catalog', 'GET', '/obligations', { as: me })).body.items).toEqual([]);
    await first.close();

    journalAcknowledged(dataDir, [{ path: `/sandboxes/${sbx.id}/catalog/v1/function-changes`, body, caller: me.id, status: 201 }]);
    const second = open();
    const call = callOf(second);
    const duties = (await call('GET', `/sandboxes/${sbx.id}/catalog/v1/obligations`, { as: me })).body.items;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(duties.map((d: { entryId: string }) => d.entryId).sort()).toEqual([kept.id, gone.id].sort());
    await second.close();
  });
});
