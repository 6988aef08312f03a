import { describe, expect, it } from 'vitest';
import { computeDeadline, createInstance, fireTimer, type Calendar, type Limit, type MachineDefinition } from '../src/index.js';
import { at, fakeCalendar } from './fake-calendar.js';

/*
 * A batch filed on one day shares its deadlines: equal inputs give the same frozen object, which
 * every instance, event and timer keeps. These tests pin what sharing relies on: equal inputs,
 * nothing else, decide the object, and nothing changes it once made.
 */

const acceptance: Limit = { id: 'acceptance', value: 3, unit: 'working_days', startTrigger: 'received', basis: '第十条', onExpiry: 'flag_overdue' };
const validity: Limit = {
  id: 'validity', value: 3, unit: 'years', startTrigger: 'code_issued', basis: '第十五条', onExpiry: { event: 'expire' },
  capField: 'authorisedTermEnd', holidayExtension: 'none', estimate: true,
};

describe('computeDeadline: one shared, frozen deadline per start day', () => {
  it('answers equal inputs with the same frozen object, whatever the instant of the day', () => {
    const first = computeDeadline(acceptance, { now: at('2025-09-26T10:00'), data: { x: 1 } }, fakeCalendar);
    const again = computeDeadline(acceptance, { now: at('2025-09-26T18:30'), data: {} }, fakeCalendar);
    expect(again).toBe(first);
    expect(again.deadline).toBe(first.deadline);
    expect(first.deadline).toEqual({
      step: 'acceptance', limit: 3, unit: 'working_days', startTrigger: 'received',
      startedOn: '2025-09-26', dueDate: '2025-09-30', dueAt: '2025-10-01T00:00:00+08:00', overdue: false, basis: '第十条',
    });
    expect(first.dueAtMs).toBe(Date.parse('2025-10-01T00:00:00+08:00'));
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.deadline)).toBe(true);
    expect(() => {
      (first.deadline as { overdue: boolean }).overdue = true;
    }).toThrow(TypeError);
  });

  it('builds another one for another start day or another limit', () => {
    const friday = computeDeadline(acceptance, { now: at('2025-09-26T10:00') }, fakeCalendar);
    const monday = computeDeadline(acceptance, { now: at('2025-09-29T10:00') }, fakeCalendar);
    const given = computeDeadline(acceptance, { now: at('2025-09-29T10:00'), from: '2025-09-26' }, fakeCalendar);
    const other = computeDeadline({ ...acceptance, id: 'review' }, { now: at('2025-09-26T10:00') }, fakeCalendar);
    expect(monday.deadline).toMatchObject({ startedOn: '2025-09-29', dueDate: '2025-10-10' });
    expect(monday).not.toBe(friday);
    expect(given).toBe(friday);
    expect(other.deadline).toMatchObject({ step: 'review', dueDate: '2025-09-30' });
  });

  it('asks the calendar every time: a calendar that answers another day gets its own deadline', () => {
    // A schedule published or replaced later moves the due day; the shared object must follow it.
    const moved: Calendar = { ...fakeCalendar, addWorkingDays: () => '2025-10-09' };
    const before = computeDeadline(acceptance, { now: at('2025-09-26T10:00') }, fakeCalendar);
    const after = computeDeadline(acceptance, { now: at('2025-09-26T10:00') }, moved);
    expect(after.deadline).toMatchObject({ startedOn: '2025-09-26', dueDate: '2025-10-09', dueAt: '2025-10-10T00:00:00+08:00' });
    expect(computeDeadline(acceptance, { now: at('2025-09-26T10:00') }, fakeCalendar).deadline).toEqual(before.deadline);
  });

  it('shares a deadline the data caps per cap and calendar, and states the period the cap sets', () => {
    const capped = (until: string, calendar: Calendar = fakeCalendar) =>
      computeDeadline(validity, { now: at('2025-11-05T10:00'), data: { authorisedTermEnd: until } }, calendar);
    const first = capped('2027-06-30');
    expect(first.deadline).toMatchObject({ dueDate: '2027-06-30', limit: 602, unit: 'calendar_days' });
    expect(capped('2027-06-30')).toBe(first);
    expect(capped('2027-11-05').deadline).toMatchObject({ dueDate: '2027-11-05', limit: 2, unit: 'years' });
    expect(capped('2029-01-01').deadline).toMatchObject({ dueDate: '2028-11-05', limit: 3, unit: 'years' });
    const otherCalendar: Calendar = { ...fakeCalendar };
    expect(capped('2027-06-30', otherCalendar)).not.toBe(first);
    expect(capped('2027-06-30', otherCalendar).deadline).toEqual(first.deadline);
  });

  it('shares the deadlines of an equal limit built anew on every call', () => {
    // An application's initial-filing duty is computed with a limit made per application.
    const first = computeDeadline({ ...acceptance, id: 'initial_filing' }, { now: at('2025-10-09T10:00'), from: '2025-09-26' }, fakeCalendar);
    const again = computeDeadline({ ...acceptance, id: 'initial_filing' }, { now: at('2025-10-09T11:00'), from: '2025-09-26' }, fakeCalendar);
    expect(again).toBe(first);
    const otherBasis = computeDeadline({ ...acceptance, id: 'initial_filing', basis: '第九条' }, { now: at('2025-10-09T10:00'), from: '2025-09-26' }, fakeCalendar);
    expect(otherBasis.deadline).toMatchObject({ basis: '第九条', dueDate: first.deadline.dueDate });
  });

  it('keeps hour limits exact to the instant', () => {
    const hours: Limit = { ...acceptance, id: 'hours', value: 2, unit: 'hours' };
    const a = computeDeadline(hours, { now: at('2025-09-26T10:00') }, fakeCalendar);
    const b = computeDeadline(hours, { now: at('2025-09-26T10:30') }, fakeCalendar);
    expect(a.deadline.dueAt).toBe('2025-09-26T12:00:00+08:00');
    expect(b.deadline.dueAt).toBe('2025-09-26T12:30:00+08:00');
    expect(Object.isFrozen(b.deadline)).toBe(true);
  });

  it('stays right past its bound of remembered start days', () => {
    const days = Array.from({ length: 200 }, (_, i) => at('2025-01-02T10:00') + i * 86_400_000);
    const expected = days.map((now) => computeDeadline({ ...acceptance }, { now }, fakeCalendar).deadline);
    expect(days.map((now) => computeDeadline(acceptance, { now }, fakeCalendar).deadline)).toEqual(expected);
    expect(days.map((now) => computeDeadline(acceptance, { now }, fakeCalendar).deadline)).toEqual(expected);
  });
});

describe('a shared deadline is never changed by the instances that keep it', () => {
  const machine: MachineDefinition = {
    id: 'answer',
    initial: 'pending',
    states: { pending: { step: 'acceptance' }, done: { terminal: true } },
    transitions: [{ from: 'pending', event: 'answer', to: 'done', by: ['provider'] }],
    limits: { acceptance },
  };

  it('an overdue instance gets its own flagged copy; its batch keeps the shared one', () => {
    const ctx = { now: at('2025-09-26T10:00'), calendar: fakeCalendar };
    const a = createInstance(machine, { id: 'a', actor: { role: 'provider' } }, ctx);
    const b = createInstance(machine, { id: 'b', actor: { role: 'provider' } }, ctx);
    if (!a.ok || !b.ok) throw new Error('not created');
    expect(b.instance.deadline).toBe(a.instance.deadline);
    const timer = a.instance.timer;
    if (timer === null) throw new Error('no timer');
    const fired = fireTimer(machine, a.instance, timer.id, { now: timer.dueAt, calendar: fakeCalendar });
    if (fired === null || !fired.ok) throw new Error('not fired');
    expect(fired.instance.deadline).toMatchObject({ overdue: true, dueDate: '2025-09-30' });
    expect(b.instance.deadline).toMatchObject({ overdue: false, dueDate: '2025-09-30' });
    expect(a.instance.events[0]?.deadline).toBe(b.instance.deadline);
  });
});
