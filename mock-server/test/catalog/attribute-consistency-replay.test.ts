// Entries an older gdx-mock acknowledged with sharing or opening attributes that contradict their
// type (a conditional resource without conditions, a shared one without delivery methods) are in
// some data directories' journals: at start they are replayed as they were answered, not refused
// by the consistency check added since, so the entry, its id and every id drawn after it stay.
// Live, the same create is refused.
import { describe, expect, it } from 'vitest';
import { START_AT } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { entryContent } from './workflow-harness.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();

describe('journal replay of an entry acknowledged with contradicting attributes', () => {
  it('replays the create as answered (no REPLAY_REFUSED, the draft is there), while the same create live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const callFirst = callOf(first);
    const sbx = await openSandbox({ call: callFirst }, { profile: 'xiamen', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const me = sbx.org('public-security');
    const body = { ...entryContent('旧版本受理的共享属性不一致资源'), sharing: { type: 'conditional', deliveryMethods: [] } };
    const live = await sbx.on('catalog', 'POST', '/entries', { as: me, body });
    expect(live.status).toBe(400);
    expect(live.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/sharing/conditions', '/sharing/deliveryMethods']);
    await first.close();

    // What an older version journaled: the same create, answered 201.
    journalAcknowledged(dataDir, [{ path: `/sandboxes/${sbx.id}/catalog/v1/entries`, body, caller: me.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    const entries = (await call('GET', `/sandboxes/${sbx.id}/catalog/v1/entries?state=draft`, { as: me })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(entries.items).toEqual([expect.objectContaining({ state: 'draft', content: expect.objectContaining({ sharing: { type: 'conditional', deliveryMethods: [] } }) })]);
    // Live, after the restart, the check still refuses.
    const again = await call('POST', `/sandboxes/${sbx.id}/catalog/v1/entries`, { as: me, body });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('VALIDATION_FAILED');
    await second.close();
  });
});
