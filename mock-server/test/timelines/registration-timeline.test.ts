import type { RegistrationClient } from '@gdx/registration';
import { ApiError } from '@gdx/runtime';
import type { GetObjectTimelineResponse, SimulationClient } from '@gdx/simulation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSubmission } from '../registration/harness.js';
import { startRegistrationServer } from './registration-server.js';

// A registration filed on Friday 2025-09-26, before the National Day holiday (10-01…10-08 off;
// Sundays 09-28 and 10-11 are make-up working days), followed through its timeline as a vendor's
// tester would: the standalone HTTP server, the registration SDK, the simulation SDK (validating
// every answer against the simulation contract).

let close: () => Promise<void>;
let sim: SimulationClient;
let sandboxId: string;
let registration: RegistrationClient;

beforeEach(async () => {
  ({ sim, sandboxId, registration, close } = await startRegistrationServer());
});
afterEach(() => close());

async function file(): Promise<string> {
  const org = (await sim.sandboxes.get(sandboxId)).organizations.find((o) => o.roles.includes('registrant'))!;
  const submitted = await registration.applications.submit(initialSubmission({ ...org, secret: org.secret }) as never);
  return submitted.id;
}

const timeline = (id: string) => sim.objects.timeline(sandboxId, 'registration', 'application', id);
const act = (id: string, action: string, fields: Record<string, unknown> = {}) =>
  sim.officials.act(sandboxId, { platform: 'registration', objectType: 'application', objectId: id, action, ...fields } as never);
const actions = (t: GetObjectTimelineResponse) => t.allowedActions.map((a) => a.action);

describe('a registration filed on 2025-09-26, on its timeline', () => {
  it('the acceptance step: 3 working days due 2025-09-30, Saturday skipped, Sunday 09-28 a make-up day, nothing counted on the filing day', async () => {
    const id = await file();
    const t = await timeline(id);
    expect(t.object).toEqual({ platform: 'registration', objectType: 'application', objectId: id, state: 'submitted', title: '公共交通客流数据产品', terminal: false });
    expect(t.steps).toEqual([
      {
        state: 'submitted',
        label: { zh: '已提交', en: 'Submitted' },
        enteredAt: '2025-09-26T10:00:00+08:00',
        leftAt: null,
        deadline: {
          kind: 'acceptance',
          workingDays: 3,
          unit: 'working_days',
          limit: 3,
          startedOn: '2025-09-26',
          dueDate: '2025-09-30',
          dueAt: '2025-10-01T00:00:00+08:00',
          countedDays: [],
          skippedDays: [{ date: '2025-09-27', reason: 'weekend' }],
          makeUpDays: ['2025-09-28'],
          overdue: false,
          rule: '发改数据规〔2025〕26号 第十条',
          estimate: false,
          unpublishedYears: [],
        },
      },
    ]);
    expect(t.events.map((e) => [e.objectId, e.event.type, e.event.to])).toEqual([[id, 'state_changed', 'submitted']]);
    const feed = await sim.events.feed(sandboxId, { platform: 'registration' }).toArray(10);
    expect(t.events).toEqual(feed);
  });

  it('counts the working days as the clock moves, then the review step runs 20 working days to 2025-11-04 across the holiday', async () => {
    const id = await file();
    await sim.clock.advance(sandboxId, { to: '2025-09-30T09:00:00+08:00' });
    expect((await timeline(id)).steps[0]!.deadline!.countedDays).toEqual(['2025-09-28', '2025-09-29', '2025-09-30']);
    await act(id, 'accept');
    const t = await timeline(id);
    expect(t.steps.map((s) => [s.state, s.enteredAt, s.leftAt])).toEqual([
      ['submitted', '2025-09-26T10:00:00+08:00', '2025-09-30T09:00:00+08:00'],
      ['under_review', '2025-09-30T09:00:00+08:00', null],
    ]);
    expect(t.steps[0]!.deadline).toMatchObject({ countedDays: ['2025-09-28', '2025-09-29', '2025-09-30'], overdue: false });
    const review = t.steps[1]!.deadline!;
    expect(review).toMatchObject({ kind: 'formal_review', workingDays: 20, startedOn: '2025-09-30', dueDate: '2025-11-04', dueAt: '2025-11-05T00:00:00+08:00', countedDays: [], overdue: false, rule: '发改数据规〔2025〕26号 第十一条' });
    const holidays = review.skippedDays.filter((d) => d.reason === 'holiday').map((d) => d.date);
    expect(holidays).toEqual(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']);
    expect(review.makeUpDays).toEqual(['2025-10-11']);
    // Every day of the span is either skipped or a working day, and the working days are exactly the limit.
    expect(review.skippedDays.some((d) => d.date === '2025-10-11')).toBe(false);
    expect(review.skippedDays.filter((d) => d.reason === 'weekend').map((d) => d.date)).toContain('2025-10-12');

    const summary = await sim.objects.listPage(sandboxId, { platform: 'registration' });
    expect(summary.items).toEqual([
      { platform: 'registration', objectType: 'application', objectId: id, state: 'under_review', stateLabel: { zh: '形式审核', en: 'Under review' }, title: '公共交通客流数据产品', createdAt: '2025-09-26T10:00:00+08:00', updatedAt: '2025-09-30T09:00:00+08:00', overdue: false, nextDueAt: '2025-11-05T00:00:00+08:00' },
    ]);
    expect(summary.total).toBe(1);
  });

  it('flags an overdue review, offers only the explanation of 第十一条 then (the decision after it), and counts the days past the due date', async () => {
    const id = await file();
    await act(id, 'accept');
    expect(actions(await timeline(id))).toEqual(['approve_review', 'fail_review']);
    expect((await sim.objects.listPage(sandboxId, { overdue: true })).items).toEqual([]);
    await sim.clock.advance(sandboxId, { to: '2025-11-06T10:00:00+08:00' });
    const t = await timeline(id);
    const review = t.steps.at(-1)!.deadline!;
    expect(review.overdue).toBe(true);
    // Accepted on the filing day: 20 working days after 2025-09-26 end on 2025-10-30; five more counted since.
    expect(review).toMatchObject({ startedOn: '2025-09-26', dueDate: '2025-10-30' });
    expect(review.countedDays).toHaveLength(25);
    expect(review.countedDays[19]).toBe('2025-10-30');
    expect(review.countedDays.slice(20)).toEqual(['2025-10-31', '2025-11-03', '2025-11-04', '2025-11-05', '2025-11-06']);
    // 审核未完成的，应当向登记主体说明原因: the overdue review is decided only once explained.
    expect(actions(t)).toEqual(['explain_overdue']);
    // Deciding first is refused through the server as the timeline says (allowed: only the
    // explanation) and changes nothing; the property over every state is checked in process
    // (allowed-actions.test.ts).
    const early = (await act(id, 'approve_review').catch((e: unknown) => e)) as ApiError;
    expect(early).toBeInstanceOf(ApiError);
    expect(early.status).toBe(409);
    expect(early.problem).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowedEvents: ['explain_overdue'] });
    expect((await timeline(id)).events).toEqual(t.events);
    expect(t.allowedActions.find((a) => a.action === 'explain_overdue')).toMatchObject({
      role: 'registry',
      label: { zh: '说明逾期原因', en: 'Explain the delay' },
      fields: [{ name: 'explanation', required: true, schema: { type: 'string', minLength: 1, maxLength: 4000 } }],
    });
    const overdue = await sim.objects.listPage(sandboxId, { overdue: true });
    expect(overdue.items.map((o) => [o.objectId, o.overdue])).toEqual([[id, true]]);
    await act(id, 'explain_overdue', { explanation: '材料涉及多个授权主体，需补充核验。' });
    const explained = await timeline(id);
    expect(explained.steps.at(-1)).toMatchObject({ state: 'under_review', leftAt: null, deadline: { overdue: true } });
    expect(actions(explained)).toEqual(['approve_review', 'fail_review', 'explain_overdue']);
  });

  it('reaches registered through the public notice: each step with its dates, the application then terminal with no action', async () => {
    const id = await file();
    await act(id, 'accept');
    await sim.clock.advance(sandboxId, { to: '2025-10-09T10:00:00+08:00' });
    await act(id, 'approve_review');
    const notice = (await timeline(id)).steps.at(-1)!;
    expect(notice).toMatchObject({ state: 'in_public_notice', label: { zh: '公示中', en: 'In public notice' }, deadline: { kind: 'public_notice', workingDays: 10, startedOn: '2025-10-09', dueDate: '2025-10-22', makeUpDays: ['2025-10-11'] } });
    expect(actions(await timeline(id))).toEqual([]);
    await sim.clock.advance(sandboxId, { to: '2025-10-24T09:00:00+08:00' });
    const t = await timeline(id);
    expect(t.object).toMatchObject({ state: 'registered', terminal: true });
    expect(t.steps.map((s) => s.state)).toEqual(['submitted', 'under_review', 'in_public_notice', 'registered']);
    expect(t.steps.map((s) => s.deadline?.overdue ?? null)).toEqual([false, false, false, null]);
    expect(t.steps[2]!.leftAt).toBe('2025-10-23T00:00:00+08:00');
    // Left at 24:00 of its due date: by hand, the 10 working days after 10-09 are 10-10, the make-up
    // Saturday 10-11, 10-13…10-17 and 10-20…10-22; the morning it was left (10-23) is not an 11th.
    expect(t.steps[2]!.deadline!.countedDays).toEqual(['2025-10-10', '2025-10-11', '2025-10-13', '2025-10-14', '2025-10-15', '2025-10-16', '2025-10-17', '2025-10-20', '2025-10-21', '2025-10-22']);
    expect(t.allowedActions).toEqual([]);
    const registrations = await sim.objects.listPage(sandboxId, { objectType: 'registration' });
    expect(registrations.items).toHaveLength(1);
    const record = await sim.objects.timeline(sandboxId, 'registration', 'registration', registrations.items[0]!.objectId);
    expect(record.steps[0]).toMatchObject({ state: 'registered', deadline: { kind: 'validity', unit: 'years', workingDays: null, countedDays: [], dueDate: '2028-10-23', estimate: true, unpublishedYears: [2028] } });
    expect(record.allowedActions.map((a) => a.action).sort()).toEqual(['cancel', 'revoke']);
    // A cancellation is announced with its reasons: the contract and the registry's machine both require them.
    const cancel = record.allowedActions.find((a) => a.action === 'cancel')!;
    expect(cancel.fields.map((f) => [f.name, f.required])).toEqual([['reasons', true], ['ground', false]]);
    const cancelRecord = (fields: Record<string, unknown>) =>
      sim.officials.act(sandboxId, { platform: 'registration', objectType: 'registration', objectId: record.object.objectId, action: 'cancel', ...fields } as never);
    const refused = (await cancelRecord({ ground: 'rights_ended' }).catch((e: unknown) => e)) as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(400);
    expect(refused.problem).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/reasons', message: { zh: expect.any(String), en: expect.any(String) } }] });
    expect((await sim.objects.timeline(sandboxId, 'registration', 'registration', record.object.objectId)).object.state).toBe('registered');
    await cancelRecord({ ground: 'rights_ended', reasons: [{ text: '权益期限届满，登记主体未续展' }] });
    expect((await sim.objects.timeline(sandboxId, 'registration', 'registration', record.object.objectId)).object).toMatchObject({ state: 'cancelled', terminal: true });
  });

  it('says when a span reaches a year without a holiday schedule: estimate, with the year', async () => {
    const id = await file();
    await act(id, 'accept');
    await sim.clock.advance(sandboxId, { to: '2027-01-05T10:00:00+08:00' });
    const review = (await timeline(id)).steps.at(-1)!.deadline!;
    expect(review).toMatchObject({ overdue: true, estimate: true, unpublishedYears: [2027], truncated: true });
    expect(review.countedDays.length).toBeGreaterThan(20);
  });

  it('answers 404 problems in Chinese and English for an unknown object or sandbox, 400 for bad parameters', async () => {
    const id = await file();
    const missing = await sim.objects.timeline(sandboxId, 'registration', 'application', 'rga_nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).status).toBe(404);
    expect((missing as ApiError).problem).toMatchObject({ code: 'NOT_FOUND', message: { zh: '资源不存在', en: 'Resource not found' }, errors: [{ pointer: '/path/objectId', message: { zh: expect.stringContaining('rga_nope'), en: expect.stringContaining('rga_nope') } }] });
    // The object exists, but not as this type or on this platform.
    for (const [platform, type] of [['registration', 'registration'], ['sharing', 'request']] as const) {
      expect(((await sim.objects.timeline(sandboxId, platform, type, id).catch((e: unknown) => e)) as ApiError).status).toBe(404);
    }
    expect(((await sim.objects.listPage('sbx_nope').catch((e: unknown) => e)) as ApiError).status).toBe(404);
    const bad = [
      () => sim.objects.listPage(sandboxId, { limit: 0 }),
      () => sim.objects.listPage(sandboxId, { limit: 201 }),
      () => sim.objects.listPage(sandboxId, { platform: 'nope' as never }),
      () => sim.objects.listPage(sandboxId, { objectType: 'nope' as never }),
      () => sim.objects.listPage(sandboxId, { state: 'x'.repeat(65) }),
      () => sim.objects.listPage(sandboxId, { overdue: 'maybe' as never }),
      () => sim.objects.listPage(sandboxId, { cursor: 'garbage' }),
      () => sim.objects.timeline(sandboxId, 'nope' as never, 'application', id),
      () => sim.objects.timeline(sandboxId, 'registration', 'application', 'x'.repeat(65)),
    ];
    for (const call of bad) {
      const error = (await call().catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(400);
      expect(error.problem?.errors?.[0]?.message).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
  });

  it('pages newest first with a cursor, like the other lists', async () => {
    const ids = [await file(), await file(), await file()];
    const first = await sim.objects.listPage(sandboxId, { platform: 'registration', limit: 2 });
    expect(first.total).toBe(3);
    const second = await sim.objects.listPage(sandboxId, { platform: 'registration', limit: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((o) => o.objectId).sort()).toEqual([...ids].sort());
    const all = await sim.objects.list(sandboxId, { limit: 50 }).toArray(1000);
    const created = all.map((o) => Date.parse(o.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(new Set(all.map((o) => o.platform))).toEqual(new Set(['registration', 'catalog']));
  });
});
