// The operator discloses its product list and its use of public data "定期" (27号 第十九条; domain
// §8, choice: half-yearly): `Authorization.operatorDisclosure` shows the running period,
// `POST /authorizations/{id}/operator-disclosures` meets it, and the clock flags it overdue.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { authorizationSeen, feedTimes, agreedSelection, openAoWorld, signedSelection, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

/** Signed Friday 2025-09-26: 6 months end on Thursday 2026-03-26 (民法典 第二百零二条, the month's corresponding day). */
const SIGNING_PERIOD = {
  limit: 6,
  unit: 'months',
  startTrigger: 'agreement_signed',
  startedOn: '2025-09-26',
  dueDate: '2026-03-26',
  dueAt: '2026-03-27T00:00:00+08:00',
  overdue: false,
  lastDisclosedAt: null,
  lastLate: false,
  basis: '发改数据规〔2025〕27号 第十九条',
  estimate: false,
  unpublishedYears: [],
};

const CHANNEL = { channel: 'https://operator.example.cn/disclosure/2026-h1', note: '公开产品目录及公共数据使用情况。' };

async function disclose(world: AoWorld, authorizationId: string, body: unknown = CHANNEL, as = world.operator) {
  return world.ao('POST', `/authorizations/${authorizationId}/operator-disclosures`, { as, body });
}

describe("authorized operation: the operator's disclosure duty (27号 第十九条)", () => {
  it('is due half a year after signing; the clock flags it overdue on the feed, and a late disclosure starts the next half-year', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure).toEqual(SIGNING_PERIOD);

    await world.advance({ to: '2026-03-26T23:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure.overdue).toBe(false);
    await world.advance({ to: '2026-03-27T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure).toEqual({ ...SIGNING_PERIOD, overdue: true });
    expect(await feedTimes(world, authorizationId, 'operator_disclosure_overdue')).toEqual([Date.parse(SIGNING_PERIOD.dueAt)]);

    const late = await disclose(world, authorizationId);
    expectContract('authorized-operation', 'discloseOperation', late, 200);
    // From Friday 2026-03-27: 6 months end on Sunday 2026-09-27, the act due on Monday 09-28 (民法典 第二百零三条).
    expect(late.body.operatorDisclosure).toEqual({
      ...SIGNING_PERIOD,
      startTrigger: 'operation_disclosed',
      startedOn: '2026-03-27',
      dueDate: '2026-09-28',
      dueAt: '2026-09-29T00:00:00+08:00',
      lastDisclosedAt: '2026-03-27T09:00:00+08:00',
      lastLate: true,
    });
    // The implementing body's own duty is apart: the operator's disclosure does not meet it.
    expect(late.body.disclosure).toMatchObject({ lastDisclosedAt: null, overdue: true });
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.operator });
    expect(events.body.items.find((e: { type: string }) => e.type === 'operation_disclosed')).toMatchObject({ actor: { role: 'operator', organizationId: world.operator.id }, data: { operationDisclosure: CHANNEL } });
    const timeline = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
    expect(timeline.body.duties.find((d: { duty: string }) => d.duty === 'operator_disclosure')).toMatchObject({
      deadline: { kind: 'operator_disclosure', dueDate: '2026-09-28', overdue: false },
      lastMet: { at: '2026-03-27T09:00:00+08:00', late: true },
      eventTypes: ['operation_disclosed', 'operator_disclosure_overdue'],
    });
  });

  it('met in time, is not flagged at the end of the period it met; the next half-year is', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    await world.advance({ to: '2026-01-05T09:00:00+08:00' });
    const onTime = await disclose(world, authorizationId);
    // From Monday 2026-01-05: 6 months end on Sunday 2026-07-05, the act due on Monday 07-06.
    expect(onTime.body.operatorDisclosure).toMatchObject({ startTrigger: 'operation_disclosed', startedOn: '2026-01-05', dueDate: '2026-07-06', lastLate: false, overdue: false });
    await world.advance({ to: '2026-03-27T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure.overdue).toBe(false);
    expect(await feedTimes(world, authorizationId, 'operator_disclosure_overdue')).toEqual([]);
    // The half-year the disclosure started is planned too: undisclosed, it is flagged at its end.
    await world.advance({ to: '2026-07-07T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure).toMatchObject({ dueDate: '2026-07-06', overdue: true });
    expect(await feedTimes(world, authorizationId, 'operator_disclosure_overdue')).toEqual([Date.parse('2026-07-07T00:00:00+08:00')]);
  });

  it("runs the profile's period: a profile may set it quarterly", async () => {
    const world = await openAoWorld(ctx, { profile: { name: 'quarterly', extends: 'national', limits: { 'authorized_operation.operator_disclosure': { value: 3 } } } });
    const { authorizationId } = await signedSelection(world);
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure).toMatchObject({ limit: 3, unit: 'months', dueDate: '2025-12-26' });
  });

  it("is the operator's: another role 403, a malformed body 400 at /channel, an ended authorization 409 and no duty shown — nothing recorded", async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const byBody = await disclose(world, authorizationId, CHANNEL, world.body);
    expectContract('authorized-operation', 'discloseOperation', byBody, 403);
    expect(byBody.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'operator' });
    const blank = await disclose(world, authorizationId, { channel: '' });
    expectContract('authorized-operation', 'discloseOperation', blank, 400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ pointer: '/channel' })]);
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure).toEqual(SIGNING_PERIOD);

    expect((await world.official('authorization', authorizationId, 'revoke', { reasons: [{ text: '严重违约。' }] })).status).toBe(200);
    expect((await authorizationSeen(world, authorizationId, world.operator)).operatorDisclosure).toBeNull();
    const ended = await disclose(world, authorizationId);
    expectContract('authorized-operation', 'discloseOperation', ended, 409);
  });

  it('leaves an authorization signed under the revision before it without the duty when its journal replays', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const id = await agreedSelection(world);
    await first.close();

    // What version 8 journaled: the signing, then a clock advance past the half-year.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    journalAcknowledged(dataDir, [
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'selection', objectId: id, action: 'sign' }, status: 200, rev: 8 },
      { path: `${sim}/clock/advance`, body: { to: '2026-04-01T09:00:00+08:00' }, status: 200, rev: 8 },
    ]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const authorizationId = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}`, { as: world.body })).body.authorizationId;
    const replayed = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}`, { as: world.body });
    expect(replayed.body.operatorDisclosure).toBeNull();
    expect(replayed.body.disclosure).not.toBeNull();
    const feed = (await call('GET', `${sim}/events?limit=200`)).body.items as { event: { type: string } }[];
    expect(feed.filter((e) => e.event.type === 'operator_disclosure_overdue')).toEqual([]);
  });
});
