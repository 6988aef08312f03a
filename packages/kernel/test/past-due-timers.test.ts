import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine, type MachineDefinition } from '../src/index.js';
import { at, fakeCalendar } from './fake-calendar.js';

/**
 * A due day the data sets may already be past when the step starts (a term that ended before the
 * object existed), and a host may plan an event for an instant already past. Either fires at the
 * instant it was set, on the next advance: no event is dated before the object's creation or the
 * event that set it (the feed stays in order).
 */
const term: MachineDefinition = {
  id: 'term',
  initial: 'active',
  states: { active: { step: 'term' }, expired: { terminal: true } },
  transitions: [{ from: 'active', event: 'expire', to: 'expired', by: ['clock'] }],
  limits: { term: { id: 'term', value: 5, unit: 'years', startTrigger: 'signed', basis: '27号 第十四条(二)', holidayExtension: 'none', dueField: 'termEnd', onExpiry: { event: 'expire' } } },
};

const officer = { role: 'officer' };

describe('timers due before they are set', () => {
  it('a deadline already past when its step starts fires at that instant, not at its due day', () => {
    const created = at('2025-09-01T10:00');
    const engine = new WorkflowEngine({ machines: [term], calendar: fakeCalendar, clock: new VirtualClock(created) });
    const made = engine.create('term', { id: 'a', actor: officer, data: { termEnd: '2024-12-31' } });
    if (!made.ok) throw new Error(made.error.code);
    // The deadline still tells the truth about the agreed day.
    expect(made.instance.deadline?.dueDate).toBe('2024-12-31');
    const fired = engine.advanceTo(at('2025-09-02T10:00'));
    expect(fired.map((f) => [f.event, f.at])).toEqual([['expire', '2025-09-01T10:00:00+08:00']]);
    expect(engine.get('a')?.events.map((e) => e.at)).toEqual(['2025-09-01T10:00:00+08:00', '2025-09-01T10:00:00+08:00']);
  });

  it('a plan for an instant already past is sent at the clock\'s now', () => {
    const engine = new WorkflowEngine({ machines: [term], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-01T10:00')) });
    engine.create('term', { id: 'a', actor: officer, data: { termEnd: '2029-12-31' } });
    engine.plan({ at: at('2025-01-01T00:00'), instanceId: 'a', event: 'expire', actor: { role: 'clock' } });
    expect(engine.snapshot().planned.map((p) => p.at)).toEqual([at('2025-09-01T10:00')]);
    const fired = engine.advanceTo(at('2025-09-02T10:00'));
    expect(fired.map((f) => [f.event, f.at])).toEqual([['expire', '2025-09-01T10:00:00+08:00']]);
  });
});
