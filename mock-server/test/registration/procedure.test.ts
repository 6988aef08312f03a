import { afterEach, describe, expect, it } from 'vitest';
import { closedSchemaErrors } from '../support/contract.js';
import { TRANSPORTS } from '../support/transports.js';
import { attachment, Harness, idem, initialSubmission, objectionBody, type Org } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
const START = '2025-09-26T10:00:00+08:00';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(sandbox: Record<string, unknown> = {}): Promise<Harness> {
  h = await Harness.start(inProcess, { profile: 'national', startAt: START, ...sandbox });
  return h;
}

async function submit(x: Harness, org: Org, body = initialSubmission(org)): Promise<string> {
  const r = await x.call(org, 'POST', '/applications', {}, body, idem());
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

const getApp = (x: Harness, org: Org, id: string) => x.call(org, 'GET', '/applications/{applicationId}', { applicationId: id });

async function ok(reply: Promise<{ status: number; body: any }>) {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** Submit, accept, pass review, let the notice end: the application is registered. */
async function register(x: Harness, org: Org, body = initialSubmission(org)): Promise<{ appId: string; reg: any }> {
  const appId = await submit(x, org, body);
  await ok(x.act('application', appId, 'accept'));
  const passed = await ok(x.act('application', appId, 'approve_review'));
  const ends: string = passed.object.deadline.dueAt;
  await x.advance(ends);
  const app = (await getApp(x, org, appId)).body;
  expect(app.state).toBe('registered');
  return { appId, reg: (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: app.registrationId })).body };
}

describe('acceptance (第十条)', () => {
  it('a supplement request lists every item at once; the resubmission restarts the 3 WD clock from its own day', async () => {
    const x = await start();
    const org = x.org(0);
    const id = await submit(x, org);
    await x.advance('2025-09-29T11:00:00+08:00');
    expect((await x.act('application', id, 'request_supplements')).status).toBe(400);
    const items = [{ field: '/riskAssessment', text: '缺少数据安全风险评估报告' }, { field: '/evidence', text: '存证材料不完整' }];
    expect((await ok(x.act('application', id, 'request_supplements', { items }))).to).toBe('supplement_required');
    const waiting = (await getApp(x, org, id)).body;
    expect(waiting).toMatchObject({ state: 'supplement_required', deadline: null, supplementItems: items });
    expect(waiting.events.at(-1)).toMatchObject({ type: 'supplement_requested', from: 'submitted', to: 'supplement_required' });

    await x.advance('2025-10-09T09:30:00+08:00');
    const again = await x.call(org, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { note: '已补充', changes: { riskAssessment: { summary: '已补充评估报告', attachment: attachment('评估报告.pdf') } } }, idem());
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      state: 'submitted',
      submission: { riskAssessment: { summary: '已补充评估报告' } },
      deadline: { step: 'acceptance', startTrigger: 'resubmitted', startedOn: '2025-10-09', dueDate: '2025-10-13', dueAt: '2025-10-14T00:00:00+08:00', overdue: false },
    });
    const replay = await x.call(org, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes: {} }, idem());
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'submitted' });
  });

  it('一次性告知: after the resubmission the registry accepts or refuses to accept; a second supplement notice is refused', async () => {
    const x = await start();
    const org = x.org(0);
    const id = await submit(x, org);
    const items = [{ field: '/riskAssessment', text: '缺少数据安全风险评估报告' }];
    await ok(x.act('application', id, 'request_supplements', { items }));
    const changes = { riskAssessment: { summary: '已补充评估报告', attachment: attachment('评估报告.pdf') } };
    expect((await x.call(org, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes }, idem())).status).toBe(200);
    const timeline = await x.sim('GET', `/sandboxes/${x.sandboxId}/objects/registration/application/${id}/timeline`);
    const offered = timeline.body.allowedActions.map((a: { action: string }) => a.action);
    expect(offered).toEqual(expect.arrayContaining(['accept', 'not_accept']));
    expect(offered).not.toContain('request_supplements');
    const second = await x.act('application', id, 'request_supplements', { items: [{ field: '/evidence', text: '存证材料不完整' }] });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'SUPPLEMENT_ALREADY_REQUESTED', currentState: 'submitted' });
    expect(second.body.allowedEvents).toEqual(expect.arrayContaining(['accept', 'not_accept']));
    const unchanged = (await getApp(x, org, id)).body;
    expect(unchanged).toMatchObject({ state: 'submitted', supplementItems: items });
    expect(unchanged.events.at(-1)).toMatchObject({ from: 'supplement_required', to: 'submitted' });
    expect((await ok(x.act('application', id, 'not_accept', { reasons: [{ text: '补正后材料仍不符合规定' }] }))).to).toBe('not_accepted');
  });

  it('a profile may let the registry give a new supplement notice after each resubmission (supplementNotice: repeatable)', async () => {
    const x = await start({ profile: { extends: 'national', name: 'repeated-notices', options: { supplementNotice: 'repeatable' } } });
    const org = x.org(0);
    const id = await submit(x, org);
    await ok(x.act('application', id, 'request_supplements', { items: [{ field: '/riskAssessment', text: '缺少评估报告' }] }));
    expect((await x.call(org, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes: {} }, idem())).status).toBe(200);
    expect((await ok(x.act('application', id, 'request_supplements', { items: [{ field: '/evidence', text: '存证材料不完整' }] }))).to).toBe('supplement_required');
  });

  it('a failed review that returns to supplement (profile option) lists its items on the application, as a supplement request does', async () => {
    const x = await start({ profile: { extends: 'national', name: 'lenient', options: { reviewFailedReturnsToSupplement: true } } });
    const org = x.org(0);
    const id = await submit(x, org);
    await ok(x.act('application', id, 'accept'));
    const reasons = [{ text: '数据来源说明不充分' }];
    const items = [{ field: '/source', text: '补充数据来源说明' }];
    expect((await x.act('application', id, 'fail_review', { reasons })).status).toBe(400);
    expect((await ok(x.act('application', id, 'fail_review', { reasons, items }))).to).toBe('supplement_required');
    expect((await getApp(x, org, id)).body).toMatchObject({ state: 'supplement_required', deadline: null, supplementItems: items });
  });

  it('an acceptance past its limit is flagged overdue and never approved by the clock', async () => {
    const x = await start();
    const org = x.org(0);
    const id = await submit(x, org);
    const fired = await x.advance('2025-10-20T00:00:00+08:00');
    expect(fired.body.fired).toEqual([{ at: '2025-10-01T00:00:00+08:00', platform: 'registration', objectType: 'application', objectId: id, type: 'deadline_overdue', from: 'submitted', to: 'submitted' }]);
    const app = (await getApp(x, org, id)).body;
    expect(app).toMatchObject({ state: 'submitted', deadline: { dueDate: '2025-09-30', overdue: true } });
  });

  it.each([
    ['not_accept', [], 'not_accepted'],
    ['fail_review', ['accept'], 'review_failed'],
  ])('%s needs written reasons and is terminal', async (action, before, terminal) => {
    const x = await start();
    const org = x.org(0);
    const id = await submit(x, org);
    for (const step of before) await ok(x.act('application', id, step));
    const bare = await x.sim('POST', `/sandboxes/${x.sandboxId}/actions`, { platform: 'registration', objectType: 'application', objectId: id, action, reasons: [] });
    expect(bare.status).toBe(400);
    const reasons = [{ code: 'LEGAL_SOURCE_UNCLEAR', text: '数据合法合规性来源说明不充分' }];
    expect((await ok(x.act('application', id, action, { reasons }))).to).toBe(terminal);
    const app = (await getApp(x, org, id)).body;
    expect(app).toMatchObject({ state: terminal, reasons, deadline: null });
    const illegal = await x.act('application', id, 'accept');
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: terminal, allowedEvents: [] });
    expect(illegal.body.detail).toContain(terminal);
    await x.advance('2026-03-01T00:00:00+08:00');
    expect((await getApp(x, org, id)).body.state).toBe(terminal);
  });
});

describe('formal review (第十一条)', () => {
  it('overdue → flagged, the registry records an explanation, still under review a month later', async () => {
    const x = await start();
    const org = x.org(0);
    const id = await submit(x, org);
    await x.advance('2025-09-30T15:00:00+08:00');
    await ok(x.act('application', id, 'accept'));
    const early = await x.act('application', id, 'explain_overdue', { explanation: '材料核验涉及多个部门' });
    expect(early.status).toBe(409);
    await x.advance('2025-11-05T09:00:00+08:00');
    const overdue = (await getApp(x, org, id)).body;
    expect(overdue).toMatchObject({ state: 'under_review', deadline: { step: 'formal_review', dueDate: '2025-11-04', overdue: true } });
    expect(overdue.events.at(-1)).toMatchObject({ type: 'deadline_overdue', actor: { role: 'clock', organizationId: null } });
    const explained = await ok(x.act('application', id, 'explain_overdue', { explanation: '材料核验涉及多个部门' }));
    expect(explained.event).toMatchObject({ type: 'overdue_explained', reason: { text: '材料核验涉及多个部门' } });
    await x.advance('2025-12-05T09:00:00+08:00');
    expect((await getApp(x, org, id)).body).toMatchObject({ state: 'under_review', overdueExplanation: '材料核验涉及多个部门', deadline: { overdue: true } });
  });
});

describe('an overdue formal review is decided after its explanation (第十一条 说明原因)', () => {
  it('refuses approve_review and fail_review with 409 OVERDUE_EXPLANATION_REQUIRED, offers explain_overdue, then decides', async () => {
    const x = await start();
    const org = x.org(0);
    const id = await submit(x, org);
    await ok(x.act('application', id, 'accept'));
    await x.advance('2025-11-05T09:00:00+08:00');
    for (const [action, extra] of [['approve_review', {}], ['fail_review', { reasons: [{ text: '材料不全' }] }]] as const) {
      const refused = await x.act('application', id, action, extra);
      expect(refused.status, action).toBe(409);
      expect(refused.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'under_review', reasonCode: 'OVERDUE_EXPLANATION_REQUIRED' });
      expect(refused.body.allowedEvents).toContain('explain_overdue');
      expect(refused.body.allowedEvents).not.toContain('approve_review');
    }
    expect((await getApp(x, org, id)).body).toMatchObject({ state: 'under_review', overdueExplanation: null });
    await ok(x.act('application', id, 'explain_overdue', { explanation: '材料核验涉及多个部门' }));
    const passed = await ok(x.act('application', id, 'approve_review'));
    expect(passed).toMatchObject({ from: 'under_review', to: 'in_public_notice', object: { overdueExplanation: '材料核验涉及多个部门' } });
  });
});

describe('public notice and objections (第十二条)', () => {
  async function inNotice(x: Harness) {
    const org = x.org(0);
    const id = await submit(x, org);
    await ok(x.act('application', id, 'accept'));
    const passed = await ok(x.act('application', id, 'approve_review'));
    return { org, id, noticeId: passed.object.noticeId as string, endsAt: passed.object.deadline.dueAt as string };
  }

  it('a dismissed objection returns to the running notice, which codes at its original end', async () => {
    const x = await start();
    const { org, id, noticeId, endsAt } = await inNotice(x);
    const objector = x.org(1);
    const filed = await x.call(objector, 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(objector), idem());
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ state: 'filed', noticeId, events: [{ type: 'objection_filed', to: 'filed' }] });
    expect((await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body).toMatchObject({ status: 'under_objection', objectionCount: 1 });
    expect((await getApp(x, org, id)).body.state).toBe('objection_review');
    const dismissed = await ok(x.act('objection', filed.body.id, 'dismiss_objection', { reasons: [{ text: '异议证据不足' }] }));
    expect(dismissed).toMatchObject({ from: 'filed', to: 'dismissed' });
    const back = (await getApp(x, org, id)).body;
    expect(back).toMatchObject({ state: 'in_public_notice', deadline: { dueAt: endsAt } });
    await x.advance(endsAt);
    expect((await getApp(x, org, id)).body.state).toBe('registered');
    expect((await x.call(null, 'GET', '/public-notices', {}, undefined)).body.items[0]).toMatchObject({ id: noticeId, status: 'closed' });
  });

  it('a notice that ends under objection leaves no running deadline: the objection review has no limit', async () => {
    const x = await start();
    const { org, id, noticeId, endsAt } = await inNotice(x);
    const objector = x.org(1);
    const filed = await x.call(objector, 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(objector), idem());
    expect((await getApp(x, org, id)).body).toMatchObject({ state: 'objection_review', deadline: { step: 'public_notice', dueAt: endsAt } });
    await x.advance('2025-10-20T10:00:00+08:00');
    const waiting = (await getApp(x, org, id)).body;
    expect(waiting).toMatchObject({ state: 'objection_review', deadline: null });
    expect(waiting.events.at(-1)).toMatchObject({ type: 'notice_closed', from: 'objection_review', to: 'objection_review', deadline: null });
    const listed = (await x.sim('GET', `/sandboxes/${x.sandboxId}/objects?platform=registration&objectType=application`)).body.items.find((o: { objectId: string }) => o.objectId === id);
    expect(listed).toMatchObject({ state: 'objection_review', nextDueAt: null, overdue: false });
    // The timeline keeps the notice's own step with its due date.
    const steps = (await x.sim('GET', `/sandboxes/${x.sandboxId}/objects/registration/application/${id}/timeline`)).body.steps;
    expect(steps.find((st: { state: string }) => st.state === 'in_public_notice').deadline).toMatchObject({ kind: 'public_notice', dueAt: endsAt });
    await ok(x.act('objection', filed.body.id, 'dismiss_objection', { reasons: [{ text: '异议证据不足' }] }));
    expect((await getApp(x, org, id)).body).toMatchObject({ state: 'registered', deadline: null });
  });

  it('with objectionPausesNotice, the notice stops during the review and resumes with the days it had left', async () => {
    const x = await start({ profile: { extends: 'national', name: 'pausing', options: { objectionPausesNotice: true } } });
    const { org, id, noticeId, endsAt } = await inNotice(x);
    // Started Friday 2025-09-26: 10 WD (09-28 and 10-11 make-up days, 10-01–10-08 holidays) end 10-16.
    expect(endsAt).toBe('2025-10-17T00:00:00+08:00');
    const objector = x.org(1);
    await x.advance('2025-10-14T10:00:00+08:00');
    const filed = await x.call(objector, 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(objector), idem());
    expect(filed.status).toBe(201);
    expect((await getApp(x, org, id)).body).toMatchObject({ state: 'objection_review', deadline: null });
    // The notice's end passes during the review: nothing fires.
    await x.advance('2025-10-20T10:00:00+08:00');
    expect((await getApp(x, org, id)).body.state).toBe('objection_review');
    await ok(x.act('objection', filed.body.id, 'dismiss_objection', { reasons: [{ text: '异议证据不足' }] }));
    const back = (await getApp(x, org, id)).body;
    // Left on Tuesday 10-14 with 2 WD to go (10-15, 10-16): from Monday 10-20, it ends Wednesday 10-22.
    expect(back).toMatchObject({ state: 'in_public_notice', deadline: { step: 'public_notice', limit: 2, startTrigger: 'resumed', startedOn: '2025-10-20', dueDate: '2025-10-22', dueAt: '2025-10-23T00:00:00+08:00' } });
    const notice = (await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body;
    expect(notice).toMatchObject({ status: 'running', endsOn: '2025-10-22' });
    await x.advance('2025-10-22T23:00:00+08:00');
    expect((await getApp(x, org, id)).body.state).toBe('in_public_notice');
    await x.advance(back.deadline.dueAt);
    expect((await getApp(x, org, id)).body.state).toBe('registered');
  });

  it('written reasons, supplement items and objections of white space only are refused, changing nothing', async () => {
    const x = await start();
    const org = x.org(0);
    const id = await submit(x, org, initialSubmission(org));
    const blankItem = await x.act('application', id, 'request_supplements', { items: [{ field: '/resource/name', text: '补充数据名称' }, { field: '/resource/summary', text: ' \u3000\t' }] });
    expect(blankItem.status).toBe(400);
    expect(blankItem.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/items/1/text', code: 'TEXT_BLANK', message: { zh: expect.any(String), en: expect.any(String) } }] });
    const blankReason = await x.act('application', id, 'reject', { reasons: [{ text: '   ' }] });
    expect(blankReason.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/reasons/0/text', code: 'TEXT_BLANK' }] });
    expect((await getApp(x, org, id)).body).toMatchObject({ state: 'submitted', events: [expect.objectContaining({ to: 'submitted' })] });
    expect((await ok(x.act('application', id, 'request_supplements', { items: [{ field: '/resource/name', text: '补充数据名称' }] }))).to).toBe('supplement_required');
  });

  it('a registrant cannot object to its own application, signed or as a third party naming its code', async () => {
    const x = await start();
    const { org, id, noticeId } = await inNotice(x);
    const own = await x.call(org, 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(org), idem());
    expect(own.status).toBe(400);
    expect(own.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/objector/creditCode', code: 'OBJECTOR_IS_REGISTRANT' }] });
    expect(own.body.errors[0].message).toEqual({ zh: expect.stringContaining(org.creditCode), en: expect.stringContaining(org.creditCode) });
    const asThirdParty = await x.sim('POST', `/sandboxes/${x.sandboxId}/objections`, { kind: 'notice', noticeId, ...objectionBody(org) });
    expect(asThirdParty.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/objector/creditCode', code: 'OBJECTOR_IS_REGISTRANT' }] });
    // Nothing filed: the notice runs on, and another organisation still may object.
    expect((await getApp(x, org, id)).body.state).toBe('in_public_notice');
    expect((await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body).toMatchObject({ status: 'running', objectionCount: 0 });
    expect((await x.call(x.org(1), 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(x.org(1)), idem())).status).toBe(201);
  });

  it('an upheld objection of a third party terminates the registration; objections need real names and evidence', async () => {
    const x = await start();
    const { org, id, noticeId } = await inNotice(x);
    const badId = await x.sim('POST', `/sandboxes/${x.sandboxId}/objections`, { kind: 'notice', noticeId, objector: { kind: 'person', residentId: '150102198511224566', name: '李四' }, text: '未经授权', evidence: [attachment('合同.pdf')] });
    expect(badId.status).toBe(400);
    expect(badId.body.errors.map((e: { pointer: string }) => e.pointer).join()).toContain('/objector/');
    const noEvidence = await x.call(x.org(1), 'POST', '/public-notices/{noticeId}/objections', { noticeId }, { ...objectionBody(x.org(1)), evidence: [] }, idem());
    expect(noEvidence.status).toBe(400);
    // 实名: a signed organisation objects in its own name, not another organisation's nor a person's.
    const inAnotherName = await x.call(x.org(2), 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(x.org(1)), idem());
    expect(inAnotherName.status).toBe(400);
    expect(inAnotherName.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/objector/creditCode', code: 'OBJECTOR_NOT_CALLER' }] });
    expect(inAnotherName.body.errors[0].message).toEqual({ zh: expect.stringContaining(x.org(2).creditCode), en: expect.stringContaining(x.org(2).creditCode) });
    const asPerson = await x.call(x.org(2), 'POST', '/public-notices/{noticeId}/objections', { noticeId }, { ...objectionBody(x.org(2)), objector: { kind: 'person', residentId: '150102198511224565', name: '李四' } }, idem());
    expect(asPerson.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/objector/kind', code: 'OBJECTOR_NOT_CALLER' }] });
    expect((await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body).toMatchObject({ status: 'running', objectionCount: 0 });
    const filed = await x.sim('POST', `/sandboxes/${x.sandboxId}/objections`, { kind: 'notice', noticeId, objector: { kind: 'person', residentId: '150102198511224565', name: '李四' }, text: '未经授权', evidence: [attachment('合同.pdf')] });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'notice', platform: 'registration', objectType: 'objection', object: { state: 'filed' } });
    const noReasons = await x.sim('POST', `/sandboxes/${x.sandboxId}/actions`, { platform: 'registration', objectType: 'application', objectId: id, action: 'uphold_objection' });
    expect(noReasons.status).toBe(400);
    expect((await ok(x.act('application', id, 'uphold_objection', { reasons: [{ text: '登记主体无权登记' }] }))).to).toBe('terminated');
    const app = (await getApp(x, org, id)).body;
    expect(app).toMatchObject({ state: 'terminated', reasons: [{ text: '登记主体无权登记' }], registrationId: null });
    const feed = await x.sim('GET', `/sandboxes/${x.sandboxId}/events?limit=200`);
    expect(feed.body.items.filter((e: any) => e.objectType === 'objection').map((e: any) => e.event.to)).toEqual(['filed', 'upheld']);
  });

  it('after the notice: 409 OBJECTION_WINDOW_CLOSED', async () => {
    const x = await start();
    const { noticeId, endsAt } = await inNotice(x);
    await x.advance(endsAt);
    const late = await x.call(x.org(1), 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(x.org(1)), idem());
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('OBJECTION_WINDOW_CLOSED');
    // The application's state (coded when the notice ended) is named as in every other state
    // refusal, and the problem has only declared members.
    expect(late.body).toMatchObject({ currentState: 'registered', endsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(closedSchemaErrors('registration', 'ProblemDetails', late.body)).toEqual([]);
    const third = await x.sim('POST', `/sandboxes/${x.sandboxId}/objections`, { kind: 'notice', noticeId, ...objectionBody(x.org(1)) });
    expect(third.status).toBe(409);
  });
});

describe('registration result (第十五条)', () => {
  it('renews only in the 60 days before expiry (the last valid day the 60th), from the day after the previous expiry; then expires by the clock', async () => {
    const x = await start();
    const org = x.org(0);
    const { reg } = await register(x, org);
    expect(reg).toMatchObject({ codedOn: '2025-10-17', validUntil: '2028-10-17', renewalWindowOpensOn: '2028-08-19' });
    await x.advance('2028-08-18T10:00:00+08:00'); // a 61st day before the end: closed
    const early = await x.call(org, 'POST', '/registrations/{registrationId}/renewals', { registrationId: reg.id }, {}, idem());
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('RENEWAL_WINDOW_NOT_OPEN');
    await x.advance('2028-08-19T10:00:00+08:00');
    const renewed = await x.call(org, 'POST', '/registrations/{registrationId}/renewals', { registrationId: reg.id }, { note: '续展' }, idem());
    expect(renewed.status).toBe(201);
    expect(renewed.body).toMatchObject({ registrationId: reg.id, previousValidUntil: '2028-10-17', validFrom: '2028-10-18', validUntil: '2031-10-17' });
    // The renewed validity runs from the previous expiry (续展, 自上一届有效期满次日起计算), and says so.
    const current = (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: reg.id })).body;
    expect(current.deadline).toMatchObject({ step: 'validity', startTrigger: 'renewed', startedOn: '2028-10-17', dueDate: '2031-10-17', limit: 3, unit: 'years' });
    expect(current.events.at(-1)).toMatchObject({ type: 'renewed', deadline: { startTrigger: 'renewed', dueDate: '2031-10-17' } });
    expect(current.events[0].deadline).toMatchObject({ startTrigger: 'code_issued', dueDate: '2028-10-17' });
    const fired = await x.advance('2031-10-18T00:00:00+08:00');
    expect(fired.body.fired.map((f: any) => [f.at, f.objectType, f.to])).toEqual([['2031-10-18T00:00:00+08:00', 'registration', 'expired']]);
    const lookup = await x.call(null, 'GET', '/lookup/{registrationCode}', { registrationCode: reg.registrationCode });
    expect(lookup.body).toMatchObject({ state: 'expired', valid: false, validUntil: '2031-10-17' });
  });

  it('lists a renewal on the registration renewed alone: the others coded beside it keep none', async () => {
    const x = await start();
    const org = x.org(0);
    const [first, second] = [(await register(x, org)).reg, (await register(x, org)).reg];
    expect([first.renewals, second.renewals]).toEqual([[], []]);
    await x.advance('2028-08-19T10:00:00+08:00');
    const renewed = await x.call(org, 'POST', '/registrations/{registrationId}/renewals', { registrationId: first.id }, {}, idem());
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
    const read = async (id: string) => (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: id })).body;
    expect((await read(first.id)).renewals).toEqual([renewed.body]);
    expect((await read(second.id)).renewals).toEqual([]);
  });

  it('ends at a shorter authorised operating term', async () => {
    const x = await start();
    const { reg } = await register(x, x.org(0), initialSubmission(x.org(0), '2027-06-30'));
    expect(reg).toMatchObject({ validUntil: '2027-06-30', authorisedTermEnd: '2027-06-30', deadline: { dueDate: '2027-06-30' } });
    // The deadline states the period the term sets (以实际运营期限为准), not the 3 years it cuts short.
    expect(reg.deadline).toMatchObject({ startedOn: '2025-10-17', limit: 621, unit: 'calendar_days' });
    const timeline = await x.sim('GET', `/sandboxes/${x.sandboxId}/objects/registration/registration/${reg.id}/timeline`);
    expect(timeline.body.steps[0].deadline).toMatchObject({ kind: 'validity', limit: 621, unit: 'calendar_days', dueDate: '2027-06-30' });
  });

  it('refuses a renewal that would not move the validity past the authorised term, changing nothing; a later term renews', async () => {
    const x = await start();
    const org = x.org(0);
    const { reg } = await register(x, org, initialSubmission(org, '2027-06-30'));
    await x.advance('2027-06-01T10:00:00+08:00');
    const renewals = (body: Record<string, unknown>) => x.call(org, 'POST', '/registrations/{registrationId}/renewals', { registrationId: reg.id }, body, idem());
    for (const body of [{}, { authorisedTermEnd: '2027-06-30' }, { authorisedTermEnd: '2027-01-01' }]) {
      const refused = await renewals(body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/authorisedTermEnd', code: 'TERM_ENDS_BY_VALIDITY' }] });
      expect(refused.body.errors[0].message.zh).toContain('2027-06-30');
    }
    const unchanged = (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: reg.id })).body;
    expect(unchanged).toMatchObject({ validUntil: '2027-06-30', authorisedTermEnd: '2027-06-30', renewals: [] });
    const renewed = await renewals({ authorisedTermEnd: '2029-12-31' });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
    expect(renewed.body).toMatchObject({ previousValidUntil: '2027-06-30', validFrom: '2027-07-01', validUntil: '2029-12-31' });
    // Cut short of 3 years by the new term: the deadline says the period it runs.
    const after = (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: reg.id })).body;
    expect(after.deadline).toMatchObject({ startedOn: '2027-06-30', dueDate: '2029-12-31', limit: 915, unit: 'calendar_days' });
  });

  it('change goes through a notice, correction does not, cancellation is done in 10 WD and cancels the registration; revocation needs reasons', async () => {
    const x = await start();
    const org = x.org(0);
    const { reg } = await register(x, org);
    const base = { registrants: [{ creditCode: org.creditCode, name: org.name }], registrationId: reg.id };
    const change = await submit(x, org, { ...base, type: 'change', resource: { name: '公交客流数据产品（第二版）', summary: '新增地铁接驳数据。' }, changeDescription: '新增数据源' });
    await ok(x.act('application', change, 'accept'));
    expect((await ok(x.act('application', change, 'approve_review'))).to).toBe('in_public_notice');
    const correction = await submit(x, org, { ...base, type: 'correction', changeDescription: '更正数据规模' });
    await ok(x.act('application', correction, 'accept'));
    expect((await ok(x.act('application', correction, 'approve_review'))).to).toBe('registered');
    // The registration's own log says when and by which application it was amended (全留痕).
    const corrected = (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: reg.id })).body;
    expect(corrected.events.at(-1)).toMatchObject({ type: 'amended', from: 'registered', to: 'registered', actor: { role: 'registry' }, data: { applicationId: correction, applicationType: 'correction' } });
    expect(corrected.deadline).toEqual(reg.deadline);
    const feed = (await x.sim('GET', `/sandboxes/${x.sandboxId}/events?limit=200`)).body.items;
    expect(feed.filter((e: any) => e.objectId === reg.id).map((e: any) => e.type)).toEqual(['code_issued', 'amended']);
    const cancellation = await submit(x, org, { ...base, type: 'cancellation', cancellation: { ground: 'rights_ended', description: '授权运营期限届满。' } });
    const accepted = await ok(x.act('application', cancellation, 'accept'));
    expect(accepted.object.deadline).toMatchObject({ step: 'cancellation', limit: 10, startedOn: '2025-10-17', dueDate: '2025-10-31' });
    expect((await ok(x.act('application', cancellation, 'approve_review'))).to).toBe('cancelled');
    const cancelled = (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: reg.id })).body;
    expect(cancelled).toMatchObject({ state: 'cancelled', cancellationGround: 'rights_ended', deadline: null, reasons: [{ text: '授权运营期限届满。' }] });
    const again = await x.call(org, 'POST', '/applications', {}, { ...base, type: 'correction' }, idem());
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ pointer: '/registrationId', code: 'REGISTRATION_NOT_VALID' });
    const revoke = await x.act('registration', reg.id, 'revoke', { reasons: [{ text: '提供虚假材料' }], ground: 'false_materials' });
    expect(revoke.status).toBe(409);

    const second = await register(x, org);
    expect((await x.sim('POST', `/sandboxes/${x.sandboxId}/actions`, { platform: 'registration', objectType: 'registration', objectId: second.reg.id, action: 'revoke' })).status).toBe(400);
    expect((await ok(x.act('registration', second.reg.id, 'revoke', { reasons: [{ text: '提供虚假材料' }], ground: 'false_materials' }))).to).toBe('revoked');
    expect((await x.call(null, 'GET', '/lookup/{registrationCode}', { registrationCode: second.reg.registrationCode })).body).toMatchObject({ state: 'revoked', valid: false });
  });

  it('inner-mongolia issues a 登记证书 (one certificate, one code) found by the public lookup', async () => {
    const x = await start({ profile: 'inner-mongolia' });
    const { reg } = await register(x, x.org(0));
    expect(reg.registrationCode).toMatch(/^NMDJ1500002025\d{6}$/);
    expect(reg.certificateNumber).toEqual(expect.any(String));
    const byCertificate = await x.call(null, 'GET', '/lookup/{registrationCode}', { registrationCode: reg.certificateNumber });
    expect(byCertificate.body).toMatchObject({ registrationCode: reg.registrationCode, certificateNumber: reg.certificateNumber, valid: true });
  });
});

describe('calendar', () => {
  it('deadlines cross the 2026 Spring Festival (holidays skipped, make-up Saturdays counted)', async () => {
    const x = await start({ startAt: '2026-02-10T09:00:00+08:00' });
    const org = x.org(0);
    const id = await submit(x, org);
    await ok(x.act('application', id, 'accept'));
    const notice = await ok(x.act('application', id, 'approve_review'));
    expect(notice.object.deadline).toMatchObject({ step: 'public_notice', startedOn: '2026-02-10', dueDate: '2026-03-02' });
    await x.advance('2026-02-12T10:00:00+08:00');
    const later = await submit(x, org);
    expect((await getApp(x, org, later)).body.deadline).toMatchObject({ startedOn: '2026-02-12', dueDate: '2026-02-24' });
  });

  it('a deadline reaching an unpublished year is 422 CALENDAR_NOT_PUBLISHED until the year is added', async () => {
    const x = await start({ startAt: '2026-12-29T10:00:00+08:00' });
    const org = x.org(0);
    const refused = await x.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(0);
    const put = await x.sim('PUT', `/sandboxes/${x.sandboxId}/calendar/2027`, { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] });
    expect(put.status).toBe(200);
    const id = await submit(x, org);
    expect((await getApp(x, org, id)).body.deadline).toMatchObject({ dueDate: '2027-01-04' });
  });
  it('a create the calendar refuses draws no ids: the next create gets the id it would have had', async () => {
    const at = { startAt: '2026-12-29T10:00:00+08:00', seed: 7 };
    const year2027 = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    // It held before `WorkflowHost.check` computed the first deadline alone, too: it pins that the
    // shortcut still refuses before any id is drawn.
    // The same sandbox twice (one seed, one virtual start): only the first sees a refused create.
    const twin = await Harness.start(inProcess, { profile: 'national', ...at });
    try {
      const x = await start(at);
      const refused = await x.call(x.org(0), 'POST', '/applications', {}, initialSubmission(x.org(0)), idem());
      expect(refused.body).toMatchObject({ status: 422, code: 'CALENDAR_NOT_PUBLISHED' });
      for (const y of [x, twin]) expect((await y.sim('PUT', `/sandboxes/${y.sandboxId}/calendar/2027`, year2027)).status).toBe(200);
      expect(await submit(x, x.org(0))).toBe(await submit(twin, twin.org(0)));
    } finally {
      await twin.close();
    }
  });
});

describe('tenancy and idempotency', () => {
  it('another organisation gets 404 for applications and registrations and lists only its own', async () => {
    const x = await start();
    const [owner, other] = [x.org(0), x.org(1)];
    const { appId, reg } = await register(x, owner);
    expect((await getApp(x, other, appId)).status).toBe(404);
    expect((await x.call(other, 'GET', '/applications/{applicationId}/events', { applicationId: appId })).status).toBe(404);
    expect((await x.call(other, 'GET', '/registrations/{registrationId}', { registrationId: reg.id })).status).toBe(404);
    expect((await x.call(other, 'POST', '/registrations/{registrationId}/renewals', { registrationId: reg.id }, {}, idem())).status).toBe(404);
    expect((await x.call(other, 'GET', '/applications')).body).toMatchObject({ items: [], total: 0 });
    expect((await x.call(other, 'GET', '/registrations')).body.total).toBe(0);
    expect((await x.call(owner, 'GET', '/registrations')).body.total).toBe(1);
    const foreign = await x.call(other, 'POST', '/applications', {}, initialSubmission(owner), idem());
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({ pointer: '/registrants', code: 'REGISTRANT_NOT_CALLER' });
  });

  it('a replayed submission answers the original; the same key with another body is 422', async () => {
    const x = await start();
    const org = x.org(0);
    const key = { 'idempotency-key': 'submit-once' };
    const first = await x.call(org, 'POST', '/applications', {}, initialSubmission(org), key);
    const second = await x.call(org, 'POST', '/applications', {}, initialSubmission(org), key);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect((await x.call(org, 'POST', '/applications', {}, initialSubmission(org, '2027-01-01'), key)).status).toBe(422);
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(1);
  });

  it('lists page newest first with a stable cursor', async () => {
    const x = await start();
    const org = x.org(0);
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await submit(x, org));
    const first = (await x.call(org, 'GET', '/applications?limit=2')).body;
    expect(first.items.map((a: any) => a.id)).toEqual([ids[4], ids[3]]);
    await submit(x, org);
    const next = (await x.call(org, 'GET', `/applications?limit=2&cursor=${first.nextCursor}`)).body;
    expect(next.items.map((a: any) => a.id)).toEqual([ids[2], ids[1]]);
    expect((await x.call(org, 'GET', '/applications?cursor=garbage')).status).toBe(400);
  });
});

describe('registry announcements (登记公告, 223号 第十六、二十条)', () => {
  const announcements = (x: Harness, query = '') => x.call(null, 'GET', `/announcements${query}`);

  it('announces a registration not renewed by its expiry and one revoked, newest first, by kind; a cancelled one is not announced', async () => {
    const x = await start();
    const org = x.org(0);
    expect((await announcements(x)).body).toEqual({ items: [], nextCursor: null, total: 0 });
    const expiring = await register(x, org, initialSubmission(org, '2026-03-31'));
    const revoked = await register(x, org);
    const cancelled = await register(x, org);
    const cancellation = await submit(x, org, { registrants: [{ creditCode: org.creditCode, name: org.name }], registrationId: cancelled.reg.id, type: 'cancellation', cancellation: { ground: 'rights_ended', description: '授权运营期限届满。' } });
    await ok(x.act('application', cancellation, 'accept'));
    expect((await ok(x.act('application', cancellation, 'approve_review'))).to).toBe('cancelled');
    expect((await announcements(x)).body.total).toBe(0);

    await x.advance('2026-04-01T00:00:00+08:00');
    await x.advance('2026-04-02T10:00:00+08:00');
    await ok(x.act('registration', revoked.reg.id, 'revoke', { reasons: [{ text: '核查发现数据来源证明系伪造' }], ground: 'false_materials' }));

    const all = await announcements(x);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      items: [
        {
          kind: 'revocation', announcedAt: '2026-04-02T10:00:00+08:00', registrationCode: revoked.reg.registrationCode, certificateNumber: null,
          registrants: revoked.reg.registrants, registrationType: 'initial', dataName: revoked.reg.dataName, validUntil: revoked.reg.validUntil,
          revocationGround: 'false_materials', reasons: [{ text: '核查发现数据来源证明系伪造' }],
        },
        {
          kind: 'expiry', announcedAt: '2026-04-01T00:00:00+08:00', registrationCode: expiring.reg.registrationCode, certificateNumber: null,
          registrants: expiring.reg.registrants, registrationType: 'initial', dataName: expiring.reg.dataName, validUntil: '2026-03-31',
          revocationGround: null, reasons: [],
        },
      ],
      nextCursor: null,
      total: 2,
    });
    expect((await announcements(x, '?kind=expiry')).body.items.map((a: any) => a.registrationCode)).toEqual([expiring.reg.registrationCode]);
    const first = await announcements(x, '?limit=1');
    expect(first.body.items.map((a: any) => a.kind)).toEqual(['revocation']);
    const next = await announcements(x, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body).toMatchObject({ items: [{ kind: 'expiry' }], nextCursor: null });
  });

  it('needs no signature, and refuses an unknown kind pointing at the parameter', async () => {
    const x = await start();
    const bad = await announcements(x, '?kind=cancelled');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: expect.stringContaining('kind') })]);
    expect(bad.body.errors[0].message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });
});

describe('correction by an interested party (利害关系人)', () => {
  it("corrects another organisation's registration with the registrant's consent (no registrant role needed), answers its supplement notice, and the registrant is told; without consent nothing is stored", async () => {
    const x = await start();
    const owner = x.org(0);
    const sandbox = (await x.sim('GET', `/sandboxes/${x.sandboxId}`)).body;
    const outsider = sandbox.organizations.find((o: any) => !o.roles.includes('registrant') && !o.roles.includes('registry'));
    const party: Org = x.orgs.find((o) => o.id === outsider.id)!;
    const hook = await x.sim('POST', `/sandboxes/${x.sandboxId}/webhooks`, { organizationId: owner.id, url: 'http://127.0.0.1:9/hook', secret: 'whsec-0123456789abcdef' });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    const { reg } = await register(x, owner);
    const correction = { type: 'correction', registrationId: reg.id, registrants: reg.registrants, resource: { name: '公共交通客流数据产品（更正）', summary: '更正数据规模。' }, changeDescription: '数据规模登记有误' };

    const refused = await x.call(party, 'POST', '/applications', {}, correction, idem());
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/consent', code: 'CONSENT_REQUIRED' }] });
    expect(refused.body.errors[0].message).toEqual({ zh: expect.stringContaining('书面同意'), en: expect.stringContaining('consent') });
    const change = await x.call(party, 'POST', '/applications', {}, { ...correction, type: 'change' }, idem());
    expect([change.status, change.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await x.call(party, 'GET', '/applications')).body.total).toBe(0);

    const filed = await x.call(party, 'POST', '/applications', {}, { ...correction, consent: attachment('登记主体书面同意书.pdf') }, idem());
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ type: 'correction', registrationId: reg.id, state: 'submitted', events: [{ actor: { role: 'interested_party', organizationId: party.id } }] });
    // The registrant whose registration is corrected is told (its webhook), though the filer owns the application.
    const feed = (await x.sim('GET', `/sandboxes/${x.sandboxId}/events?limit=200`)).body.items;
    const filedEvent = feed.find((e: any) => e.objectId === filed.body.id);
    expect(filedEvent).toMatchObject({ organizationId: party.id, event: { to: 'submitted' } });
    const deliveries = (await x.sim('GET', `/sandboxes/${x.sandboxId}/webhooks/deliveries?limit=100`)).body.items;
    expect(deliveries.map((d: any) => d.eventId)).toContain(filedEvent.id);
    expect((await x.call(owner, 'GET', '/applications/{applicationId}', { applicationId: filed.body.id })).status).toBe(404);

    await ok(x.act('application', filed.body.id, 'request_supplements', { items: [{ field: 'changeDescription', text: '请补充更正依据' }] }));
    const resubmitted = await x.call(party, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: filed.body.id }, { changes: { changeDescription: '数据规模登记有误，附统计报表' } }, idem());
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.events.at(-1)).toMatchObject({ from: 'supplement_required', to: 'submitted', actor: { role: 'interested_party', organizationId: party.id } });
    await ok(x.act('application', filed.body.id, 'accept'));
    expect((await ok(x.act('application', filed.body.id, 'approve_review'))).to).toBe('registered');
    const corrected = (await x.call(owner, 'GET', '/registrations/{registrationId}', { registrationId: reg.id })).body;
    expect(corrected).toMatchObject({ state: 'registered', registrationCode: reg.registrationCode, dataName: '公共交通客流数据产品（更正）', registrants: reg.registrants });
  });
});
