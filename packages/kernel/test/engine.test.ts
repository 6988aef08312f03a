import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine, type EngineEvent } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };
const registry = { role: 'registry' };

function engineAt(start: string): WorkflowEngine {
  return new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(at(start)) });
}

function ok<T extends { ok: boolean }>(r: T): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

/** Received 09-26, accepted 09-29, review passed 10-09: the notice runs to 10-22 (counting the 10-11 make-up Saturday). */
function toNotice(engine: WorkflowEngine, ...ids: string[]): void {
  for (const id of ids) ok(engine.create('demo', { id, actor: registrant }));
  engine.advanceTo(at('2025-09-29T10:00'));
  for (const id of ids) ok(engine.dispatch(id, 'accept', { actor: registry }));
  engine.advanceTo(at('2025-10-09T10:00'));
  for (const id of ids) ok(engine.dispatch(id, 'pass', { actor: registry }));
}

describe('WorkflowEngine', () => {
  it('flags an overdue step at dueAt and never approves it', () => {
    const engine = engineAt('2025-09-26T10:00');
    ok(engine.create('demo', { id: 'a', actor: registrant }));
    const fired = engine.advanceTo(at('2025-10-20T00:00'));
    expect(fired).toEqual([
      { at: '2025-10-01T00:00:00+08:00', instanceId: 'a', machine: 'demo', event: 'deadline_overdue', from: 'submitted', to: 'submitted', ok: true },
    ]);
    const a = engine.get('a');
    expect(a.state).toBe('submitted');
    expect(a.deadline?.overdue).toBe(true);
    expect(a.events.at(-1)).toMatchObject({ type: 'deadline_overdue', actor: { role: 'clock' }, deadline: { overdue: true } });
  });

  it('fireDue fires what advanceTo would, telling only subscribers, and counts the timers', () => {
    const recorded = engineAt('2025-09-26T10:00');
    const quiet = engineAt('2025-09-26T10:00');
    const told: string[] = [];
    quiet.subscribe(({ instanceId, event }) => told.push(`${instanceId} ${event.type} ${event.from}→${event.to}`));
    for (const engine of [recorded, quiet]) toNotice(engine, 'plain', 'objected');
    told.length = 0;
    const fired = recorded.advanceTo(at('2025-10-24T12:00'));
    expect(quiet.fireDue(at('2025-10-24T12:00'))).toBe(2);
    expect(told).toEqual(fired.map((f) => `${f.instanceId} state_changed ${f.from}→${f.to}`));
    expect(quiet.list()).toEqual(recorded.list());
    expect(quiet.fireDue(at('2025-10-24T12:00'))).toBe(0);
  });

  it('isCurrent says which queued timers are live: the instance timer it has now and plans not fired or cancelled', () => {
    const engine = engineAt('2025-09-26T10:00');
    ok(engine.create('demo', { id: 'a', actor: registrant }));
    const first = engine.get('a').timer!;
    const firstEntry = { id: first.id, dueAt: first.dueAt, seq: first.seq ?? 0, ref: 'a' };
    expect(engine.isCurrent(firstEntry)).toBe(true);
    expect(engine.isCurrent({ ...firstEntry, dueAt: first.dueAt + 1 })).toBe(false);
    ok(engine.dispatch('a', 'accept', { actor: registry }));
    expect(engine.isCurrent(firstEntry)).toBe(false);
    const later = engine.plan({ at: at('2025-10-09T10:00'), instanceId: 'a', event: 'pass', actor: registry });
    const cancelled = engine.plan({ at: at('2025-10-10T10:00'), instanceId: 'a', event: 'pass', actor: registry });
    engine.cancelPlan(cancelled);
    expect(engine.isCurrent({ id: later, dueAt: at('2025-10-09T10:00'), seq: 0, ref: 'a' })).toBe(true);
    expect(engine.isCurrent({ id: cancelled, dueAt: at('2025-10-10T10:00'), seq: 0, ref: 'a' })).toBe(false);
    engine.advanceTo(at('2025-10-09T10:00'));
    expect(engine.isCurrent({ id: later, dueAt: at('2025-10-09T10:00'), seq: 0, ref: 'a' })).toBe(false);
  });

  it('lets the registry explain an overdue review, keeping the flagged deadline', () => {
    const engine = engineAt('2025-09-26T10:00');
    ok(engine.create('demo', { id: 'a', actor: registrant }));
    ok(engine.dispatch('a', 'accept', { actor: registry }));
    engine.advanceTo(at('2025-11-05T09:00'));
    const r = ok(engine.dispatch('a', 'explain_overdue', { actor: registry, payload: { reasons: ['材料核验需要延长'] } }));
    expect(r.ok && r.instance.events.at(-1)).toMatchObject({ type: 'overdue_explained', from: 'under_review', to: 'under_review' });
    expect(engine.get('a').deadline).toMatchObject({ dueDate: '2025-10-30', overdue: true });
  });

  it('closes the notice by the clock; an objection keeps the notice clock running', () => {
    const engine = engineAt('2025-09-26T10:00');
    toNotice(engine, 'plain', 'objected');
    expect(engine.get('plain').deadline?.dueDate).toBe('2025-10-22');
    ok(engine.dispatch('objected', 'object', { actor: { role: 'interested_party' }, payload: { evidence: ['ev1'] } }));
    const fired = engine.advanceTo(at('2025-10-24T12:00'));
    expect(fired.map((f) => [f.instanceId, f.event, f.to])).toEqual([
      ['plain', 'notice_closed', 'registered'],
      ['objected', 'notice_closed', 'objection_review'],
    ]);
    ok(engine.dispatch('objected', 'dismiss', { actor: registry }));
    expect(engine.get('objected').state).toBe('registered');
    expect(engine.get('plain').deadline).toMatchObject({ step: 'validity', startedOn: '2025-10-23', dueDate: '2028-10-23' });
  });

  it('returns to the running notice when an objection is dismissed in time', () => {
    const engine = engineAt('2025-09-26T10:00');
    toNotice(engine, 'x');
    const notice = engine.get('x').deadline;
    ok(engine.dispatch('x', 'object', { actor: { role: 'interested_party' }, payload: { evidence: ['ev'] } }));
    ok(engine.dispatch('x', 'dismiss', { actor: registry }));
    expect(engine.get('x').state).toBe('in_notice');
    expect(engine.get('x').deadline).toEqual(notice);
  });

  it('renews from the previous due date', () => {
    const engine = engineAt('2025-09-26T10:00');
    toNotice(engine, 'r');
    engine.advanceTo(at('2028-09-01T10:00'));
    ok(engine.dispatch('r', 'renew', { actor: registrant }));
    expect(engine.get('r').deadline).toMatchObject({ startedOn: '2028-10-23', dueDate: '2031-10-23' });
    expect(engine.advanceTo(at('2031-10-24T00:00')).map((f) => f.to)).toEqual(['done']);
  });

  it('sends planned dispatches at their time and reports refusals', () => {
    const engine = engineAt('2025-09-26T10:00');
    ok(engine.create('demo', { id: 'p', actor: registrant }));
    engine.plan({ at: at('2025-09-29T11:00'), instanceId: 'p', event: 'accept', actor: registry });
    engine.plan({ at: at('2025-09-29T12:00'), instanceId: 'p', event: 'accept', actor: registry });
    const fired = engine.advanceTo(at('2025-09-30T00:00'));
    expect(fired.map((f) => [f.event, f.ok, f.error?.code])).toEqual([
      ['accept', true, undefined],
      ['accept', false, 'ILLEGAL_TRANSITION'],
    ]);
    expect(engine.get('p').events.at(-1)?.at).toBe('2025-09-29T11:00:00+08:00');
  });

  it('reports a clock event the state refuses and spends the timer', () => {
    const machine = { ...demoMachine, transitions: demoMachine.transitions.filter((t) => !(t.from === 'in_notice' && t.event === 'notice_closed')) };
    const engine = new WorkflowEngine({ machines: [machine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')) });
    toNotice(engine, 'n');
    const fired = engine.advanceTo(at('2025-12-01T00:00'));
    expect(fired.map((f) => [f.event, f.ok, f.error?.code])).toEqual([['notice_closed', false, 'ILLEGAL_TRANSITION']]);
    expect(engine.get('n')).toMatchObject({ state: 'in_notice', timer: null });
    expect(engine.clock.pending()).toBe(0);
  });

  it('records a planned dispatch the calendar blocked on the timeline and tells subscribers; the state does not move', () => {
    const engine = engineAt('2026-12-18T10:00');
    const seen: EngineEvent[] = [];
    engine.subscribe((e) => seen.push(e));
    ok(engine.create('demo', { id: 'b', actor: registrant }));
    engine.plan({ at: at('2026-12-22T10:00'), instanceId: 'b', event: 'accept', actor: { role: 'registry', organizationId: 'org_r' } });
    const fired = engine.advanceTo(at('2026-12-23T00:00'));
    expect(fired.map((f) => [f.event, f.ok, f.error?.code])).toEqual([['accept', false, 'CALENDAR_NOT_PUBLISHED']]);
    const b = engine.get('b');
    expect(b.state).toBe('submitted');
    expect(b.events.at(-1)).toMatchObject({
      seq: 2, type: 'action_blocked', at: '2026-12-22T10:00:00+08:00', actor: { role: 'registry', organizationId: 'org_r' },
      from: 'submitted', to: 'submitted', event: 'accept', deadline: { step: 'acceptance', dueDate: '2026-12-23' },
      reason: { code: 'CALENDAR_NOT_PUBLISHED' }, data: { action: 'accept', year: 2027 },
    });
    expect(b.events.at(-1)?.reason?.text).toContain('2027');
    expect(seen.at(-1)?.event.type).toBe('action_blocked');
    expect(b.timer?.step).toBe('acceptance'); // the running step's timer is untouched
  });

  it('records a clock event the calendar blocked and spends its timer', () => {
    const { estimate: _estimate, ...validity } = demoMachine.limits!['validity']!;
    const machine = { ...demoMachine, limits: { ...demoMachine.limits, validity } };
    const engine = new WorkflowEngine({ machines: [machine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')) });
    toNotice(engine, 'v');
    const fired = engine.advanceTo(at('2025-12-01T00:00'));
    expect(fired.map((f) => [f.event, f.ok, f.error?.code])).toEqual([['notice_closed', false, 'CALENDAR_NOT_PUBLISHED']]);
    expect(engine.get('v')).toMatchObject({ state: 'in_notice', timer: null });
    expect(engine.get('v').events.at(-1)).toMatchObject({ type: 'action_blocked', actor: { role: 'clock' }, event: 'notice_closed', data: { action: 'notice_closed', year: 2028 } });
    expect(engine.clock.pending()).toBe(0);
  });

  it('tells subscribers about every event', () => {
    const engine = engineAt('2025-09-26T10:00');
    const seen: EngineEvent[] = [];
    const off = engine.subscribe((e) => seen.push(e));
    ok(engine.create('demo', { id: 's', actor: registrant }));
    engine.advanceTo(at('2025-10-02T00:00'));
    off();
    ok(engine.dispatch('s', 'accept', { actor: registry }));
    expect(seen.map((e) => [e.instanceId, e.event.type])).toEqual([['s', 'state_changed'], ['s', 'deadline_overdue']]);
  });

  it('runs named actions after a transition', () => {
    const made: string[] = [];
    const machine = {
      ...demoMachine,
      transitions: demoMachine.transitions.map((t) => (t.event === 'accept' ? { ...t, actions: ['note'] } : t)),
    };
    const engine = new WorkflowEngine({
      machines: [machine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')),
      actions: { note: ({ instance, event }) => made.push(`${instance.id}:${instance.state}:${event.seq}`) },
    });
    ok(engine.create('demo', { id: 'n', actor: registrant }));
    ok(engine.dispatch('n', 'accept', { actor: registry }));
    expect(made).toEqual(['n:under_review:2']);
  });

  it('round-trips a snapshot: the restored engine continues identically', () => {
    const original = engineAt('2025-09-26T10:00');
    toNotice(original, 'a');
    ok(original.create('demo', { id: 'b', actor: registrant }));
    original.plan({ at: at('2025-10-15T10:00'), instanceId: 'b', event: 'accept', actor: registry });
    const json = JSON.parse(JSON.stringify(original.snapshot()));
    const copy = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(0) });
    copy.restore(json);
    expect(copy.snapshot()).toEqual(original.snapshot());
    const until = at('2026-03-01T00:00');
    expect(copy.advanceTo(until)).toEqual(original.advanceTo(until));
    expect(copy.snapshot()).toEqual(original.snapshot());
  });

  it('shares its instances in a snapshot when asked: later transitions, timers and plans leave it as it was', () => {
    const engine = engineAt('2025-09-26T10:00');
    toNotice(engine, 'a');
    ok(engine.create('demo', { id: 'b', actor: registrant }));
    engine.plan({ at: at('2025-10-15T10:00'), instanceId: 'b', event: 'accept', actor: registry });
    const shared = engine.snapshot({ shareInstances: true });
    expect(shared.instances[0]).toBe(engine.get('a'));
    const text = JSON.stringify(shared);
    expect(text).toBe(JSON.stringify(engine.snapshot()));
    // An objection, the notice closing under it (data set), the plan sent, deadlines passing, the
    // objection dismissed (a new timer, stamped): each stores new instances.
    ok(engine.dispatch('a', 'object', { actor: { role: 'interested_party' }, payload: { evidence: ['e'] } }));
    engine.advanceTo(at('2026-03-01T00:00'));
    ok(engine.dispatch('a', 'dismiss', { actor: registry }));
    expect(engine.get('a')).toMatchObject({ state: 'registered', data: { noticeClosed: true } });
    expect(engine.get('b').state).toBe('under_review');
    expect(JSON.stringify(shared)).toBe(text);
  });

  it('copies a restored snapshot unless told to adopt it', () => {
    const original = engineAt('2025-09-26T10:00');
    toNotice(original, 'a');
    const saved = original.snapshot();
    const copying = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(0) });
    copying.restore(saved);
    expect(copying.get('a')).toEqual(saved.instances[0]);
    expect(copying.get('a')).not.toBe(saved.instances[0]);
    const adopting = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(0) });
    adopting.restore(saved, { adopt: true });
    expect(adopting.get('a')).toBe(saved.instances[0]);
    const until = at('2026-03-01T00:00');
    expect(adopting.advanceTo(until)).toEqual(copying.advanceTo(until));
  });

  it.each([
    ['events that are no array', (i: Record<string, unknown>) => (i.events = 5), 'Invalid snapshot: instance a: events must be an array of event objects'],
    ['an event that is null', (i: Record<string, unknown>) => ((i.events as unknown[])[0] = null), 'Invalid snapshot: instance a: events must be an array of event objects'],
    ['a state that is no string', (i: Record<string, unknown>) => (i.state = null), 'Invalid snapshot: instance a: state must be a string'],
    ['a timer without its due time', (i: Record<string, unknown>) => (i.timer = { id: 't' }), 'Invalid snapshot: instance a: timer must be null or a timer with an id and a dueAt'],
  ])('refuses to restore an instance with %s (SNAPSHOT_INVALID), keeping its state', (_why, change, en) => {
    const original = engineAt('2025-09-26T10:00');
    toNotice(original, 'a');
    const saved = JSON.parse(JSON.stringify(original.snapshot()));
    change(saved.instances[0]);
    const target = engineAt('2025-09-26T10:00');
    ok(target.create('demo', { id: 'kept', actor: registrant }));
    expect(() => target.restore(saved)).toThrow(expect.objectContaining({ code: 'SNAPSHOT_INVALID', message: expect.stringContaining(en) }));
    expect(target.get('kept')?.state).toBe('submitted');
  });

  it('is deterministic: the same inputs give identical event logs', () => {
    const run = () => {
      const engine = engineAt('2025-09-26T10:00');
      for (let i = 0; i < 20; i++) {
        ok(engine.create('demo', { id: `i${i}`, actor: registrant }));
        if (i % 2 === 0) engine.plan({ at: at('2025-09-29T10:00') + i * 60_000, instanceId: `i${i}`, event: 'accept', actor: registry });
      }
      const fired = engine.advanceTo(at('2026-06-01T00:00'));
      return { fired, instances: engine.list() };
    };
    const first = run();
    expect(first.fired.length).toBeGreaterThan(20);
    expect(run()).toEqual(first);
  });
});
