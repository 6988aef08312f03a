import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine, type EngineEvent, type WorkflowInstance } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };
const registry = { role: 'registry' };

function engineAt(start: string): WorkflowEngine {
  return new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(at(start)) });
}

describe('EngineEvent.instance', () => {
  it('is the instance as stored when each subscriber is called, every event of one shape', () => {
    const engine = engineAt('2025-09-26T10:00');
    const seen: { keys: string[]; stored: boolean; state: string }[] = [];
    engine.subscribe((e) => seen.push({ keys: Object.keys(e), stored: e.instance === engine.get(e.instanceId), state: e.instance.state }));
    engine.create('demo', { id: 'a', actor: registrant });
    engine.advanceTo(at('2025-09-29T10:00'));
    engine.dispatch('a', 'accept', { actor: registry });
    engine.advanceTo(at('2025-10-20T00:00'));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const s of seen) expect(s).toMatchObject({ keys: ['instanceId', 'machine', 'event', 'instance', 'attached'], stored: true });
    expect(seen.map((s) => s.state).slice(0, 2)).toEqual(['submitted', 'under_review']);
  });

  it('a subscriber after one that moved the instance on is given the instance as it is then', () => {
    const engine = engineAt('2025-09-26T10:00');
    engine.create('demo', { id: 'a', actor: registrant });
    const given: [string, WorkflowInstance][] = [];
    engine.subscribe((e) => {
      given.push(['first', e.instance]);
      if (e.event.type === 'state_changed' && e.event.to === 'under_review') engine.dispatch('a', 'pass', { actor: registry });
    });
    const later: EngineEvent[] = [];
    engine.subscribe((e) => later.push(e));
    engine.dispatch('a', 'accept', { actor: registry });
    const accepted = later.find((e) => e.event.to === 'under_review')!;
    // Told after the first subscriber's dispatch: the instance it has now, not the one recorded.
    expect(accepted.instance).toBe(engine.get('a'));
    expect(accepted.instance.state).not.toBe('under_review');
    expect(given.find(([, i]) => i.state === 'under_review')).toBeDefined();
  });
});

describe('EngineEvent.attached', () => {
  /** An engine whose host attaches `record:<id>` to the instances its records name (`known`), nothing to the others. */
  function attaching(known: Set<string>, asked: string[], clock = new VirtualClock(at('2025-09-26T10:00'))): WorkflowEngine {
    return new WorkflowEngine({
      machines: [demoMachine], calendar: fakeCalendar, clock,
      attach: (instance) => {
        asked.push(instance.id);
        return known.has(instance.id) ? `record:${instance.id}` : undefined;
      },
    });
  }

  it('is what attach answered, asked once per instance, with every later event', () => {
    const asked: string[] = [];
    const engine = attaching(new Set(['a', 'b']), asked);
    const told: [string, string, unknown][] = [];
    engine.subscribe((e) => told.push([e.instanceId, e.event.to ?? '', e.attached]));
    engine.create('demo', { id: 'a', actor: registrant });
    engine.createOnly('demo', { id: 'b', actor: registrant });
    engine.dispatch('a', 'accept', { actor: registry });
    engine.plan({ at: at('2025-09-29T10:00'), instanceId: 'b', event: 'accept', actor: registry });
    engine.advanceTo(at('2025-10-20T00:00'));
    expect(asked).toEqual(['a', 'b']);
    expect(told.length).toBeGreaterThanOrEqual(4);
    for (const [id, , attached] of told) expect(attached).toBe(`record:${id}`);
  });

  it('is undefined while attach answers undefined, which is asked again at the next event', () => {
    const asked: string[] = [];
    const known = new Set<string>();
    const engine = attaching(known, asked);
    const told: unknown[] = [];
    engine.subscribe((e) => told.push(e.attached));
    engine.create('demo', { id: 'a', actor: registrant });
    known.add('a'); // the host's record appears after the creation
    engine.dispatch('a', 'accept', { actor: registry });
    engine.dispatch('a', 'pass', { actor: registry });
    expect(told).toEqual([undefined, 'record:a', 'record:a']);
    expect(asked).toEqual(['a', 'a']);
  });

  it('is asked again after a restore, which attaches nothing; an engine without attach tells undefined', () => {
    const asked: string[] = [];
    const original = attaching(new Set(['a']), asked);
    original.create('demo', { id: 'a', actor: registrant });
    const restored = attaching(new Set(['a']), asked, new VirtualClock(0));
    restored.restore(original.snapshot());
    const told: unknown[] = [];
    restored.subscribe((e) => told.push(e.attached));
    restored.dispatch('a', 'accept', { actor: registry });
    expect(told).toEqual(['record:a']);
    expect(asked).toEqual(['a', 'a']);

    const plain = engineAt('2025-09-26T10:00');
    const plainTold: unknown[] = [];
    plain.subscribe((e) => plainTold.push(e.attached));
    plain.create('demo', { id: 'a', actor: registrant });
    expect(plainTold).toEqual([undefined]);
  });
});

describe('WorkflowEngine.createOnly', () => {
  it('creates as create does (the same instance, events and timers) and answers no effects', () => {
    const listed = engineAt('2025-09-26T10:00');
    const only = engineAt('2025-09-26T10:00');
    const told: Record<string, string[]> = { listed: [], only: [] };
    listed.subscribe((e) => told['listed']!.push(`${e.instanceId} ${e.event.type}`));
    only.subscribe((e) => told['only']!.push(`${e.instanceId} ${e.event.type}`));
    const a = listed.create('demo', { id: 'a', actor: registrant, payload: { note: 'x' } });
    const b = only.createOnly('demo', { id: 'a', actor: registrant, payload: { note: 'x' } });
    expect(a.ok && b.ok).toBe(true);
    expect(Object.keys(b)).toEqual(['ok', 'instance']);
    expect(b.ok && b.instance).toBe(only.get('a'));
    expect(only.list()).toEqual(listed.list());
    expect(only.snapshot()).toEqual(listed.snapshot());
    expect(told['only']).toEqual(told['listed']);
    expect(only.advanceTo(at('2025-10-20T00:00'))).toEqual(listed.advanceTo(at('2025-10-20T00:00')));
  });

  it('answers the refusal and creates nothing; a taken id throws', () => {
    const engine = engineAt('2026-12-31T10:00');
    const refused = engine.createOnly('demo', { id: 'late', actor: registrant });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('CALENDAR_NOT_PUBLISHED');
    expect(engine.has('late')).toBe(false);
    expect(engine.clock.pending()).toBe(0);
    const fresh = engineAt('2025-09-26T10:00');
    fresh.createOnly('demo', { id: 'a', actor: registrant });
    expect(() => fresh.createOnly('demo', { id: 'a', actor: registrant })).toThrow(/already exists/);
  });
});
