import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sandbox, type TakenSnapshot } from '../../src/sandbox/sandbox.js';
import { idem, initialSubmission, objectionBody, ok, registered, submit, useHarness, type Harness, type Org } from './harness.js';

// An export (`GET /_sim/v1/sandboxes/{id}/snapshot`) is the sandbox of the instant it was asked
// for, though its text is made a slice at a time with other requests answered in between. Its
// state is no deep copy: the engine's instances and the feed's entries are listed as they are
// (never changed once made), the registration records copied one level deep (their fields are
// set, what lies below them replaced). Here writes of every kind that touch those objects follow
// an export, and the state it took must serialise as it did right after it was taken.

const START_AT = '2025-09-26T10:00:00+08:00';

const ref = (org: Org) => ({ creditCode: org.creditCode, name: org.name });

/** Exports the sandbox; answers the state the export took (the object itself) and its JSON then. */
async function exported(x: Harness): Promise<{ state: TakenSnapshot; text: string }> {
  const taken = vi.spyOn(Sandbox.prototype, 'snapshot');
  const reply = await x.sim('GET', `/sandboxes/${x.sandboxId}/snapshot`);
  expect(reply.status).toBe(200);
  const state = taken.mock.results[0]?.value as TakenSnapshot;
  taken.mockRestore();
  const text = JSON.stringify(state);
  // The object is the one the export's text was made from.
  expect(text).toBe(JSON.stringify(reply.body.state));
  return { state, text };
}

describe('the state a sandbox export takes', () => {
  const start = useHarness({ profile: 'national', startAt: START_AT });
  afterEach(() => vi.restoreAllMocks());

  it('is not reached by any later write: transitions by officials and the clock, submissions, supplements, objections, changes, cancellations', async () => {
    const x = await start();
    const [a, b] = [x.org(0), x.org(1)];
    // Objects in every state a later write changes in place or replaces:
    const supplemented = await submit(x, a, initialSubmission(a));
    await ok(x.act('application', supplemented, 'request_supplements', { items: [{ field: '/riskAssessment', text: '缺少风险评估报告' }] }));
    const changedRegistration = (await registered(x, a)).id as string;
    const cancelledRegistration = (await registered(x, a)).id as string;
    // Under notice (after the clock moved for those two), with an objection filed.
    const noticed = await submit(x, a, initialSubmission(a));
    await ok(x.act('application', noticed, 'accept'));
    const passed = await ok(x.act('application', noticed, 'approve_review'));
    const objection = await x.call(b, 'POST', '/public-notices/{noticeId}/objections', { noticeId: passed.object.noticeId }, objectionBody(b), idem());
    expect(objection.status, JSON.stringify(objection.body)).toBe(201);

    const { state, text } = await exported(x);

    // A supplement answered: the application's submission, joint flag and filing replaced, its instance transitioned.
    const resubmitted = await x.call(a, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: supplemented }, { changes: { registrants: [ref(a), ref(b)], riskAssessment: { summary: '已补充。' } } }, idem());
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    // The objection dismissed (its own log grows), the notice resumed (its end set again).
    await ok(x.act('objection', objection.body.id, 'dismiss_objection', { reasons: [{ text: '异议证据不足' }] }));
    // A second objection on the running notice (the notice's list of objections replaced).
    const again = await x.call(b, 'POST', '/public-notices/{noticeId}/objections', { noticeId: passed.object.noticeId }, objectionBody(b), idem());
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    // A change and a cancellation of registrations (their registrants, names and ground set).
    const change = await submit(x, a, { type: 'change', registrationId: changedRegistration, registrants: [ref(a), ref(b)], changeDescription: '增加登记主体。' });
    const cancellation = await submit(x, a, { type: 'cancellation', registrationId: cancelledRegistration, registrants: [ref(a)], cancellation: { ground: 'rights_ended', description: '权益期限届满。' } });
    for (const id of [change, cancellation]) {
      await ok(x.act('application', id, 'accept'));
      await ok(x.act('application', id, 'approve_review'));
    }
    // New submissions, the reviewer policy, and four years of the clock: notices end, registrations are
    // coded, amended, cancelled and expire, deadlines pass; the feed takes every event.
    await submit(x, b, initialSubmission(b));
    expect((await x.sim('PUT', `/sandboxes/${x.sandboxId}/reviewer-policy`, { mode: 'auto' })).status).toBe(200);
    await submit(x, a, initialSubmission(a));
    await x.advance('2029-10-01T10:00:00+08:00');
    // The feed read: its entries not made when the export was taken are made now.
    expect((await x.sim('GET', `/sandboxes/${x.sandboxId}/events?limit=200`)).status).toBe(200);

    expect(JSON.stringify(state)).toBe(text);
    // The writes did change the sandbox.
    expect(JSON.stringify((await exported(x)).state)).not.toBe(text);
  });
});
