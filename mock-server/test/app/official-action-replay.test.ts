// `OfficialAction` is closed: live, an action with a member its variant does not take answers 400
// UNKNOWN_FIELD and changes nothing. An older gdx-mock ignored such a member and acknowledged the
// action: its journal entry replays as it was answered, the member ignored again.
import { describe, expect, it } from 'vitest';
import { START_AT } from '../support/harness.js';
import { expectReply } from '../support/contract.js';
import { openSandbox } from '../support/sandbox.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { initialSubmission } from '../registration/harness.js';

const tempDir = useTempDirs();

describe('an official action with a member its variant does not take', () => {
  it('is refused live, and replays as answered from an older journal', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const sbx = await openSandbox({ call: callOf(first) }, { profile: 'national', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
    const submitted = await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant as never) });
    expect(submitted.status).toBe(201);
    const action = { platform: 'registration', objectType: 'application', objectId: submitted.body.id, action: 'accept', organisationId: 'org_01GNNA1J00NQRH12FV19RXC795' };

    const refused = await sbx.act(action);
    expectReply('simulation', refused, 'POST', '/sandboxes/{sandboxId}/actions', 400);
    expect(refused.body.errors).toEqual([{ pointer: '/organisationId', code: 'UNKNOWN_FIELD', message: expect.objectContaining({ en: expect.stringContaining('organizationId') }) }]);
    expect((await sbx.on('registration', 'GET', `/applications/${submitted.body.id}`, { as: registrant })).body.state).toBe('submitted');
    await first.close();

    journalAcknowledged(dataDir, [{ path: `/_sim/v1/sandboxes/${sbx.id}/actions`, body: action, status: 200 }]);
    const second = open();
    const replayed = await callOf(second)('GET', `/sandboxes/${sbx.id}/registration/v1/applications/${submitted.body.id}`, { as: registrant });
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(replayed.body.state).toBe('under_review');
    await second.close();
  });
});
