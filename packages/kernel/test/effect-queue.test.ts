import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine, type EngineEvent, type MachineDefinition } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };
const registry = { role: 'registry' };

/*
 * The engine queues a transition's effects in one reused buffer and runs them once the transition
 * succeeded. These pin what that must keep: effects of a transition that an action or a
 * subscriber starts are run in between and do not disturb the rest; a refused transition runs
 * none of what it queued; an operation that threw leaves nothing behind for the next.
 */
describe('the engine runs the effects a transition queued, and only those', () => {
  it('runs the effects of a transition started by an action, then the rest of the first one', () => {
    const order: string[] = [];
    const machine: MachineDefinition = {
      ...demoMachine,
      transitions: demoMachine.transitions.map((t) => (t.event === 'accept' ? { ...t, actions: ['spawn', 'note'] } : t)),
    };
    const engine: WorkflowEngine = new WorkflowEngine({
      machines: [machine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')),
      actions: {
        spawn: ({ instance }) => {
          order.push(`spawn ${instance.id}`);
          engine.create('demo', { id: `${instance.id}-child`, actor: registrant });
        },
        note: ({ instance }) => order.push(`note ${instance.id}`),
      },
    });
    engine.subscribe(({ instanceId, event }: EngineEvent) => order.push(`${instanceId} ${event.type} ${event.to}`));
    engine.create('demo', { id: 'p', actor: registrant });
    engine.plan({ at: at('2025-09-29T10:00'), instanceId: 'p', event: 'accept', actor: registry });
    const fired = engine.advanceTo(at('2025-09-29T11:00'));
    expect(order).toEqual([
      'p state_changed submitted',
      'p state_changed under_review',
      'spawn p',
      'p-child state_changed submitted',
      'note p',
    ]);
    expect(fired.map((f) => [f.instanceId, f.event, f.from, f.to, f.ok])).toEqual([['p', 'accept', 'submitted', 'under_review', true]]);
    // Both timers queued and stamped: the parent's review, the child's acceptance.
    expect(engine.get('p').timer).toMatchObject({ step: 'review', seq: expect.any(Number) });
    expect(engine.get('p-child').timer).toMatchObject({ step: 'acceptance', seq: expect.any(Number) });
    expect(engine.clock.pending()).toBe(2);

    // An answer lists the effects of its own transition, as `Effect` objects, not those of the one its action started.
    const answer = engine.dispatch('p-child', 'accept', { actor: registry });
    expect(answer.ok && answer.effects.map((e) => [e.type, e.instanceId])).toEqual([
      ['cancel', 'p-child'], ['schedule', 'p-child'], ['emit', 'p-child'], ['action', 'p-child'], ['action', 'p-child'],
    ]);
    expect(engine.has('p-child-child')).toBe(true);
  });

  it('runs effects nested deeper than the room its queue starts with', () => {
    // Each creation starts the next from its action: 40 transitions' effects are queued at once,
    // past the queue's first 64 slots, and each must still run exactly once, in order.
    const machine: MachineDefinition = {
      ...demoMachine,
      transitions: demoMachine.transitions.map((t) => (t.event === 'accept' ? { ...t, actions: ['deeper'] } : t)),
    };
    const depth = 40;
    const engine: WorkflowEngine = new WorkflowEngine({
      machines: [machine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')),
      actions: {
        deeper: ({ instance }) => {
          const level = Number(instance.id.slice(1));
          if (level >= depth) return;
          engine.create('demo', { id: `n${level + 1}`, actor: registrant });
          engine.dispatch(`n${level + 1}`, 'accept', { actor: registry });
        },
      },
    });
    const told: string[] = [];
    engine.subscribe(({ instanceId, event }: EngineEvent) => told.push(`${instanceId} ${event.to}`));
    engine.create('demo', { id: 'n0', actor: registrant });
    engine.dispatch('n0', 'accept', { actor: registry });
    expect(told).toHaveLength(2 * (depth + 1));
    for (let level = 0; level <= depth; level += 1) {
      expect(told.indexOf(`n${level} under_review`)).toBeGreaterThan(told.indexOf(`n${level} submitted`));
      expect(engine.get(`n${level}`).timer).toMatchObject({ step: 'review', seq: expect.any(Number) });
    }
    expect(engine.clock.pending()).toBe(depth + 1);
  });

  it('runs nothing a transition queued before the calendar refused it', () => {
    // Entering `routed` starts a 3-year step, which ends in a year the calendar has not published.
    const machine: MachineDefinition = {
      id: 'hop',
      initial: 'received',
      states: { received: {}, checked: { step: 'first', always: 'route' }, routed: { step: 'long' } },
      transitions: [
        { from: 'received', event: 'check', to: 'checked', by: ['registry'] },
        { from: 'checked', event: 'route', to: 'routed', by: ['clock'] },
      ],
      limits: {
        first: { id: 'first', value: 3, unit: 'working_days', startTrigger: 'received', basis: '—', onExpiry: 'flag_overdue' },
        long: { id: 'long', value: 3, unit: 'years', startTrigger: 'received', basis: '—', onExpiry: 'flag_overdue' },
      },
    };
    const engine = new WorkflowEngine({ machines: [machine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')) });
    const seen: string[] = [];
    engine.subscribe(({ instanceId, event }) => seen.push(`${instanceId} ${event.type} ${event.to}`));
    engine.create('hop', { id: 'h', actor: registrant });
    const refused = engine.dispatch('h', 'check', { actor: registry });
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('CALENDAR_NOT_PUBLISHED');
    expect(seen).toEqual(['h state_changed received']);
    expect(engine.get('h')).toMatchObject({ state: 'received', timer: null });
    expect(engine.clock.pending()).toBe(0);
  });

  it('leaves nothing queued for the next operation when a subscriber threw', () => {
    const engine = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')) });
    const seen: string[] = [];
    let fail = true;
    engine.subscribe(({ instanceId, event }) => {
      seen.push(`${instanceId} ${event.type}`);
      if (fail) {
        fail = false;
        throw new Error('subscriber failed');
      }
    });
    expect(() => engine.create('demo', { id: 'a', actor: registrant })).toThrow('subscriber failed');
    const b = engine.create('demo', { id: 'b', actor: registrant });
    expect(b.ok && b.effects.map((e) => e.type)).toEqual(['schedule', 'emit']);
    expect(seen).toEqual(['a state_changed', 'b state_changed']);
    expect(engine.get('b').timer).toMatchObject({ step: 'acceptance', seq: expect.any(Number) });
  });
});
