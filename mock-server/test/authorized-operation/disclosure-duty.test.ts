// The implementing body discloses 授权对象、内容、范围和时限 "定期" (27号 第十八条; domain §8, choice:
// 20 WD after signing or a change, then yearly): `Authorization.disclosure` shows the running
// period, `POST /authorizations/{id}/disclosures` meets it, and the clock flags it overdue.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { authorizationSeen, agreedSelection, openAoWorld, signedInDecember, signedSelection, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

/** Signed Friday 2025-09-26: 20 WD (National Day 10-01…10-08 off, 09-28 and 10-11 worked) end on Thursday 2025-10-30. */
const SIGNING_PERIOD = {
  limit: 20,
  unit: 'working_days',
  startTrigger: 'agreement_signed',
  startedOn: '2025-09-26',
  dueDate: '2025-10-30',
  dueAt: '2025-10-31T00:00:00+08:00',
  overdue: false,
  lastDisclosedAt: null,
  lastLate: false,
  basis: '发改数据规〔2025〕27号 第十八条',
  estimate: false,
  unpublishedYears: [],
};
/** A 2027 schedule with 元旦 off (Friday 2027-01-01), as a test would load it. */
const YEAR_2027 = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };

function expect200(reply: { status: number; body: unknown }): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

const CHANNEL = { channel: 'https://data.example.gov.cn/sqyy/gk', note: '公开授权对象、数据范围及授权期限。' };

async function disclose(world: AoWorld, authorizationId: string, body: unknown = CHANNEL, as = world.body) {
  return world.ao('POST', `/authorizations/${authorizationId}/disclosures`, { as, body });
}

describe('authorized operation: the implementing body\'s disclosure duty (27号 第十八条)', () => {
  it('is due 20 WD after signing; the clock flags it overdue on the feed, and a late disclosure starts the yearly repeat', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toEqual(SIGNING_PERIOD);

    await world.advance({ to: '2025-10-30T23:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure.overdue).toBe(false);
    await world.advance({ to: '2025-10-31T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toEqual({ ...SIGNING_PERIOD, overdue: true });
    const feed = (await world.sim('GET', '/events?platform=authorized-operation&limit=200')).body.items as { objectId: string; event: { type: string; at: string } }[];
    const flagged = feed.filter((e) => e.objectId === authorizationId && e.event.type === 'disclosure_overdue');
    expect(flagged.map((e) => Date.parse(e.event.at))).toEqual([Date.parse('2025-10-31T00:00:00+08:00')]);

    const late = await disclose(world, authorizationId);
    expectContract('authorized-operation', 'discloseAuthorization', late, 200);
    expect(late.body.disclosure).toEqual({
      ...SIGNING_PERIOD,
      limit: 1,
      unit: 'years',
      startTrigger: 'disclosed',
      startedOn: '2025-10-31',
      dueDate: '2026-10-31',
      dueAt: '2026-11-01T00:00:00+08:00',
      lastDisclosedAt: '2025-10-31T09:00:00+08:00',
      lastLate: true,
    });
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.body });
    expect(events.body.items.find((e: { type: string }) => e.type === 'authorization_disclosed')).toMatchObject({ actor: { role: 'implementing_body', organizationId: world.body.id }, data: { disclosure: CHANNEL } });
  });

  it('is met in time: no overdue at the end of the period; an amendment approved later starts 20 WD from its day', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const onTime = await disclose(world, authorizationId);
    expect(onTime.body.disclosure).toMatchObject({ startTrigger: 'disclosed', dueDate: '2026-09-26', lastDisclosedAt: '2025-09-26T10:00:00+08:00', lastLate: false, overdue: false });
    await world.advance({ to: '2025-11-03T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure.overdue).toBe(false);

    expect200(await world.official('authorization', authorizationId, 'amend', { amendment: '调整数据范围。' }));
    expect200(await world.official('authorization', authorizationId, 'approve_amendment'));
    // Approved Monday 2025-11-03: 20 WD end on Monday 2025-12-01, before the yearly repeat.
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toMatchObject({ startTrigger: 'agreement_amended', startedOn: '2025-11-03', dueDate: '2025-12-01', overdue: false });
    await world.advance({ to: '2025-12-02T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toMatchObject({ startTrigger: 'agreement_amended', overdue: true });
    // The yearly repeat's own end, planned before the amendment, does not flag the duty again.
    await world.advance({ to: '2026-09-28T09:00:00+08:00' });
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.body });
    expect(events.body.items.filter((e: { type: string }) => e.type === 'disclosure_overdue')).toHaveLength(1);
  });

  it('is the implementing body\'s: another role 403, a malformed body 400 at /channel, an ended authorization 409 and no duty shown — nothing recorded', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const byOperator = await disclose(world, authorizationId, CHANNEL, world.operator);
    expectContract('authorized-operation', 'discloseAuthorization', byOperator, 403);
    expect(byOperator.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'implementing_body' });
    const blank = await disclose(world, authorizationId, { channel: '' });
    expectContract('authorized-operation', 'discloseAuthorization', blank, 400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ pointer: '/channel' })]);
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toEqual(SIGNING_PERIOD);

    expect200(await world.official('authorization', authorizationId, 'revoke', { reasons: [{ text: '严重违约。' }] }));
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toBeNull();
    const ended = await disclose(world, authorizationId);
    expectContract('authorized-operation', 'discloseAuthorization', ended, 409);
  });

  it('reaching a year without a holiday schedule, is an estimate (not null, not flagged on it), planned once the year is loaded', async () => {
    const world = await openAoWorld(ctx);
    const authorizationId = await signedInDecember(world);
    // 20 WD from 2026-12-10 counted Monday–Friday in 2027: Thursday 2027-01-07, said to be an estimate.
    const estimated = { ...SIGNING_PERIOD, startedOn: '2026-12-10', dueDate: '2027-01-07', dueAt: '2027-01-08T00:00:00+08:00', estimate: true, unpublishedYears: [2027] };
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toEqual(estimated);
    const timeline = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
    expect(timeline.body.duties[0].deadline).toMatchObject({ kind: 'disclosure', dueDate: '2027-01-07', estimate: true, unpublishedYears: [2027] });

    expect((await world.sim('PUT', '/calendar/2027', YEAR_2027)).status).toBe(200);
    // On the loaded year (元旦 off) the period ends a day later, and the clock flags it then.
    const exact = { ...estimated, dueDate: '2027-01-08', dueAt: '2027-01-09T00:00:00+08:00', estimate: false, unpublishedYears: [] };
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toEqual(exact);
    await world.advance({ to: '2027-01-08T23:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure.overdue).toBe(false);
    await world.advance({ to: '2027-01-11T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.body)).disclosure).toEqual({ ...exact, overdue: true });
    const feed = (await world.sim('GET', '/events?platform=authorized-operation&limit=200')).body.items as { objectId: string; event: { type: string; at: string } }[];
    expect(feed.filter((e) => e.objectId === authorizationId && e.event.type === 'disclosure_overdue').map((e) => Date.parse(e.event.at))).toEqual([Date.parse(exact.dueAt)]);
  });

  it('replays a journal of the reporting-duties revision as it was answered: its estimated period stays unplanned when the year is loaded', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const id = await agreedSelection(world);
    await first.close();

    // What version 3 journaled: a signing in December 2026, the 2027 schedule loaded, a clock advance past the period.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    journalAcknowledged(dataDir, [
      { path: `${sim}/clock/advance`, body: { to: '2026-12-10T09:00:00+08:00' }, status: 200, rev: 3 },
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'selection', objectId: id, action: 'sign' }, status: 200, rev: 3 },
      { method: 'PUT', path: `${sim}/calendar/2027`, body: YEAR_2027, status: 200, rev: 3 },
      { path: `${sim}/clock/advance`, body: { to: '2027-01-11T09:00:00+08:00' }, status: 200, rev: 3 },
    ]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const authorizationId = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}`, { as: world.body })).body.authorizationId;
    const replayed = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}`, { as: world.body });
    expect(replayed.body.disclosure).toMatchObject({ dueDate: '2027-01-08', estimate: false, overdue: false });
    const events = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}/events?limit=200`, { as: world.body });
    expect(events.body.items.map((e: { type: string }) => e.type)).not.toContain('disclosure_overdue');
  });

  it('leaves an authorization signed by an older gdx-mock without the duty when its journal replays', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const id = await agreedSelection(world);
    await first.close();

    // What an older version journaled (no revision): the signing, then a clock advance past the 20 WD.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    journalAcknowledged(dataDir, [
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'selection', objectId: id, action: 'sign' }, status: 200 },
      { path: `${sim}/clock/advance`, body: { to: '2025-11-03T09:00:00+08:00' }, status: 200 },
    ]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const authorizationId = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}`, { as: world.body })).body.authorizationId;
    const replayed = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}`, { as: world.body });
    expect(replayed.body.disclosure).toBeNull();
    const feed = (await call('GET', `${sim}/events?limit=200`)).body.items as { event: { type: string } }[];
    expect(feed.filter((e) => e.event.type === 'disclosure_overdue')).toEqual([]);
  });
});
