// A returned entry resubmitted unchanged (退回纠正 not yet enforced) is in some data directories'
// journals: at start it is replayed as it was answered, not refused by RETURNED_UNCHANGED, so the
// entry is `submitted` again and every id drawn after it stays. Live, the same submission is refused.
import { describe, expect, it } from 'vitest';
import { START_AT } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { entryContent } from './workflow-harness.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();

describe('journal replay of a returned entry resubmitted unchanged', () => {
  it('replays the submission as answered (no REPLAY_REFUSED, submitted), while live it answers 409 RETURNED_UNCHANGED', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const sbx = await openSandbox({ call: callOf(first) }, { profile: 'xiamen', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const me = sbx.org('public-security');
    const id: string = (await sbx.on('catalog', 'POST', '/entries', { as: me, body: entryContent('旧版本受理的未改重提目录') })).body.id;
    expect((await sbx.on('catalog', 'POST', `/entries/${id}/submissions`, { as: me, body: {} })).status).toBe(200);
    expect((await sbx.act({ platform: 'catalog', objectType: 'entry', objectId: id, action: 'return', reasons: [{ text: '信息项描述不完整' }] })).status).toBe(200);
    const live = await sbx.on('catalog', 'POST', `/entries/${id}/submissions`, { as: me, body: {} });
    expect([live.status, live.body.code]).toEqual([409, 'RETURNED_UNCHANGED']);
    await first.close();

    // What an older version journaled: the same submission, answered 200.
    journalAcknowledged(dataDir, [{ path: `/sandboxes/${sbx.id}/catalog/v1/entries/${id}/submissions`, body: {}, caller: me.id, status: 200 }]);

    const second = open();
    const entry = (await callOf(second)('GET', `/sandboxes/${sbx.id}/catalog/v1/entries/${id}`, { as: me })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(entry).toMatchObject({ state: 'submitted', reasons: [] });
    await second.close();
  });
});
