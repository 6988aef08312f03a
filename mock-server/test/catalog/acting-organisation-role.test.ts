// The simulation API's `organizationId` names "the acting official organisation": it must hold the
// role the action is sent as. A provider naming itself would publish its own catalog entry as the
// data authority (catalog.md: a submission goes to the data authority of its level). Live, such an
// action answers 400 ROLE_NOT_HELD and changes nothing; one an older gdx-mock acknowledged replays
// as it was answered.
import { describe, expect, it } from 'vitest';
import { START_AT } from '../support/harness.js';
import { expectReply } from '../support/contract.js';
import { openSandbox } from '../support/sandbox.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();

describe('the organisation an official action names', () => {
  it('must hold the acting role: a provider publishing its own change as the data authority answers 400 ROLE_NOT_HELD live, and replays as answered from an older journal', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const sbx = await openSandbox({ call: callOf(first) }, { profile: 'xiamen', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const me = sbx.org('public-security');
    const mine = (await sbx.on('catalog', 'GET', '/entries?state=published&limit=1', { as: me })).body.items[0];
    expect((await sbx.on('catalog', 'POST', `/entries/${mine.id}/changes`, { as: me, body: { changes: { summary: '更新后的摘要。' } } })).status).toBe(200);

    const action = { platform: 'catalog', objectType: 'entry', objectId: mine.id, action: 'publish', organizationId: me.id };
    const refused = await sbx.act(action);
    expectReply('simulation', refused, 'POST', '/sandboxes/{sandboxId}/actions', 400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', requiredRole: 'data_authority', errors: [{ pointer: '/organizationId', code: 'ROLE_NOT_HELD' }] });
    expect(refused.body.errors[0].message.zh).toContain('data_authority');
    expect((await sbx.on('catalog', 'GET', `/entries/${mine.id}`, { as: me })).body.state).toBe('change_submitted');

    // An authority of the sandbox other than the seeded default may act.
    const upper = sbx.org('upper-data-authority');
    const returned = await sbx.act({ ...action, action: 'return', organizationId: upper.id, reasons: [{ text: '请补充更新说明' }] });
    expect(returned.status).toBe(200);
    expect(returned.body.event.actor).toEqual({ role: 'data_authority', organizationId: upper.id });
    // Corrected as the reasons ask (退回纠正: an unchanged resubmission is refused).
    expect((await sbx.on('catalog', 'PATCH', `/entries/${mine.id}`, { as: me, body: { summary: '已补充更新说明。' } })).status).toBe(200);
    expect((await sbx.on('catalog', 'POST', `/entries/${mine.id}/submissions`, { as: me, body: {} })).status).toBe(200);
    await first.close();

    journalAcknowledged(dataDir, [{ path: `/_sim/v1/sandboxes/${sbx.id}/actions`, body: action, status: 200 }]);
    const second = open();
    const call = callOf(second);
    const entry = (await call('GET', `/sandboxes/${sbx.id}/catalog/v1/entries/${mine.id}`, { as: me })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(entry.state).toBe('published');
    expect(entry.events.at(-1).actor).toEqual({ role: 'data_authority', organizationId: me.id });
    await second.close();
  });
});
