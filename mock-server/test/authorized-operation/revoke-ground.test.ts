import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { openAoWorld, signedSelection, useAoMock, replayableAoWorld } from './fixtures.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const ctx = useAoMock();

type Form = { action: string; fields: { name: string; required: boolean }[] };

// The simulation contract's `RevokeAction.ground` is the registration's 撤销事由 (虚假材料, 篡改伪造登记结果,
// 不当使用登记结果): an operator's authorization is revoked for breaching its agreement (101号 第八条、
// 第三十二条), with written reasons. Its timeline does not offer the ground, and a revocation sending
// one is refused at /ground and changes nothing.
describe('authorized operation: revoking an authorization takes reasons, not a registration ground', () => {
  it('the timeline offers revoke with reasons only; a ground → 400 FIELD_NOT_APPLICABLE at /ground, nothing changes; reasons alone terminate', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const path = `/objects/authorized-operation/authorization/${authorizationId}/timeline`;
    const timeline = await world.sim('GET', path);
    expectContract('simulation', 'getObjectTimeline', timeline, 200);
    const revoke = (timeline.body.allowedActions as Form[]).find((a) => a.action === 'revoke');
    expect(revoke?.fields.map((f) => [f.name, f.required])).toEqual([['reasons', true]]);

    const reasons = [{ text: '违规使用公共数据，未按要求改正' }];
    const withGround = await world.official('authorization', authorizationId, 'revoke', { reasons, ground: 'improper_use' });
    expectContract('simulation', 'actAsOfficial', withGround, 400);
    expect(withGround.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '/ground', code: 'FIELD_NOT_APPLICABLE', message: { zh: expect.stringContaining('撤销事由仅适用于登记'), en: expect.stringContaining("registration's") } }],
    });
    const after = await world.sim('GET', path);
    expect(after.body.object.state).toBe('active');
    expect(after.body.events).toEqual(timeline.body.events);

    const revoked = await world.official('authorization', authorizationId, 'revoke', { reasons });
    expect(revoked.status).toBe(200);
    expect(revoked.body.object.state).toBe('terminated');
  });
});

const tempDir = useTempDirs();

// A revocation with a ground an older gdx-mock acknowledged is in some journals: replayed as answered.
describe('journal replay of an authorization revoked with a registration ground', () => {
  it('replays the revocation (no REPLAY_REFUSED, the authorization is terminated)', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const { authorizationId } = await signedSelection(world);
    await first.close();

    const body = { platform: 'authorized-operation', objectType: 'authorization', objectId: authorizationId, action: 'revoke', reasons: [{ text: '违规使用' }], ground: 'improper_use' };
    journalAcknowledged(dataDir, [{ path: `/_sim/v1/sandboxes/${world.id}/actions`, body, status: 200 }]);

    const second = open();
    const call = callOf(second);
    const authorization = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}`, { as: world.operator })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(authorization.state).toBe('terminated');
    await second.close();
  });
});
