import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };
const registry = { role: 'registry' };
const MINUTE = 60_000;

/**
 * The engine keeps its planned dispatches in planning order, dropping fired and cancelled ones
 * lazily and compacting the list as it grows (`PlanBook`): what it lists, cancels and fires must
 * not depend on when that happened. Hundreds of plans, so that the list is compacted several times.
 */
describe('planned dispatches across compactions', () => {
  const start = at('2025-09-29T10:00');

  function engineWithPlans(count: number): { engine: WorkflowEngine; ids: string[] } {
    const engine = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')) });
    const ok = engine.create('demo', { id: 'a', actor: registrant });
    if (!ok.ok) throw new Error(ok.error.code);
    const ids: string[] = [];
    // The first acceptance moves the instance on; the later ones are refused quietly when they fire.
    for (let i = 0; i < count; i += 1) ids.push(engine.plan({ at: start + i * MINUTE, instanceId: 'a', event: 'accept', actor: registry }));
    return { engine, ids };
  }

  const plannedIds = (engine: WorkflowEngine): string[] => engine.snapshot().planned.map((p) => p.id);

  it('lists the plans not fired or cancelled, in planning order, after fires and cancellations', () => {
    const { engine, ids } = engineWithPlans(400);
    engine.advanceTo(start + 299 * MINUTE); // the first 300 fire
    engine.cancelPlan(ids[350] as string);
    engine.cancelPlan(ids[10] as string); // fired already: nothing to cancel
    const later = Array.from({ length: 300 }, (_, i) => engine.plan({ at: start + (500 + i) * MINUTE, instanceId: 'a', event: 'pass', actor: registry }));
    engine.cancelPlan(later[7] as string);
    const expected = [
      ...ids.map((id, i) => [id, start + i * MINUTE]).slice(300).filter(([id]) => id !== ids[350]),
      ...later.map((id, i) => [id, start + (500 + i) * MINUTE]).filter(([id]) => id !== later[7]),
    ];
    expect(engine.snapshot().planned.map((p) => [p.id, p.at])).toEqual(expected);
  });

  it('fires what is left, and nothing cancelled, after a restore', () => {
    const { engine, ids } = engineWithPlans(200);
    engine.advanceTo(start + 149 * MINUTE);
    engine.cancelPlan(ids[160] as string);
    const restored = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(0) });
    restored.restore(engine.snapshot());
    expect(plannedIds(restored)).toEqual(plannedIds(engine));
    // Cancelling after the restore: looked up by id in the restored engine's own plans.
    restored.cancelPlan(ids[170] as string);
    engine.cancelPlan(ids[170] as string);
    const until = start + 400 * MINUTE;
    expect(restored.advanceTo(until)).toEqual(engine.advanceTo(until));
    expect(plannedIds(restored)).toEqual([]);
    expect(restored.isCurrent({ id: ids[199] as string, dueAt: start + 199 * MINUTE, ref: 'a', seq: 0 })).toBe(false);
  });
});
