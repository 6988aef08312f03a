import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine, type WorkflowInstance } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };
const registry = { role: 'registry' };
const START = '2025-09-26T10:00';

function engineAt(start: string): WorkflowEngine {
  return new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(at(start)) });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Three instances waiting for a supplement (no pending timer), frozen, by id. */
function supplementsAwaited(): ReadonlyMap<string, WorkflowInstance> {
  const source = engineAt(START);
  for (const id of ['a', 'b', 'c']) {
    source.create('demo', { id, actor: registrant });
    source.dispatch(id, 'request_supplement', { actor: registry, payload: { items: ['身份证明'] } });
  }
  return new Map(source.list().map((instance) => [instance.id, deepFreeze(structuredClone(instance))]));
}

/** What each engine goes through: a shared instance resubmitted and planned for, a new one created. */
function drive(engine: WorkflowEngine): unknown[] {
  const results: unknown[] = [];
  results.push(engine.dispatch('b', 'resubmit', { actor: registrant }).ok);
  engine.plan({ at: at('2025-09-29T10:00'), instanceId: 'c', event: 'resubmit', actor: registrant });
  results.push(engine.create('demo', { id: 'd', actor: registrant }).ok);
  results.push(engine.advanceTo(at('2025-10-20T00:00')));
  return results;
}

describe('WorkflowEngine.share', () => {
  it('holds shared instances as a restore of the same instances would, and changes only its own copies', () => {
    const shared = supplementsAwaited();
    const sharing = engineAt(START);
    sharing.share(shared);
    const other = engineAt(START);
    other.share(shared);
    const restored = engineAt(START);
    restored.restore({ version: 1, now: at(START), nextSeq: 0, instances: [...shared.values()], planned: [] });

    expect([sharing.size, sharing.has('a'), sharing.has('x')]).toEqual([3, true, false]);
    expect(sharing.get('a')).toBe(shared.get('a'));
    expect(sharing.list()).toEqual(restored.list());
    expect(() => sharing.create('demo', { id: 'a', actor: registrant })).toThrow(/already exists/);

    expect(drive(sharing)).toEqual(drive(restored));
    expect(sharing.list()).toEqual(restored.list());
    expect(sharing.list().map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sharing.size).toBe(4);
    expect(sharing.snapshot()).toEqual(restored.snapshot());
    expect(sharing.get('b').state).toBe('submitted');

    // The other engine and the shared map are as they were.
    expect(other.get('b')).toBe(shared.get('b'));
    expect(other.list()).toEqual([...shared.values()]);
    expect(shared.get('b')?.state).toBe('supplement_required');
  });

  it('takes shared instances only into an empty engine, and none with a pending timer', () => {
    const busy = engineAt(START);
    busy.create('demo', { id: 'x', actor: registrant });
    expect(() => busy.share(supplementsAwaited())).toThrow(/holds none/);
    const timed = engineAt(START);
    expect(() => timed.share(new Map([['x', busy.get('x')]]))).toThrow(/no pending timer/);
  });

  it('forgets shared instances on restore', () => {
    const engine = engineAt(START);
    engine.share(supplementsAwaited());
    engine.restore({ version: 1, now: at(START), nextSeq: 0, instances: [], planned: [] });
    expect([engine.size, engine.has('a'), engine.list()]).toEqual([0, false, []]);
  });
});
