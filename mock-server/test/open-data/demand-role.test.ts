// Demands for data not yet open (需求受理反馈) come from society, as applications do (open-data.md):
// a government department states its data needs through sharing. Live, a demand from an
// organisation without the `applicant` role answers 403 FORBIDDEN and stores nothing; one an older
// gdx-mock acknowledged replays as it was answered.
import { describe, expect, it } from 'vitest';
import { START_AT } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { expectReply } from '../support/contract.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();
const body = { title: '公交车辆实时到站数据', description: '希望开放公交车辆实时到站数据。' };

describe('who files an open-data demand', () => {
  it('only an applicant: a government department answers 403 FORBIDDEN live (nothing stored), and its demand acknowledged by an older version replays', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const sbx = await openSandbox({ call: callOf(first) }, { profile: 'xiamen', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const agency = sbx.org('transport');
    const refused = expectReply('open-data', await sbx.on('open-data', 'POST', '/demands', { as: agency, body }), 'POST', '/demands', 403);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'applicant' });
    const feed = (await sbx.sim('GET', '/events?limit=200')).body.items;
    expect(feed.filter((e: { objectType: string }) => e.objectType === 'demand')).toEqual([]);
    const company = sbx.org('logistics');
    expectReply('open-data', await sbx.on('open-data', 'POST', '/demands', { as: company, body }), 'POST', '/demands', 201);
    await first.close();

    journalAcknowledged(dataDir, [{ path: `/sandboxes/${sbx.id}/open-data/v1/demands`, body, caller: agency.id, status: 201 }]);
    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const demands = (await call('GET', `/_sim/v1/sandboxes/${sbx.id}/events?limit=200`)).body.items.filter((e: { objectType: string }) => e.objectType === 'demand');
    expect(demands.map((e: { organizationId: string }) => e.organizationId)).toEqual([company.id, agency.id]);
    await second.close();
  });
});
