import { describe, expect, it } from 'vitest';
import { computeDeadline, createInstance, transition, type Calendar, type Limit, type MachineDefinition } from '../src/index.js';
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

describe('computeDeadline: dueField', () => {
  const term: Limit = { ...validity, id: 'term', value: 5, holidayExtension: 'none', dueField: 'termEnd' };

  it('takes the due date from the instance data when present, even past the limit', () => {
    const { deadline } = computeDeadline(term, { now: at('2026-01-05T15:00'), data: { termEnd: '2032-01-04' } }, fakeCalendar);
    expect(deadline).toMatchObject({ startedOn: '2026-01-05', dueDate: '2032-01-04', dueAt: '2032-01-05T00:00:00+08:00', limit: 5 });
  });

  it('falls back to the limit without the field, and a capField still caps it', () => {
    const { deadline } = computeDeadline({ ...term, estimate: true }, { now: at('2026-01-05T15:00'), data: {} }, fakeCalendar);
    expect(deadline.dueDate).toBe('2031-01-05');
    const capped = computeDeadline({ ...term, capField: 'until' }, { now: at('2026-01-05T15:00'), data: { termEnd: '2032-01-04', until: '2030-06-30' } }, fakeCalendar);
    expect(capped.deadline.dueDate).toBe('2030-06-30');
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
