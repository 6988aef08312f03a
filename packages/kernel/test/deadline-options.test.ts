import { describe, expect, it } from 'vitest';
import { computeDeadline, createInstance, fireTimer, periodEnd, transition, type Calendar, type Limit, type MachineDefinition, type WorkflowInstance } from '../src/index.js';
import { resumedLimit } from '../src/deadline.js';
import { at, fakeCalendar } from './fake-calendar.js';

const validity: Limit = {
  id: 'validity', value: 3, unit: 'years', startTrigger: 'code_issued', basis: '发改数据规〔2025〕26号 第十五条', onExpiry: { event: 'expire' },
};

describe('computeDeadline: period options', () => {
  it('passes holidayExtension to the calendar, so a term can end in a year without a schedule', () => {
    const seen: unknown[] = [];
    const spy: Calendar = { ...fakeCalendar, addPeriod: (start, p, opts) => (seen.push(opts), fakeCalendar.addPeriod(start, p, { ...opts, estimate: opts?.holidayExtension === 'none' })) };
    const { deadline } = computeDeadline({ ...validity, holidayExtension: 'none' }, { now: at('2025-11-05T10:00') }, spy);
    expect(deadline.dueDate).toBe('2028-11-05');
    expect(seen).toEqual([{ holidayExtension: 'none' }]);
  });

  it('without it the calendar decides and an unpublished end year is refused', () => {
    expect(() => computeDeadline(validity, { now: at('2025-11-05T10:00') }, fakeCalendar)).toThrow(/not published/);
  });
});

describe('computeDeadline: months', () => {
  const halfYear: Limit = { ...validity, id: 'operator_disclosure', value: 6, unit: 'months', holidayExtension: 'none' };

  it("ends on the month's corresponding day, or its last day when there is none (民法典 第二百零二条)", () => {
    const { deadline } = computeDeadline(halfYear, { now: at('2025-08-31T10:00') }, fakeCalendar);
    expect(deadline).toMatchObject({ startedOn: '2025-08-31', dueDate: '2026-02-28', limit: 6, unit: 'months' });
    expect(computeDeadline(halfYear, { now: at('2025-09-26T10:00') }, fakeCalendar).deadline.dueDate).toBe('2026-03-26');
  });

  it('periodEnd is the corresponding day when the calendar moved the due day off a rest day (第二百零三条)', () => {
    const { deadline } = computeDeadline(halfYear, { now: at('2025-08-31T10:00') }, fakeCalendar);
    // Saturday 2026-02-28: the act is due on Monday 03-02, the next period starts after 02-28.
    expect(periodEnd({ ...deadline, dueDate: '2026-03-02' }, fakeCalendar)).toBe('2026-02-28');
  });
});

describe('computeDeadline: dueField', () => {
  const term: Limit = { ...validity, id: 'term', value: 5, holidayExtension: 'none', dueField: 'termEnd' };

  it('takes the due date from the instance data when present, even past the limit', () => {
    const { deadline } = computeDeadline(term, { now: at('2026-01-05T15:00'), data: { termEnd: '2032-01-04' } }, fakeCalendar);
    // The period shown is the one the day sets, not the limit's: calendar days, or whole years on an anniversary.
    expect(deadline).toMatchObject({ startedOn: '2026-01-05', dueDate: '2032-01-04', dueAt: '2032-01-05T00:00:00+08:00', limit: 2190, unit: 'calendar_days' });
    expect(computeDeadline(term, { now: at('2026-01-05T15:00'), data: { termEnd: '2028-01-05' } }, fakeCalendar).deadline).toMatchObject({ dueDate: '2028-01-05', limit: 2, unit: 'years' });
  });

  it('counts whole years as the calendar does: from 29 February they end on 28 February (民法典 第二百零二条)', () => {
    const from29 = (termEnd: string) => computeDeadline(term, { now: at('2024-02-29T15:00'), data: { termEnd } }, fakeCalendar).deadline;
    expect(from29('2027-02-28')).toMatchObject({ startedOn: '2024-02-29', limit: 3, unit: 'years' });
    expect(from29('2028-02-29')).toMatchObject({ limit: 4, unit: 'years' });
    expect(from29('2027-03-01')).toMatchObject({ limit: 1096, unit: 'calendar_days' });
    // Years whose holiday schedule is unpublished are no obstacle: no rest-day rule applies.
    expect(from29('2031-02-28')).toMatchObject({ limit: 7, unit: 'years' });
  });

  it('falls back to the limit without the field, and a capField still caps it', () => {
    const { deadline } = computeDeadline({ ...term, estimate: true }, { now: at('2026-01-05T15:00'), data: {} }, fakeCalendar);
    expect(deadline.dueDate).toBe('2031-01-05');
    const capped = computeDeadline({ ...term, capField: 'until' }, { now: at('2026-01-05T15:00'), data: { termEnd: '2032-01-04', until: '2030-06-30' } }, fakeCalendar);
    expect(capped.deadline.dueDate).toBe('2030-06-30');
  });

  it('states the period a cap sets when it cuts the limit short, as for a due date from the data', () => {
    const capped = (until: string) => computeDeadline({ ...validity, estimate: true, capField: 'until' }, { now: at('2025-11-05T10:00'), data: { until } }, fakeCalendar).deadline;
    expect(capped('2026-10-03')).toMatchObject({ startedOn: '2025-11-05', dueDate: '2026-10-03', limit: 332, unit: 'calendar_days' });
    expect(capped('2027-11-05')).toMatchObject({ dueDate: '2027-11-05', limit: 2, unit: 'years' });
    // A cap past the limit's end changes nothing: the limit stands.
    expect(capped('2030-01-01')).toMatchObject({ dueDate: '2028-11-05', limit: 3, unit: 'years' });
  });

  it('reads a cap only when it is written YYYY-MM-DD in ASCII digits, and counts its days across leap years', () => {
    const capped = (until: unknown) => computeDeadline({ ...validity, estimate: true, capField: 'until' }, { now: at('2025-11-05T10:00'), data: { until } }, fakeCalendar).deadline;
    for (const notADay of ['2026-1-03', '2026-01-3 ', ' 2026-01-03', '2026/01/03', '２０２６-01-03', '2026-01-0x', 20260103, null]) {
      expect(capped(notADay)).toMatchObject({ dueDate: '2028-11-05', limit: 3, unit: 'years' });
    }
    expect(capped('2028-03-01')).toMatchObject({ dueDate: '2028-03-01', limit: 847, unit: 'calendar_days' });
    expect(capped('2025-11-05')).toMatchObject({ dueDate: '2025-11-05', limit: 0, unit: 'calendar_days' });
    expect(capped('2025-11-01')).toMatchObject({ dueDate: '2025-11-01', limit: 0, unit: 'calendar_days' });
  });
});

describe('computeDeadline: startField', () => {
  const evaluation: Limit = { id: 'evaluation', value: 30, unit: 'working_days', startTrigger: 'annual_report_submitted', basis: '101号 第三十四条', onExpiry: 'flag_overdue', startField: 'reportedOn' };

  it('starts the period on the day in the instance data when present', () => {
    const { deadline } = computeDeadline(evaluation, { now: at('2025-11-05T10:00'), data: { reportedOn: '2025-10-09' } }, fakeCalendar);
    expect(deadline).toMatchObject({ startedOn: '2025-10-09', dueDate: computeDeadline(evaluation, { now: at('2025-10-09T10:00') }, fakeCalendar).deadline.dueDate });
  });

  it('starts it on the day of now without the field, or when it holds no day', () => {
    expect(computeDeadline(evaluation, { now: at('2025-11-05T10:00'), data: { reportedOn: null } }, fakeCalendar).deadline.startedOn).toBe('2025-11-05');
  });
});

describe('createInstance: startedOn', () => {
  const duty: MachineDefinition = {
    id: 'duty',
    initial: 'pending',
    states: { pending: { step: 'update' }, done: { terminal: true } },
    transitions: [{ from: 'pending', event: 'fulfil', to: 'done', by: ['provider'] }],
    limits: { update: { id: 'update', value: 7, unit: 'working_days', startTrigger: 'functions_changed', basis: '厦门 第九条', onExpiry: 'flag_overdue' } },
  };
  const ctx = { now: at('2025-10-09T10:00'), calendar: fakeCalendar };

  it('starts the initial step on the given day while the event keeps the instant of creation', () => {
    const r = createInstance(duty, { id: 'd1', actor: { role: 'provider' }, startedOn: '2025-09-26' }, ctx);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.deadline).toMatchObject({ startedOn: '2025-09-26', dueDate: '2025-10-13' });
    expect(r.instance.createdAt).toBe('2025-10-09T10:00:00+08:00');
  });

  it('defaults to the day of now', () => {
    const r = createInstance(duty, { id: 'd2', actor: { role: 'provider' } }, ctx);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.deadline).toMatchObject({ startedOn: '2025-10-09', dueDate: '2025-10-17' });
  });
});

describe("transition deadline: 'clear'", () => {
  const notice: MachineDefinition = {
    id: 'notice',
    initial: 'running',
    states: { running: { step: 'notice' }, done: { terminal: true } },
    transitions: [
      { from: 'running', event: 'close', to: 'running', by: ['clock'], set: { closed: true }, deadline: 'clear' },
      { from: 'running', event: 'finish', to: 'done', by: ['official'] },
    ],
    limits: { notice: { id: 'notice', value: 10, unit: 'working_days', startTrigger: 'received', basis: '第十二条', onExpiry: { event: 'close' } } },
  };
  const ctx = { now: at('2025-10-09T10:00'), calendar: fakeCalendar };

  it('stays in a state with a step, but without a deadline or a timer', () => {
    const created = createInstance(notice, { id: 'n1', actor: { role: 'official' } }, ctx);
    if (!created.ok) throw new Error(created.error.code);
    expect(created.instance.deadline?.step).toBe('notice');
    const closed = transition(notice, created.instance, { type: 'close', actor: { role: 'clock' } }, ctx);
    if (!closed.ok) throw new Error(closed.error.code);
    expect(closed.instance).toMatchObject({ state: 'running', deadline: null, timer: null, data: { closed: true } });
    expect(closed.effects.filter((e) => e.type === 'schedule')).toEqual([]);
    expect(closed.instance.events.at(-1)).toMatchObject({ from: 'running', to: 'running', deadline: null });
  });
});

describe('onExpiry: the event a timer sends, with its payload', () => {
  // An operating term: its end expires the instance with the written reason, as a planned expiry from elsewhere would.
  const reasons = [{ code: 'TERM_ENDED', text: '期限届满 / The term ended' }];
  const term = (payload?: Record<string, unknown>): MachineDefinition => ({
    id: 'term',
    initial: 'active',
    states: { active: { step: 'term' }, expired: { terminal: true } },
    transitions: [{ from: 'active', event: 'expire', to: 'expired', by: ['clock'] }],
    limits: { term: { id: 'term', value: 10, unit: 'calendar_days', startTrigger: 'signed', basis: '第十四条', onExpiry: { event: 'expire', ...(payload ? { payload } : {}) } } },
  });
  const expire = (machine: MachineDefinition) => {
    const created = createInstance(machine, { id: 't1', actor: { role: 'official' } }, { now: at('2025-10-09T10:00'), calendar: fakeCalendar });
    if (!created.ok) throw new Error(created.error.code);
    const { timer } = created.instance;
    const fired = fireTimer(machine, created.instance, timer!.id, { now: timer!.dueAt, calendar: fakeCalendar });
    if (!fired?.ok) throw new Error('not fired');
    return fired.instance.events.at(-1)!;
  };

  it('sends the limit\'s payload with the event: its reasons are the event\'s reason and data', () => {
    expect(expire(term({ reasons }))).toMatchObject({ from: 'active', to: 'expired', actor: { role: 'clock' }, event: 'expire', reason: reasons[0], data: { reasons } });
  });

  it('sends the event alone when the limit names no payload', () => {
    const event = expire(term());
    expect(event).toMatchObject({ to: 'expired', reason: null });
    expect(event.data).toBeUndefined();
  });
});

describe("deadline: 'resume'", () => {
  // A notice of 10 WD that an objection pauses (the review state has no step); dismissed, the
  // notice runs again with the days it had left, from the dismissal (the day not counted).
  const notice: MachineDefinition = {
    id: 'notice',
    initial: 'in_notice',
    states: { in_notice: { step: 'notice' }, objection_review: {}, registered: { terminal: true } },
    transitions: [
      { from: 'in_notice', event: 'object', to: 'objection_review', by: ['interested_party'] },
      { from: 'objection_review', event: 'dismiss', to: 'in_notice', by: ['registry'], deadline: 'resume' },
      { from: 'objection_review', event: 'restart', to: 'in_notice', by: ['registry'] },
      { from: 'in_notice', event: 'close', to: 'registered', by: ['clock'] },
    ],
    limits: { notice: { id: 'notice', value: 10, unit: 'working_days', startTrigger: 'review_passed', basis: '26号 第十二条', onExpiry: { event: 'close' } } },
  };
  const step = (instance: WorkflowInstance, event: string, now: string) => {
    const result = transition(notice, instance, { type: event, actor: { role: event === 'object' ? 'interested_party' : 'registry' } }, { now: at(now), calendar: fakeCalendar });
    if (!result.ok) throw new Error(result.error.code);
    return result.instance;
  };
  const opened = () => {
    const created = createInstance(notice, { id: 'n1', actor: { role: 'registry' } }, { now: at('2025-09-19T10:00'), calendar: fakeCalendar });
    if (!created.ok) throw new Error(created.error.code);
    return created.instance;
  };

  it('resumes with the working days left, counted from the day it resumes', () => {
    const started = opened();
    // Friday 09-19 + 10 WD (09-28 a make-up working day, 10-01–10-08 holidays): Friday 10-10.
    expect(started.deadline).toMatchObject({ startedOn: '2025-09-19', dueDate: '2025-10-10', limit: 10 });
    // Left on Wednesday 09-24: 09-25, 09-26, 09-28, 09-29, 09-30, 10-09 and 10-10 are left (7 WD).
    const paused = step(started, 'object', '2025-09-24T15:00');
    expect(paused.deadline).toBeNull();
    const resumed = step(paused, 'dismiss', '2025-10-09T11:00');
    // From Thursday 10-09: 10-10, 10-11 (make-up), 10-13, 10-14, 10-15, 10-16, 10-17.
    expect(resumed.deadline).toMatchObject({ step: 'notice', limit: 7, startTrigger: 'resumed', startedOn: '2025-10-09', dueDate: '2025-10-17', overdue: false });
    expect(resumed.timer).toMatchObject({ kind: 'event', event: 'close', dueAt: Date.parse('2025-10-18T00:00:00+08:00') });
  });

  it('resumes on the last day with nothing left: the notice ends with the day it resumes', () => {
    const paused = step(opened(), 'object', '2025-10-10T09:00');
    expect(step(paused, 'dismiss', '2025-10-13T09:00').deadline).toMatchObject({ limit: 0, startedOn: '2025-10-13', dueDate: '2025-10-13' });
  });

  it('runs the full limit again without it, and for a step never left', () => {
    const paused = step(opened(), 'object', '2025-09-24T15:00');
    expect(step(paused, 'restart', '2025-10-09T11:00').deadline).toMatchObject({ limit: 10, startTrigger: 'review_passed', startedOn: '2025-10-09' });
    expect(resumedLimit(notice.limits!.notice!, [], fakeCalendar)).toBe(notice.limits!.notice);
  });
});

describe('computeDeadline: countStartDay (a profile counting the start day, not 民法典 第二百零一条)', () => {
  const acceptance: Limit = { id: 'acceptance', value: 3, unit: 'working_days', startTrigger: 'received', basis: '发改数据规〔2025〕26号 第十条', onExpiry: 'flag_overdue' };

  it.each([
    // Friday 2025-09-26 is a working day: it is the first of the 3 (then Sunday 09-28, a make-up day, and Monday 09-29).
    { given: '2025-09-26T10:00', countStartDay: false, want: '2025-09-30' },
    { given: '2025-09-26T10:00', countStartDay: true, want: '2025-09-29' },
    // Saturday 2025-09-27 is a rest day: counted or not, the first working day after it comes first.
    { given: '2025-09-27T10:00', countStartDay: true, want: '2025-09-30' },
  ])('a working-day limit started $given (countStartDay $countStartDay) ends $want', ({ given, countStartDay, want }) => {
    const { deadline } = computeDeadline({ ...acceptance, countStartDay }, { now: at(given) }, fakeCalendar);
    expect(deadline).toMatchObject({ startedOn: given.slice(0, 10), dueDate: want, limit: 3 });
  });

  it('keeps the deadlines of an equal limit that does not count the start day apart', () => {
    const start = { now: at('2025-09-26T10:00') };
    expect(computeDeadline({ ...acceptance }, start, fakeCalendar).deadline.dueDate).toBe('2025-09-30');
    expect(computeDeadline({ ...acceptance, countStartDay: true }, start, fakeCalendar).deadline.dueDate).toBe('2025-09-29');
  });
});
