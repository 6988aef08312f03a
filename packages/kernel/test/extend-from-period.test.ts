// Recurring periods (a usage report every 90 calendar days) follow one another on the natural
// grid: 民法典 第二百零三条 moves the day a report is due off a rest day, not the end of the period,
// so with `extendFrom: 'period'` the next period starts after the previous one's own last day.
// Renewals (the default, `due`) still run from the previous due date.
import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { periodEnd, VirtualClock, WorkflowEngine, type Limit, type MachineDefinition } from '../src/index.js';

const report: Limit = { id: 'report', value: 90, unit: 'calendar_days', startTrigger: 'grant_issued', basis: '第二十四条', onExpiry: 'flag_overdue' };

function reporting(limit: Limit): MachineDefinition {
  return {
    id: 'reporting',
    initial: 'due',
    states: { due: { step: 'report' } },
    transitions: [{ from: 'due', event: 'submit', to: 'due', by: ['holder'], deadline: 'extend' }],
    limits: { report: limit },
  };
}

/** The deadlines of three consecutive periods from 2025-07-03, each reported on as it falls due. */
function threePeriods(limit: Limit) {
  const calendar = WorkingCalendar.official();
  const clock = new VirtualClock(Date.parse('2025-07-03T10:00:00+08:00'));
  const engine = new WorkflowEngine({ machines: [reporting(limit)], calendar, clock });
  engine.create('reporting', { id: 'r', actor: { role: 'platform' } });
  const seen = [engine.get('r').deadline!];
  for (let i = 0; i < 2; i += 1) {
    engine.advanceTo(Date.parse(`${seen.at(-1)!.dueDate}T10:00:00+08:00`));
    expect(engine.dispatch('r', 'submit', { actor: { role: 'holder' } }).ok).toBe(true);
    seen.push(engine.get('r').deadline!);
  }
  return seen.map((d) => ({ startedOn: d.startedOn, end: periodEnd(d, calendar), dueDate: d.dueDate }));
}

describe("deadline 'extend' of a limit with extendFrom: 'period'", () => {
  it('starts each period after the previous one ends, not after its due day moved past National Day', () => {
    // 90 days from 2025-07-03 end on 2025-10-01 (National Day): the report is due on 10-09, the next period runs from 10-01.
    expect(threePeriods({ ...report, extendFrom: 'period' })).toEqual([
      { startedOn: '2025-07-03', end: '2025-10-01', dueDate: '2025-10-09' },
      { startedOn: '2025-10-01', end: '2025-12-30', dueDate: '2025-12-30' },
      { startedOn: '2025-12-30', end: '2026-03-30', dueDate: '2026-03-30' },
    ]);
  });

  it('by default still runs from the previous due date, as a renewal from the previous expiry', () => {
    expect(threePeriods(report).map((p) => p.startedOn)).toEqual(['2025-07-03', '2025-10-09', '2026-01-07']);
  });
});

describe('periodEnd', () => {
  it('is the natural end of calendar-day and year periods, and the due day of working-day ones', () => {
    const calendar = WorkingCalendar.official();
    const base = { step: 's', startTrigger: 't', dueAt: '', overdue: false, basis: 'b' };
    expect(periodEnd({ ...base, startedOn: '2025-11-03', limit: 90, unit: 'calendar_days', dueDate: '2026-02-02' }, calendar)).toBe('2026-02-01');
    // Years past the published schedules need none: the natural end is plain date arithmetic.
    expect(periodEnd({ ...base, startedOn: '2024-02-29', limit: 5, unit: 'years', dueDate: '2029-03-01' }, calendar)).toBe('2029-02-28');
    expect(periodEnd({ ...base, startedOn: '2025-09-26', limit: 3, unit: 'working_days', dueDate: '2025-09-30' }, calendar)).toBe('2025-09-30');
  });
});
