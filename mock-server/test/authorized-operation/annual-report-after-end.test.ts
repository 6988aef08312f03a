// The annual report duty survives the authorization's end (65号 五: the report on a year it ran):
// a report due after it expired or terminated is recorded as missed too, by the platform's clock,
// on the authorization's feed, timeline and webhooks — outside its event log, which takes no
// event once it ended.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { agreedSelection, openAoWorld, signedSelection, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

const reportOn = (year: number) => ({ year, status: '无数据安全事件。', costs: { totalFen: 1_000_000, subsidiesFen: 0 }, revenueFen: 1_000_000, profitFen: 0, products: [] });

type FeedItem = { objectType: string; objectId: string; event: { seq: number; type: string; at: string; from: string | null; to: string | null; data?: Record<string, unknown> } };

async function overdueOnFeed(world: AoWorld, authorizationId: string) {
  const feed = await world.sim('GET', '/events?platform=authorized-operation&limit=200');
  expectContract('simulation', 'feedEvents', feed, 200);
  return (feed.body.items as FeedItem[])
    .filter((e) => e.objectType === 'authorization' && e.objectId === authorizationId && e.event.type === 'annual_report_overdue')
    .map((e) => ({ at: e.event.at, from: e.event.from, to: e.event.to, data: e.event.data }));
}

/** A webhook of the operator for missed annual reports; answers how many deliveries it was given. */
async function overdueHook(world: AoWorld): Promise<() => Promise<number>> {
  const hook = await world.sim('POST', '/webhooks', { organizationId: world.operator.id, url: 'http://127.0.0.1:9/overdue', secret: 'whsec-0123456789abcdef', eventTypes: ['annual_report_overdue'] });
  expectContract('simulation', 'createWebhook', hook, 201);
  return async () => {
    const log = await world.sim('GET', `/webhooks/deliveries?limit=200`);
    return (log.body.items as { webhookId: string; eventType: string }[]).filter((d) => d.webhookId === hook.body.id && d.eventType === 'annual_report_overdue').length;
  };
}

const due = (year: number) => ({ year, dueAt: `${year + 1}-04-01T00:00:00+08:00` });

describe('authorized operation: a report due after the authorization ended is recorded as missed (65号 五)', () => {
  it('records the term’s last reports after it expired, on the feed, timeline and webhooks; a report filed in time leaves none', async () => {
    const world = await openAoWorld(ctx);
    const deliveries = await overdueHook(world);
    // Term 2026-01-05 … 2028-01-04: it expires at 24:00 on 2028-01-04, before the reports on 2027
    // (due 2028-03-31) and 2028 (it ran four days of it, due 2029-03-31) fall due.
    const { authorizationId } = await signedSelection(world, { from: '2026-01-05', to: '2028-01-04' });
    await world.advance({ to: '2028-04-01T09:00:00+08:00' });
    const running = { at: '2027-04-01T00:00:00+08:00', from: 'active', to: 'active', data: due(2026) };
    const afterEnd = { at: '2028-04-01T00:00:00+08:00', from: 'expired', to: 'expired', data: due(2027) };
    expect(await overdueOnFeed(world, authorizationId)).toEqual([running, afterEnd]);
    expect(await deliveries()).toBe(2);

    // On the authorization's timeline after its log's last event; not in the log, which ended.
    const timeline = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
    expectContract('simulation', 'getObjectTimeline', timeline, 200);
    const log = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.operator });
    const lastSeq = (log.body.items as { seq: number }[]).at(-1)!.seq;
    const onTimeline = (timeline.body.events as FeedItem[]).filter((e) => e.event.type === 'annual_report_overdue');
    expect(onTimeline.map((e) => [e.event.data, e.event.seq > lastSeq])).toEqual([[due(2026), false], [due(2027), true]]);
    expect(log.body.items.filter((e: { type: string }) => e.type === 'annual_report_overdue')).toHaveLength(1);

    // The report on 2028, filed after the end but in time, meets the duty's last year.
    await world.advance({ to: '2029-02-01T09:00:00+08:00' });
    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: reportOn(2028) }), 201);
    await world.advance({ to: '2030-04-02T09:00:00+08:00' });
    expect(await overdueOnFeed(world, authorizationId)).toEqual([running, afterEnd]);
    expect(await deliveries()).toBe(2);
  });

  it('records the report on the year it was revoked in, and none on the years after it; a snapshot taken between keeps the duty', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    await world.advance({ to: '2026-06-01T09:00:00+08:00' });
    expect((await world.official('authorization', authorizationId, 'revoke', { reasons: [{ text: '严重违约。' }] })).status).toBe(200);
    const snapshot = await world.sim('GET', '/snapshot');
    const advanced = await world.advance({ to: '2028-04-02T09:00:00+08:00' });
    const missed = { at: '2027-04-01T00:00:00+08:00', platform: 'authorized-operation', objectType: 'authorization', objectId: authorizationId, type: 'annual_report_overdue', from: 'terminated', to: 'terminated' };
    expect(advanced.body.fired).toEqual([missed]);
    expect(await overdueOnFeed(world, authorizationId)).toEqual([{ at: missed.at, from: 'terminated', to: 'terminated', data: due(2026) }]);

    expectContract('simulation', 'importSnapshot', await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'sbx_ao_ended', snapshot: snapshot.body } }), 201);
    const copy = await ctx.call('POST', '/_sim/v1/sandboxes/sbx_ao_ended/clock/advance', { body: { to: '2028-04-02T09:00:00+08:00' } });
    expect(copy.body.fired).toEqual([missed]);
  });

  it('replays a journal of an older revision as it ran: an authorization ended then records no report due after', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const id = await agreedSelection(world);
    await first.close();

    // What revision 7 journaled: the signing (the running duty), the revocation, then the due day of the report on 2026.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    journalAcknowledged(dataDir, [{ path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'selection', objectId: id, action: 'sign' }, status: 200, rev: 7 }]);
    const second = open();
    const call = callOf(second);
    const authorizationId = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}`, { as: world.body })).body.authorizationId;
    await second.close();
    journalAcknowledged(dataDir, [
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'authorization', objectId: authorizationId, action: 'revoke', reasons: [{ text: '严重违约。' }] }, status: 200, rev: 7 },
      { path: `${sim}/clock/advance`, body: { to: '2027-04-02T09:00:00+08:00' }, status: 200, rev: 7 },
    ]);
    const replayed = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await replayed('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}`, { as: world.body })).body.state).toBe('terminated');
    const feed = (await replayed('GET', `${sim}/events?limit=200`)).body.items as FeedItem[];
    expect(feed.filter((e) => e.event.type === 'annual_report_overdue')).toEqual([]);
  });
});
