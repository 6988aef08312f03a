import { WorkingCalendar, type YearSchedule } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine, type EngineEvent, type Limit, type MachineDefinition } from '../src/index.js';

const validity: Limit = {
  id: 'validity', value: 3, unit: 'years', startTrigger: 'code_issued', basis: '发改数据规〔2025〕26号 第十五条',
  onExpiry: { event: 'expire' }, holidayExtension: 'rest_days', estimate: true, capField: 'termEnd',
};

const record: MachineDefinition = {
  id: 'record',
  initial: 'registered',
  states: { registered: { step: 'validity' }, expired: { terminal: true } },
  transitions: [{ from: 'registered', event: 'expire', to: 'expired', by: ['clock'] }],
  limits: { validity },
};

/** 2028 as a notice might set it: National Day 10-01…10-07 off, Sunday 10-08 worked. */
const schedule2028: YearSchedule = {
  year: 2028,
  source: 'a test schedule',
  holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2028-10-${d}`, name: '国庆节' })),
  makeupWorkdays: [{ date: '2028-10-08', name: '国庆节' }],
};

function engineAt(instant: string, calendar = WorkingCalendar.official()) {
  const engine = new WorkflowEngine({ machines: [record], calendar, clock: new VirtualClock(Date.parse(instant)) });
  const told: EngineEvent[] = [];
  engine.subscribe((e) => told.push(e));
  return { engine, calendar, told };
}

describe('WorkflowEngine.reviseDeadline', () => {
  it('replaces an estimated due day once its year is loaded, moves the timer and records the estimate it replaced', () => {
    const { engine, calendar, told } = engineAt('2025-10-01T10:00:00+08:00');
    engine.create('record', { id: 'r1', actor: { role: 'registry' } });
    // 2028-10-01 is a Sunday: without 2028's schedule the estimate moves it to Monday 10-02.
    expect(engine.get('r1').deadline?.dueDate).toBe('2028-10-02');
    expect(engine.reviseDeadline('r1')).toBe(false);

    calendar.addYear(schedule2028);
    expect(engine.reviseDeadline('r1')).toBe(true);
    const revised = engine.get('r1');
    // 民法典 第二百零三条: the period ends on the day after the holiday, the make-up Sunday.
    expect(revised.deadline).toMatchObject({ startedOn: '2025-10-01', dueDate: '2028-10-08', dueAt: '2028-10-09T00:00:00+08:00', overdue: false });
    expect(revised.events.at(-1)).toMatchObject({ type: 'deadline_revised', from: 'registered', to: 'registered', actor: { role: 'clock' }, data: { previousDueDate: '2028-10-02' } });
    expect(told.at(-1)?.event.type).toBe('deadline_revised');
    expect(engine.reviseDeadline('r1')).toBe(false);

    // The expiry fires at the new end, not the estimate's.
    expect(engine.advanceTo(Date.parse('2028-10-08T23:59:59+08:00'))).toEqual([]);
    expect(engine.get('r1').state).toBe('registered');
    expect(engine.advanceTo(Date.parse('2028-10-09T00:00:00+08:00')).map((f) => f.to)).toEqual(['expired']);
  });

  it('keeps a cap the revised end passes, and leaves deadlines that were never estimates alone', () => {
    const { engine, calendar } = engineAt('2025-10-01T10:00:00+08:00');
    engine.create('record', { id: 'capped', actor: { role: 'registry' }, data: { termEnd: '2028-10-05' } });
    expect(engine.get('capped').deadline?.dueDate).toBe('2028-10-02');
    calendar.addYear(schedule2028);
    expect(engine.reviseDeadline('capped')).toBe(true);
    expect(engine.get('capped').deadline?.dueDate).toBe('2028-10-05');

    const exact = { ...record, id: 'exact', limits: { validity: { ...validity, estimate: false, holidayExtension: 'none' as const } } };
    const plain = new WorkflowEngine({ machines: [exact], calendar: WorkingCalendar.official(), clock: new VirtualClock(Date.parse('2025-10-01T10:00:00+08:00')) });
    plain.create('exact', { id: 'e1', actor: { role: 'registry' } });
    expect(plain.reviseDeadline('e1')).toBe(false);
    expect(plain.get('e1').events.map((e) => e.type)).toEqual(['state_changed']);
  });

  it('does not revise a deadline already overdue or spent', () => {
    const { engine, calendar } = engineAt('2025-10-01T10:00:00+08:00');
    engine.create('record', { id: 'r1', actor: { role: 'registry' } });
    engine.advanceTo(Date.parse('2028-10-03T00:00:00+08:00'));
    expect(engine.get('r1').state).toBe('expired');
    calendar.addYear(schedule2028);
    expect(engine.reviseDeadline('r1')).toBe(false);
  });
});
