// Change, correction and cancellation require an existing registration (223号 第十条): an
// application still pending when its registration ends never completes on it.
import { describe, expect, it } from 'vitest';
import { Harness, idem, ok, registered, submit, type Org, useHarness } from './harness.js';

const start = useHarness({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });

const getApp = async (x: Harness, org: Org, id: string) => (await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: id })).body;
const getReg = async (x: Harness, org: Org, id: string) => (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: id })).body;
const timeline = async (x: Harness, id: string) => (await x.sim('GET', `/sandboxes/${x.sandboxId}/objects/registration/application/${id}/timeline`)).body;

const base = (org: Org, registrationId: string) => ({ registrants: [{ creditCode: org.creditCode, name: org.name }], registrationId });
const change = (org: Org, registrationId: string) => ({ ...base(org, registrationId), type: 'change', resource: { name: '改名后的数据产品', summary: '新增数据源。' }, changeDescription: '更名' });
const cancellation = (org: Org, registrationId: string) => ({ ...base(org, registrationId), type: 'cancellation', cancellation: { ground: 'other_legal_ground', description: '依法注销。' } });

describe('applications pending on a registration that ends', () => {
  it('a change in its public notice is terminated when the registration is revoked, and never renames it', async () => {
    const x = await start();
    const org = x.org(0);
    const reg = await registered(x, org);
    const id = await submit(x, org, change(org, reg.id));
    await ok(x.act('application', id, 'accept'));
    const notice = await ok(x.act('application', id, 'approve_review'));
    expect(notice.to).toBe('in_public_notice');
    await ok(x.act('registration', reg.id, 'revoke', { reasons: [{ text: '提供虚假材料' }], ground: 'false_materials' }));

    const ended = await getApp(x, org, id);
    expect(ended).toMatchObject({ state: 'terminated', deadline: null, reasons: [{ code: 'REGISTRATION_NOT_VALID', text: expect.stringContaining('目标登记已撤销') }] });
    expect(ended.events.at(-1)).toMatchObject({ type: 'state_changed', from: 'in_public_notice', to: 'terminated', actor: { role: 'clock' } });
    await x.advance(notice.object.deadline.dueAt);
    expect((await getApp(x, org, id)).state).toBe('terminated');
    expect(await getReg(x, org, reg.id)).toMatchObject({ state: 'revoked', dataName: reg.dataName });
    expect((await timeline(x, id)).allowedActions).toEqual([]);
  });

  it('a cancellation under review ends with the expired registration instead of cancelling it; approve_review is neither offered nor taken', async () => {
    const x = await start();
    const org = x.org(0);
    const reg = await registered(x, org, '2025-12-31');
    const id = await submit(x, org, cancellation(org, reg.id));
    await ok(x.act('application', id, 'accept'));
    expect((await timeline(x, id)).allowedActions.map((a: { action: string }) => a.action)).toContain('approve_review');
    await x.advance('2026-01-01T00:00:00+08:00');
    expect((await getReg(x, org, reg.id)).state).toBe('expired');

    const ended = await getApp(x, org, id);
    expect(ended).toMatchObject({ state: 'terminated', reasons: [{ code: 'REGISTRATION_NOT_VALID', text: expect.stringContaining('目标登记已失效') }] });
    expect((await timeline(x, id)).allowedActions).toEqual([]);
    const approve = await x.act('application', id, 'approve_review');
    expect(approve.status).toBe(409);
    expect(await getReg(x, org, reg.id)).toMatchObject({ state: 'expired' });
  });

  it('a change waiting for its supplement ends when the registration is cancelled by another application; the cancelling one completes', async () => {
    const x = await start();
    const org = x.org(0);
    const reg = await registered(x, org);
    const waiting = await submit(x, org, change(org, reg.id));
    await ok(x.act('application', waiting, 'request_supplements', { items: [{ text: '缺少变更说明材料' }] }));
    const cancel = await submit(x, org, cancellation(org, reg.id));
    await ok(x.act('application', cancel, 'accept'));
    expect((await ok(x.act('application', cancel, 'approve_review'))).to).toBe('cancelled');

    expect(await getApp(x, org, waiting)).toMatchObject({ state: 'terminated', reasons: [{ text: expect.stringContaining('目标登记已注销') }] });
    const resubmit = await x.call(org, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: waiting }, { changes: { changeDescription: '补充' } }, idem());
    expect(resubmit.status).toBe(409);
    expect(await getApp(x, org, cancel)).toMatchObject({ state: 'cancelled' });
    expect(await getReg(x, org, reg.id)).toMatchObject({ state: 'cancelled' });
  });
});

describe('one cancellation at a time', () => {
  it('refuses a second cancellation while one is pending (409 CANCELLATION_PENDING naming it), storing nothing; once the first is decided, the registration decides', async () => {
    const x = await start();
    const org = x.org(0);
    const reg = await registered(x, org);
    const first = await submit(x, org, cancellation(org, reg.id));
    const before = (await x.call(org, 'GET', '/applications')).body.total;
    const second = await x.call(org, 'POST', '/applications', {}, cancellation(org, reg.id), idem());
    expect(second.status, JSON.stringify(second.body)).toBe(409);
    expect(second.body).toMatchObject({ code: 'CANCELLATION_PENDING', pendingApplicationId: first, message: { zh: expect.any(String), en: expect.any(String) }, errors: [{ pointer: '/registrationId', code: 'CANCELLATION_PENDING' }] });
    expect(second.body.detail).toContain(first);
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(before);
    // A change may still be filed meanwhile; only cancellations exclude each other.
    await submit(x, org, change(org, reg.id));

    await ok(x.act('application', first, 'not_accept', { reasons: [{ text: '材料不全' }] }));
    const retry = await submit(x, org, cancellation(org, reg.id));
    await ok(x.act('application', retry, 'accept'));
    expect((await ok(x.act('application', retry, 'approve_review'))).to).toBe('cancelled');
    const third = await x.call(org, 'POST', '/applications', {}, cancellation(org, reg.id), idem());
    expect(third.status).toBe(400);
    expect(third.body.errors[0]).toMatchObject({ pointer: '/registrationId', code: 'REGISTRATION_NOT_VALID' });
  });
});
