// A quality issue is the data user's feedback on a resource it uses (内政办发〔2023〕32号: 问题数据可
// 反馈、可追溯、可定责), which the provider must answer: an organisation without the data_user role
// (the auditor, read-only; the registry) is refused with 403 and nothing is filed. Live only: an issue
// an older version took from such an organisation replays as it was answered.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { entryOf } from './fixtures.js';

const ctx = useWorld();
const tempDir = useTempDirs();

const issueOf = (world: World) => {
  const entry = entryOf(world, 'unconditional');
  return { entryId: entry.id, fields: [entry.items[0]!.name], description: '约 3% 为空值。' };
};

async function issueCount(world: World): Promise<number> {
  return (await world.sim('GET', '/objects?platform=sharing&objectType=quality_issue')).body.total;
}

describe('who reports a data quality issue on the sharing platform', () => {
  it.each(['audit', 'registry'])('refuses the %s (no data_user role) with 403 FORBIDDEN naming the role, filing nothing', async (slug) => {
    const world = await openWorld(ctx);
    const refused = await world.sharing('POST', '/quality-issues', { as: world.org(slug), body: issueOf(world) });
    expectContract('sharing', 'submitQualityIssue', refused, 403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'data_user' });
    expect(await issueCount(world)).toBe(0);
  });

  it('replays an issue an older version took from the auditor as answered, while live it answers 403', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const world = await openWorld({ call: callOf(first) });
    const auditor = world.org('audit');
    const body = issueOf(world);
    expect((await world.sharing('POST', '/quality-issues', { as: auditor, body })).status).toBe(403);
    await first.close();

    journalAcknowledged(dataDir, [{ path: `/sandboxes/${world.id}/sharing/v1/quality-issues`, body, caller: auditor.id, status: 201 }]);
    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await call('GET', `/_sim/v1/sandboxes/${world.id}/objects?platform=sharing&objectType=quality_issue`)).body.total).toBe(1);
    expect((await call('POST', `/sandboxes/${world.id}/sharing/v1/quality-issues`, { as: auditor, body })).status).toBe(403);
    await second.close();
  });
});
