import { WorkingCalendar } from '@gdx/calendar';
import { afterEach, describe, expect, it } from 'vitest';
import { expectReply } from '../support/contract.js';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, idem, initialSubmission, objectionBody, type Org } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
const START = '2025-09-26T10:00:00+08:00';
const BY_REGISTRY = { extends: 'national', name: 'by-registry', options: { codeIssuance: 'by_registry' } };
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function start(sandbox: Record<string, unknown>): Promise<Harness> {
  const h = await Harness.start(inProcess, { startAt: START, ...sandbox });
  open.push(h);
  return h;
}

async function submit(h: Harness, org: Org): Promise<string> {
  const r = await h.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

const getApp = async (h: Harness, id: string) => (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id })).body;

/** An official action, checked against the simulation contract. */
async function act(h: Harness, id: string, action: string, status: number, extra: Record<string, unknown> = {}) {
  return expectReply('simulation', await h.act('application', id, action, extra), 'POST', '/sandboxes/{sandboxId}/actions', status);
}

/** Submitted, accepted and passed (manual officials): answers the notice's `dueAt`. */
async function toNotice(h: Harness, id: string): Promise<string> {
  await act(h, id, 'accept', 200);
  const passed = await act(h, id, 'approve_review', 200);
  expect(passed.to).toBe('in_public_notice');
  return passed.object.deadline.dueAt;
}

describe('registry coding (赋码)', () => {
  it('on_notice_close (shipped profiles): issue_code answers 409 saying the profile codes at the notice’s end; the clock codes', async () => {
    const h = await start({ profile: 'national' });
    const id = await submit(h, h.org(0));
    const closesAt = await toNotice(h, id);
    const refused = await act(h, id, 'issue_code', 409, { registrationCode: 'DJ1500002025999999' });
    expect(refused).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'in_public_notice', reasonCode: 'CODED_AT_NOTICE_CLOSE' });
    expect(refused.detail).toContain('codes a registration when its public notice ends');
    expect((await getApp(h, id)).state).toBe('in_public_notice');
    const fired = (await h.advance(closesAt)).body.fired;
    expect(fired).toContainEqual(expect.objectContaining({ objectId: id, type: 'state_changed', from: 'in_public_notice', to: 'registered' }));
    expect((await getApp(h, id)).registrationCode).not.toBe('DJ1500002025999999');
  });

  it('by_registry: the notice closes without a deadline, objections are refused, and issue_code codes with the given code', async () => {
    const h = await start({ profile: BY_REGISTRY });
    const [first, second] = [await submit(h, h.org(0)), await submit(h, h.org(0))];
    const closesAt = await toNotice(h, first);
    await toNotice(h, second);
    expect(await act(h, first, 'issue_code', 409)).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'in_public_notice', reasonCode: 'NOTICE_RUNNING' });

    const fired = (await h.advance(closesAt)).body.fired;
    expect(fired).toContainEqual({ at: closesAt, platform: 'registration', objectType: 'application', objectId: first, type: 'notice_closed', from: 'in_public_notice', to: 'in_public_notice' });
    const closed = await getApp(h, first);
    expect(closed).toMatchObject({ state: 'in_public_notice', deadline: null, registrationCode: null });
    expect(closed.events.at(-1)).toMatchObject({ type: 'notice_closed', actor: { role: 'clock', organizationId: null }, deadline: null });
    const notice = await h.call(null, 'GET', '/public-notices/{noticeId}', { noticeId: closed.noticeId });
    expect(notice.body.status).toBe('closed');
    const objection = await h.call(h.org(1), 'POST', '/public-notices/{noticeId}/objections', { noticeId: closed.noticeId }, objectionBody(h.org(1)), idem());
    expect(objection.status).toBe(409);
    expect(objection.body.code).toBe('OBJECTION_WINDOW_CLOSED');

    const coded = await act(h, first, 'issue_code', 200, { registrationCode: 'DJ1500002025000042', certificateNumber: 'NMDJZS-42' });
    expect(coded).toMatchObject({ from: 'in_public_notice', to: 'registered', object: { state: 'registered', registrationCode: 'DJ1500002025000042' } });
    const registration = (await h.call(h.org(0), 'GET', '/registrations/{registrationId}', { registrationId: coded.object.registrationId })).body;
    expect(registration).toMatchObject({ registrationCode: 'DJ1500002025000042', certificateNumber: 'NMDJZS-42', state: 'registered' });
    const lookup = await h.call(null, 'GET', '/lookup/{registrationCode}', { registrationCode: 'DJ1500002025000042' });
    expect(lookup.body).toMatchObject({ valid: true, state: 'registered' });

    const taken = await act(h, second, 'issue_code', 400, { registrationCode: 'DJ1500002025000042' });
    expect(taken.errors).toEqual([expect.objectContaining({ pointer: '/registrationCode', code: 'REGISTRATION_CODE_TAKEN' })]);
    expect((await getApp(h, second)).state).toBe('in_public_notice');
    const generated = await act(h, second, 'issue_code', 200);
    expect(generated.object.registrationCode).toMatch(/^DJ\d+$/);
    expect(await act(h, first, 'issue_code', 409)).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'registered', allowedEvents: [] });
  });

  const calendar = WorkingCalendar.official();
  it.each([
    // auto: at 09:00 of the first working day on or after the close (normally the next morning).
    ['auto', { mode: 'auto' }, (closeDay: string) => `${calendar.isWorkingDay(closeDay) ? closeDay : calendar.addWorkingDays(closeDay, 1)}T09:00:00+08:00`],
    // late: coding has no limit, so after the open-ended 5 WD window and 1 WD more, at the late decision time.
    ['late', { mode: 'late', overdueByWorkingDays: 1 }, (closeDay: string) => `${calendar.addWorkingDays(closeDay, 6)}T10:01:00+08:00`],
  ] as const)('by_registry under %s: the simulated registry codes the closed notice, never the clock', async (_name, reviewerPolicy, codedAt) => {
    const h = await start({ profile: BY_REGISTRY, reviewerPolicy });
    const id = await submit(h, h.org(0));
    await h.advance('2026-06-01T00:00:00+08:00');
    const app = await getApp(h, id);
    expect(app.state).toBe('registered');
    const closed = app.events.find((e: any) => e.type === 'notice_closed');
    expect(closed).toMatchObject({ from: 'in_public_notice', to: 'in_public_notice', actor: { role: 'clock' } });
    const coded = app.events.find((e: any) => e.to === 'registered');
    expect(coded).toMatchObject({ from: 'in_public_notice', at: codedAt(closed.at.slice(0, 10)), actor: { role: 'registry' } });
  });
});
