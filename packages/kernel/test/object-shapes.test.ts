import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine, type Effect, type TransitionResult, type WorkflowEvent } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant', organizationId: 'org-1' };
const registry = { role: 'registry' };

/**
 * The kernel builds each kind of object it hands out (events, pending timers, effects, instances)
 * with every field written in one order, optional ones as `undefined`, so that the code reading
 * them meets one object shape (V8 recompiles a function each time a new shape reaches it). The
 * JSON of these objects must stay what it was when optional fields were left out.
 */
describe('one object shape per kind', () => {
  function year(): { engine: WorkflowEngine; results: TransitionResult[]; emitted: WorkflowEvent[] } {
    const clock = new VirtualClock(at('2025-09-26T10:00'));
    const engine = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock });
    const emitted: WorkflowEvent[] = [];
    engine.subscribe((e) => emitted.push(e.event));
    const results = [
      engine.create('demo', { id: 'a', actor: registrant, data: { n: 1 } }),
      engine.create('demo', { id: 'b', actor: registrant, payload: { note: 'x' } }),
      engine.dispatch('a', 'accept', { actor: registry }),
      engine.dispatch('a', 'pass', { actor: registry }),
      engine.dispatch('b', 'request_supplement', { actor: registry, payload: { items: ['licence'], reasons: [{ code: 'R1', text: '缺少许可' }] } }),
      engine.dispatch('b', 'resubmit', { actor: registrant }),
    ];
    engine.plan({ at: at('2025-10-09T10:00'), instanceId: 'b', event: 'reject', actor: registry, payload: { reasons: ['逾期'] } });
    engine.fireDue(at('2026-12-31T10:00')); // b's acceptance overdue, b rejected by the plan, a's notice closed by its event timer
    return { engine, results, emitted };
  }

  it('writes every field of events, timers and effects in one order', () => {
    const { engine, results, emitted } = year();
    const events = [...engine.get('a').events, ...engine.get('b').events];
    expect(events.map((e) => e.type)).toContain('deadline_overdue');
    for (const e of [...events, ...emitted]) expect(Object.keys(e)).toEqual(['seq', 'type', 'at', 'actor', 'from', 'to', 'reason', 'deadline', 'event', 'data']);
    const effects: Effect[] = results.flatMap((r) => (r.ok ? r.effects : []));
    expect(new Set(effects.map((e) => e.type))).toEqual(new Set(['schedule', 'cancel', 'emit']));
    for (const e of effects) expect(Object.keys(e)).toEqual(['type', 'instanceId', 'timerId', 'timer', 'name', 'event']);
    const timers = effects.flatMap((e) => (e.type === 'schedule' ? [e.timer] : []));
    expect(new Set(timers.map((t) => t.kind))).toEqual(new Set(['overdue', 'event']));
    for (const t of timers) expect(Object.keys(t)).toEqual(['id', 'dueAt', 'step', 'kind', 'event', 'seq']);
    for (const id of ['a', 'b']) expect(Object.keys(engine.get(id))).toEqual(['id', 'machine', 'state', 'createdAt', 'updatedAt', 'deadline', 'events', 'data', 'timer']);
  });

  it('leaves the fields a kind does not use out of JSON, as before', () => {
    const { engine, results } = year();
    const [created, accepted] = engine.get('a').events;
    expect(Object.keys(JSON.parse(JSON.stringify(created)))).toEqual(['seq', 'type', 'at', 'actor', 'from', 'to', 'reason', 'deadline']);
    expect(Object.keys(JSON.parse(JSON.stringify(accepted)))).toEqual(['seq', 'type', 'at', 'actor', 'from', 'to', 'reason', 'deadline', 'event']);
    const b = engine.get('b');
    const supplement = b.events.find((e) => e.event === 'request_supplement');
    expect(JSON.parse(JSON.stringify(supplement)).data).toEqual({ items: ['licence'], reasons: [{ code: 'R1', text: '缺少许可' }] });
    const overdue = b.events.find((e) => e.type === 'deadline_overdue');
    expect(JSON.stringify(overdue?.actor)).toBe('{"role":"clock"}');
    expect(Object.keys(JSON.parse(JSON.stringify(overdue)))).toEqual(['seq', 'type', 'at', 'actor', 'from', 'to', 'reason', 'deadline']);
    // A pending overdue timer lists its `seq` last and no `event`; an event timer both.
    const [createdA, , , passedA] = results;
    expect(createdA?.ok && JSON.parse(JSON.stringify(createdA.instance.timer))).toEqual({ id: 'a#1', dueAt: expect.any(Number), step: 'acceptance', kind: 'overdue', seq: 0 });
    expect(createdA?.ok && Object.keys(JSON.parse(JSON.stringify(createdA.instance.timer)))).toEqual(['id', 'dueAt', 'step', 'kind', 'seq']);
    expect(passedA?.ok && Object.keys(JSON.parse(JSON.stringify(passedA.instance.timer)))).toEqual(['id', 'dueAt', 'step', 'kind', 'event', 'seq']);
    const snapshot = JSON.parse(JSON.stringify(engine.snapshot())) as { planned: unknown[] };
    expect(snapshot.planned).toEqual([]);
  });
});
