import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, idem, initialSubmission } from './harness.js';

describe.each(Object.entries(TRANSPORTS))('registration worked example (national) via %s', (_name, factory) => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start(factory, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });
  });
  afterEach(() => h?.close());

  it('received Friday 2025-09-26 → accepted 09-30 → review due 11-04 → 10 WD notice → coded 11-04, valid 3 years', async () => {
    const org = h.org(0);
    const submitted = await h.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      deadline: { step: 'acceptance', limit: 3, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-09-30', dueAt: '2025-10-01T00:00:00+08:00', overdue: false },
    });
    const id: string = submitted.body.id;

    await h.advance('2025-09-30T15:00:00+08:00');
    const accepted = await h.act('application', id, 'accept');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ from: 'submitted', to: 'under_review' });
    const underReview = await h.call(org, 'GET', '/applications/{applicationId}', { applicationId: id });
    expect(underReview.body.deadline).toMatchObject({ step: 'formal_review', limit: 20, startedOn: '2025-09-30', dueDate: '2025-11-04', dueAt: '2025-11-05T00:00:00+08:00' });

    await h.advance('2025-10-20T10:00:00+08:00');
    expect((await h.act('application', id, 'approve_review')).body.to).toBe('in_public_notice');
    const inNotice = await h.call(org, 'GET', '/applications/{applicationId}', { applicationId: id });
    expect(inNotice.body.deadline).toMatchObject({ step: 'public_notice', limit: 10, startedOn: '2025-10-20', dueDate: '2025-11-03' });
    const notice = await h.call(null, 'GET', '/public-notices/{noticeId}', { noticeId: inNotice.body.noticeId });
    expect(notice.body).toMatchObject({ status: 'running', startedOn: '2025-10-20', endsOn: '2025-11-03', registrationType: 'initial', dataName: '公共交通客流数据产品', objectionCount: 0 });

    // The last notice day still runs; coding happens when it ends (24:00 of 11-03).
    await h.advance('2025-11-03T23:59:00+08:00');
    expect((await h.call(org, 'GET', '/applications/{applicationId}', { applicationId: id })).body.state).toBe('in_public_notice');
    const fired = await h.advance('2025-11-04T09:00:00+08:00');
    expect(fired.body.fired).toContainEqual(expect.objectContaining({ at: '2025-11-04T00:00:00+08:00', objectType: 'application', objectId: id, from: 'in_public_notice', to: 'registered' }));

    const coded = await h.call(org, 'GET', '/applications/{applicationId}', { applicationId: id });
    expect(coded.body).toMatchObject({ state: 'registered', deadline: null, registrationCode: 'DJ1000002025000001' });
    const registration = await h.call(org, 'GET', '/registrations/{registrationId}', { registrationId: coded.body.registrationId });
    // Three years end on Saturday 2028-11-04: the validity ends on Monday 11-06 (民法典 第二百零三条;
    // 2028 estimated Monday–Friday), the renewal window still opens on the 60th day up to the Saturday.
    expect(registration.body).toMatchObject({
      state: 'registered', codedOn: '2025-11-04', validFrom: '2025-11-04', validUntil: '2028-11-06', renewalWindowOpensOn: '2028-09-06', certificateNumber: null,
      deadline: { step: 'validity', unit: 'years', limit: 3, dueDate: '2028-11-06' },
    });
    expect(registration.body.events[0]).toMatchObject({ type: 'code_issued', to: 'registered', data: { registrationCode: 'DJ1000002025000001' } });
    const lookup = await h.call(null, 'GET', '/lookup/{registrationCode}', { registrationCode: 'DJ1000002025000001' });
    expect(lookup.body).toMatchObject({ state: 'registered', valid: true, validUntil: '2028-11-06', dataName: '公共交通客流数据产品' });
    expect(Object.keys(lookup.body)).not.toContain('events');

    const events = await h.call(org, 'GET', '/applications/{applicationId}/events', { applicationId: id }, undefined);
    expect(events.body.items.map((e: { to: string }) => e.to)).toEqual(['submitted', 'under_review', 'in_public_notice', 'registered']);
    expect(events.body.items[3].actor).toEqual({ role: 'clock', organizationId: null });
  });
});
