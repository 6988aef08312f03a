import { describe, expect, it } from 'vitest';
import { plainTimer, VirtualClock, WorkflowEngine, type MachineDefinition, type TimerEntry } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };
const registry = { role: 'registry' };

/** A virtual clock that keeps every entry it hands out, so the test can ask about each one later. */
class RecordingClock extends VirtualClock {
  readonly entries: TimerEntry[] = [];

  override schedule(id: string, dueAt: number, ref: string, seq?: number): TimerEntry {
    const entry = super.schedule(id, dueAt, ref, seq);
    this.entries.push(entry);
    return entry;
  }
}

/** A step entered on creation that an always-event leaves at once: its timer is scheduled and replaced in one transition. */
const hop: MachineDefinition = {
  id: 'hop',
  initial: 'received',
  states: { received: { step: 'first', always: 'route' }, routed: { step: 'second' }, closed: { terminal: true } },
  transitions: [
    { from: 'received', event: 'route', to: 'routed', by: ['clock'] },
    { from: 'routed', event: 'close', to: 'closed', by: ['registry'] },
  ],
  limits: {
    first: { id: 'first', value: 3, unit: 'working_days', startTrigger: 'received', basis: '—', onExpiry: 'flag_overdue' },
    second: { id: 'second', value: 5, unit: 'working_days', startTrigger: 'received', basis: '—', onExpiry: 'flag_overdue' },
  },
};

function engineOn(clock: RecordingClock): WorkflowEngine {
  return new WorkflowEngine({ machines: [demoMachine, hop], calendar: fakeCalendar, clock });
}

/**
 * The engine answers the entries it scheduled from their `owner`; a copy without it (`plainTimer`)
 * from its maps. Both must say the same for every entry the clock ever handed out.
 */
function expectOwnersAgree(engine: WorkflowEngine, clock: RecordingClock): void {
  for (const entry of clock.entries) expect([entry.id, engine.isCurrent(entry)]).toEqual([entry.id, engine.isCurrent(plainTimer(entry))]);
}

describe('timer entries that name their owner', () => {
  it('are live exactly while the instance or plan still holds them: replaced, cancelled, fired, restored', () => {
    const clock = new RecordingClock(at('2025-09-26T10:00'));
    const engine = engineOn(clock);
    engine.create('demo', { id: 'a', actor: registrant });
    engine.create('demo', { id: 'b', actor: registrant });
    engine.create('hop', { id: 'h', actor: registrant });
    const [acceptanceA, , first, second] = clock.entries;
    expect([first?.id, second?.id]).toEqual(['h#1', 'h#2']);
    expect(engine.isCurrent(first as TimerEntry)).toBe(false); // scheduled and replaced by the always-event
    expect(engine.isCurrent(second as TimerEntry)).toBe(true);
    expectOwnersAgree(engine, clock);

    engine.dispatch('a', 'accept', { actor: registry });
    expect(engine.isCurrent(acceptanceA as TimerEntry)).toBe(false);
    const kept = engine.plan({ at: at('2025-10-09T10:00'), instanceId: 'a', event: 'pass', actor: registry });
    const dropped = engine.plan({ at: at('2025-10-10T10:00'), instanceId: 'b', event: 'accept', actor: registry });
    engine.cancelPlan(dropped);
    expect(clock.entries.filter((e) => e.id === kept || e.id === dropped).map((e) => engine.isCurrent(e))).toEqual([true, false]);
    expectOwnersAgree(engine, clock);

    // b's acceptance ends overdue (a fired flag), a passes to its notice (a fired plan), h's step ends overdue.
    engine.advanceTo(at('2025-10-15T00:00'));
    expect(engine.get('a').state).toBe('in_notice');
    expect(engine.get('b').deadline?.overdue).toBe(true);
    expect(clock.entries.filter((e) => engine.isCurrent(e)).map((e) => e.id)).toEqual(['a#3']);
    expectOwnersAgree(engine, clock);

    const restoredClock = new RecordingClock(0);
    const restored = engineOn(restoredClock);
    restored.restore(JSON.parse(JSON.stringify(engine.snapshot())));
    restored.plan({ at: at('2025-10-20T10:00'), instanceId: 'h', event: 'close', actor: registry });
    expect(restoredClock.entries.map((e) => [e.id, restored.isCurrent(e)])).toEqual([['a#3', true], ['plan#1', true]]);
    restored.dispatch('a', 'object', { actor: { role: 'interested_party' }, payload: { evidence: ['x'] } });
    expectOwnersAgree(restored, restoredClock);
    expect(restored.advanceTo(at('2026-03-01T00:00')).map((f) => `${f.instanceId} ${f.event} ${f.from}→${f.to}`)).toEqual([
      'h close routed→closed',
      'a notice_closed objection_review→objection_review',
    ]);
    expectOwnersAgree(restored, restoredClock);
  });
});
