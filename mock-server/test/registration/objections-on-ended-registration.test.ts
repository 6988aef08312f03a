// An objection filed during the public notice of a change or correction closes with the
// application when the registration that application names ends during the notice (223号 第十条:
// the application can no longer complete, so there is nothing left to decide the objection on).
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, idem, objectionBody, ok, registered, submit, type Org } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const getApp = async (x: Harness, org: Org, id: string) => (await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: id })).body;
const objectionTimeline = async (x: Harness, id: string) => (await x.sim('GET', `/sandboxes/${x.sandboxId}/objects/registration/objection/${id}/timeline`)).body;

/** A change of `reg` in its public notice, with one objection filed by `objector`. */
async function objectedChange(x: Harness, org: Org, reg: { id: string }, objector: Org): Promise<{ appId: string; noticeId: string; objectionId: string; noticeEnd: string }> {
  const appId = await submit(x, org, { registrants: [{ creditCode: org.creditCode, name: org.name }], registrationId: reg.id, type: 'change', resource: { name: '改名后的数据产品', summary: '新增数据源。' }, changeDescription: '更名' });
  await ok(x.act('application', appId, 'accept'));
  const notice = await ok(x.act('application', appId, 'approve_review'));
  expect(notice.to).toBe('in_public_notice');
  const noticeId = notice.object.noticeId as string;
  const filed = await x.call(objector, 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(objector), idem());
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return { appId, noticeId, objectionId: filed.body.id, noticeEnd: notice.object.deadline.dueAt };
}

describe('an objection to the notice of an application whose registration ends', () => {
  it('is closed with the application when the registration is revoked: reasons in Chinese and English, on the feed, and the notice shows it closed', async () => {
    const x = (h = await Harness.start(inProcess, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' }));
    const [org, objector] = [x.org(0), x.org(1)];
    const reg = await registered(x, org);
    const { appId, noticeId, objectionId, noticeEnd } = await objectedChange(x, org, reg, objector);
    expect((await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body).toMatchObject({ status: 'under_objection', objectionCount: 1 });

    await ok(x.act('registration', reg.id, 'revoke', { reasons: [{ text: '提供虚假材料' }], ground: 'false_materials' }));
    expect((await getApp(x, org, appId)).state).toBe('terminated');

    const timeline = await objectionTimeline(x, objectionId);
    expect(timeline).toMatchObject({ object: { state: 'closed', terminal: true }, allowedActions: [] });
    const closedEvent = timeline.events.at(-1).event;
    expect(closedEvent).toMatchObject({ type: 'state_changed', from: 'filed', to: 'closed', actor: { role: 'clock' }, reason: { code: 'REGISTRATION_NOT_VALID' } });
    expect(closedEvent.reason.text).toMatch(/目标登记已撤销.*\/.*revoked/);

    const feed = (await x.sim('GET', `/sandboxes/${x.sandboxId}/events?limit=200`)).body.items;
    const objectionEvents = feed.filter((e: any) => e.objectType === 'objection' && e.objectId === objectionId);
    expect(objectionEvents.map((e: any) => e.event.to)).toEqual(['filed', 'closed']);
    // The application's end comes first, then the objection it closed.
    const order = feed.map((e: any) => `${e.objectId}:${e.event.to}`);
    expect(order.indexOf(`${objectionId}:closed`)).toBeGreaterThan(order.indexOf(`${appId}:terminated`));

    expect((await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body).toMatchObject({ status: 'closed', objectionCount: 1 });
    const underObjection = (await x.call(null, 'GET', '/public-notices?status=under_objection')).body;
    expect(underObjection.items.map((n: any) => n.id)).not.toContain(noticeId);
    expect((await x.call(null, 'GET', '/public-notices?status=closed')).body.items.map((n: any) => n.id)).toContain(noticeId);

    // Closed for good: no decision is taken on it any more, and the clock passing the notice's end changes nothing.
    const decide = await x.act('objection', objectionId, 'dismiss_objection', { reasons: [{ text: '异议证据不足' }] });
    expect(decide.status).toBe(409);
    expect(decide.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'closed', allowedEvents: [] });
    await x.advance(noticeEnd);
    expect((await objectionTimeline(x, objectionId)).object.state).toBe('closed');
  });

  it('is closed when the registration expires unrenewed during the notice, and only the objections still filed are', async () => {
    const x = (h = await Harness.start(inProcess, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' }));
    const [org, objector, other] = [x.org(0), x.org(1), x.org(2)];
    // The authorised term caps the validity: the registration expires at the end of 2025-12-31.
    const reg = await registered(x, org, '2025-12-31');
    await x.advance('2025-12-15T09:00:00+08:00');
    const { appId, noticeId, objectionId } = await objectedChange(x, org, reg, objector);
    const second = await x.call(other, 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(other), idem());
    expect(second.status).toBe(201);
    // One of the two is dismissed while the other is pending: it keeps its decision.
    await ok(x.act('objection', second.body.id, 'dismiss_objection', { reasons: [{ text: '异议证据不足' }] }));

    await x.advance('2026-01-01T00:00:00+08:00');
    expect((await getApp(x, org, appId)).state).toBe('terminated');
    const closed = await objectionTimeline(x, objectionId);
    expect(closed).toMatchObject({ object: { state: 'closed', terminal: true }, allowedActions: [] });
    expect(closed.events.at(-1).event).toMatchObject({ to: 'closed', at: '2026-01-01T00:00:00+08:00', reason: { code: 'REGISTRATION_NOT_VALID', text: expect.stringContaining('目标登记已失效') } });
    expect((await objectionTimeline(x, second.body.id)).object.state).toBe('dismissed');
    expect((await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body).toMatchObject({ status: 'closed', objectionCount: 2 });
  });
});
