// A data subject objects to data about itself (厦门 第十四条), on the open-data and the sharing
// platform alike: an organisation files in its own name, as an open-data applicant applies in its
// own name (APPLICANT_NOT_CALLER). Another organisation's credit code as the subject is refused,
// nothing filed; checked live only, so an objection an older version acknowledged replays as answered.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const ctx = useWorld();
const tempDir = useTempDirs();

function objection(subject: { creditCode: string; name: string }) {
  return { subject: { kind: 'organization', creditCode: subject.creditCode, name: subject.name }, kind: 'inaccurate', dataReference: { description: '住所记录有误' }, text: '已于 2025-06-01 变更住所。' };
}

async function objectionCount(world: World, platform: string): Promise<number> {
  return (await world.sim('GET', `/objects?platform=${platform}&objectType=data_objection`)).body.total;
}

const PLATFORMS = [
  ['open-data', 'data-operator', (world: World) => world.openData],
  ['sharing', 'civil-affairs', (world: World) => world.sharing],
] as const;

describe.each(PLATFORMS)('a %s data objection', (platform, filer, platformCall) => {
  it("refuses another organisation's credit code as the subject (400 SUBJECT_NOT_CALLER at /subject/creditCode), filing nothing; its own is taken", async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const call = platformCall(world);
    const me = world.org(filer);
    const refused = await call('POST', '/data-objections', { as: me, body: objection(world.org('map-tech')) });
    expectContract(platform, 'submitDataObjection', refused, 400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/subject/creditCode', code: 'SUBJECT_NOT_CALLER', message: { zh: expect.any(String), en: expect.any(String) } }] });
    expect(await objectionCount(world, platform)).toBe(0);
    expectContract(platform, 'submitDataObjection', await call('POST', '/data-objections', { as: me, body: objection(me) }), 201);
  });

  it("replays an objection in another's name that an older version acknowledged as answered", async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const world = await openWorld({ call: callOf(first) });
    const me = world.org(filer);
    const body = objection(world.org('map-tech'));
    const path = `/sandboxes/${world.id}/${platform}/v1/data-objections`;
    await first.close();
    journalAcknowledged(dataDir, [{ path, body, caller: me.id, status: 201 }]);
    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await call('GET', `/_sim/v1/sandboxes/${world.id}/objects?platform=${platform}&objectType=data_objection`)).body.total).toBe(1);
    expect((await call('POST', path, { as: me, body })).status).toBe(400);
    await second.close();
  });
});
