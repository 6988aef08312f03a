// 民法典 第二百零三条 (domain README, Time 5): a period whose last day is a rest day ends on the
// next working day. The registration's 3-year validity — and with it the renewal window, which
// closes at expiry — follows it; the authorised operating term capping it is a day the agreement
// fixes and is never moved.
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, idem, ok, registered, type Org } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

// Submitted, accepted and passed on 2025-09-30: the 10-WD notice ends 2025-10-21, coded 2025-10-22;
// three years later, 2028-10-22, is a Sunday.
async function start(profile: unknown = 'national'): Promise<Harness> {
  h = await Harness.start(inProcess, { profile, startAt: '2025-09-30T10:00:00+08:00' });
  return h;
}

const getReg = async (x: Harness, org: Org, id: string) => (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: id })).body;
const renew = (x: Harness, org: Org, id: string, authorisedTermEnd?: string) =>
  x.call(org, 'POST', '/registrations/{registrationId}/renewals', { registrationId: id }, authorisedTermEnd ? { authorisedTermEnd } : {}, idem());

describe('the validity end on a rest day (民法典 第二百零三条)', () => {
  it('a 3-year validity ending on a Sunday ends on the Monday; the renewal window closes then, and the renewal runs from the Tuesday', async () => {
    const x = await start();
    const org = x.org(0);
    const reg = await registered(x, org);
    // The window's first day stays the 60th day up to the unmoved end (Sunday): only its last day moves.
    expect(reg).toMatchObject({ codedOn: '2025-10-22', validUntil: '2028-10-23', renewalWindowOpensOn: '2028-08-24' });
    expect(reg.deadline).toMatchObject({ step: 'validity', limit: 3, unit: 'years', startedOn: '2025-10-22', dueDate: '2028-10-23', dueAt: '2028-10-24T00:00:00+08:00' });

    await x.advance('2028-08-23T10:00:00+08:00');
    expect((await renew(x, org, reg.id)).body).toMatchObject({ code: 'RENEWAL_WINDOW_NOT_OPEN' });
    await x.advance('2028-10-23T10:00:00+08:00');
    expect((await getReg(x, org, reg.id)).state).toBe('registered');
    const renewed = await renew(x, org, reg.id);
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
    expect(renewed.body).toMatchObject({ previousValidUntil: '2028-10-23', validFrom: '2028-10-24' });
  });

  it('an end estimated in a year without a schedule is revised when the year is loaded: validUntil, the expiry and the events move with it', async () => {
    const x = await start();
    const org = x.org(0);
    const reg = await registered(x, org);
    expect(reg.validUntil).toBe('2028-10-23');
    const year2028 = (makeupWorkdays: string[], holidays: string[] = []) => ({
      year: 2028,
      source: 'a test schedule',
      holidays: holidays.map((date) => ({ date, name: '测试假日' })),
      makeupWorkdays: makeupWorkdays.map((date) => ({ date, name: '测试调休' })),
    });
    // Sunday 2028-10-22 a make-up working day: the 3 years end on it, a day before the estimate.
    expect((await x.sim('PUT', `/sandboxes/${x.sandboxId}/calendar/2028`, year2028(['2028-10-22']))).status).toBe(200);
    const revised = await getReg(x, org, reg.id);
    expect(revised).toMatchObject({ validUntil: '2028-10-22', renewalWindowOpensOn: '2028-08-24', deadline: { dueDate: '2028-10-22', startedOn: '2025-10-22', startTrigger: 'code_issued' } });
    expect(revised.events.at(-1)).toMatchObject({ type: 'deadline_revised', from: 'registered', to: 'registered', actor: { role: 'clock', organizationId: null }, data: { previousDueDate: '2028-10-23' } });
    expect((await x.call(org, 'GET', '/lookup/{registrationCode}', { registrationCode: reg.registrationCode })).body).toMatchObject({ validUntil: '2028-10-22' });

    // Loading the same year again revises nothing; another schedule moves it again, the other way.
    await x.sim('PUT', `/sandboxes/${x.sandboxId}/calendar/2028`, year2028(['2028-10-22']));
    expect((await getReg(x, org, reg.id)).events.filter((e: { type: string }) => e.type === 'deadline_revised')).toHaveLength(1);
    await x.sim('PUT', `/sandboxes/${x.sandboxId}/calendar/2028`, year2028([], ['2028-10-23', '2028-10-24']));
    expect(await getReg(x, org, reg.id)).toMatchObject({ validUntil: '2028-10-25', events: expect.arrayContaining([expect.objectContaining({ type: 'deadline_revised', data: { previousDueDate: '2028-10-22' } })]) });

    // The expiry follows: registered through the revised last day, expired after it.
    await x.advance('2028-10-25T23:00:00+08:00');
    expect((await getReg(x, org, reg.id)).state).toBe('registered');
    await x.advance('2028-10-26T00:00:01+08:00');
    expect((await getReg(x, org, reg.id)).state).toBe('expired');
  });

  it('validityEndExtension: none keeps the plain date arithmetic of the profile option', async () => {
    const x = await start({ extends: 'national', name: 'plain-validity', options: { validityEndExtension: 'none' } });
    const reg = await registered(x, x.org(0));
    expect(reg).toMatchObject({ codedOn: '2025-10-22', validUntil: '2028-10-22', renewalWindowOpensOn: '2028-08-24' });
  });

  it('an authorised term ending on a holiday caps the validity on that day, unmoved (a day the agreement fixes)', async () => {
    const x = await start();
    const org = x.org(0);
    const reg = await registered(x, org, '2026-10-03');
    expect(reg).toMatchObject({ validUntil: '2026-10-03', authorisedTermEnd: '2026-10-03', deadline: { dueDate: '2026-10-03', unit: 'calendar_days' } });
    await x.advance('2026-10-04T00:00:00+08:00');
    expect((await getReg(x, org, reg.id)).state).toBe('expired');
  });
});
