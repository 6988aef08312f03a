import { describe, expect, it } from 'vitest';
import { acceptedEvents, createInstance, transition, type MachineDefinition, type WorkflowInstance } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };
const registry = { role: 'registry' };

function created(now = at('2025-09-26T10:00')): WorkflowInstance {
  const r = createInstance(demoMachine, { id: 'a1', actor: registrant }, { now, calendar: fakeCalendar });
  if (!r.ok) throw new Error(r.error.code);
  return r.instance;
}

function step(instance: WorkflowInstance, type: string, actor: { role: string }, now: number, payload?: Record<string, unknown>) {
  return transition(demoMachine, instance, { type, actor, ...(payload ? { payload } : {}) }, { now, calendar: fakeCalendar });
}

describe('createInstance', () => {
  it('enters the initial state with a deadline that does not count the start day', () => {
    const i = created();
    expect(i.state).toBe('submitted');
    expect(i.deadline).toEqual({
      step: 'acceptance', limit: 3, unit: 'working_days', startTrigger: 'received', startedOn: '2025-09-26',
      dueDate: '2025-09-30', dueAt: '2025-10-01T00:00:00+08:00', overdue: false, basis: '第十条',
    });
    expect(i.events).toEqual([
      { seq: 1, type: 'state_changed', at: '2025-09-26T10:00:00+08:00', actor: registrant, from: null, to: 'submitted', reason: null, deadline: i.deadline },
    ]);
    expect(i.timer).toMatchObject({ kind: 'overdue', dueAt: Date.parse('2025-10-01T00:00:00+08:00') });
  });
});

describe('transition', () => {
  it('appends its event to a new log and leaves the previous instance\'s log as it was', () => {
    const first = created();
    const before = first.events;
    const r = step(first, 'accept', registry, at('2025-09-30T15:00'));
    if (!r.ok) throw new Error(r.error.code);
    expect(first.events).toBe(before);
    expect(before.map((e) => e.seq)).toEqual([1]);
    expect(r.instance.events).not.toBe(before);
    expect(r.instance.events[0]).toBe(before[0]);
    expect(r.instance.events.map((e) => [e.seq, e.event])).toEqual([[1, undefined], [2, 'accept']]);
    // A dense log: every index holds its event (the copy is sized up front), and it reads back the same.
    expect(Object.keys(r.instance.events)).toEqual(['0', '1']);
    expect(JSON.parse(JSON.stringify(r.instance))).toEqual(r.instance);
  });

  it('computes the next step deadline across the National Day holiday and asks to swap timers', () => {
    const r = step(created(), 'accept', registry, at('2025-09-30T15:00'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.state).toBe('under_review');
    expect(r.instance.deadline?.dueDate).toBe('2025-11-04');
    expect(r.effects.map((e) => e.type)).toEqual(['cancel', 'schedule', 'emit']);
    expect(r.instance.events.at(-1)).toMatchObject({ seq: 2, from: 'submitted', to: 'under_review', event: 'accept' });
  });

  // `allowed`: what the same actor may send instead — never the refused event, nothing for a role that may send nothing.
  it.each([
    { name: 'unknown event', type: 'pass', actor: registry, payload: undefined, code: 'ILLEGAL_TRANSITION', allowed: ['accept', 'request_supplement', 'reject'] },
    { name: 'wrong actor', type: 'accept', actor: registrant, payload: undefined, code: 'ACTOR_NOT_ALLOWED', allowed: [] },
    { name: 'rejection without reasons', type: 'reject', actor: registry, payload: { reasons: [] }, code: 'MISSING_REASONS', allowed: ['accept', 'request_supplement'] },
    { name: 'supplement without items', type: 'request_supplement', actor: registry, payload: {}, code: 'MISSING_ITEMS', allowed: ['accept', 'reject'] },
  ])('refuses $name with $code and leaves the instance alone', ({ type, actor, payload, code, allowed }) => {
    const before = created();
    const snapshot = structuredClone(before);
    const r = step(before, type, actor, at('2025-09-29T10:00'), payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.from).toBe('submitted');
    expect(r.error.allowed).toEqual(allowed);
    expect(r.error.message.zh.length).toBeGreaterThan(0);
    expect(before).toEqual(snapshot);
  });

  it('records reasons on the event and keeps terminal states terminal', () => {
    const r = step(created(), 'reject', registry, at('2025-09-29T10:00'), { reasons: ['材料不全', '主体不符'] });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.state).toBe('rejected');
    expect(r.instance.deadline).toBeNull();
    expect(r.instance.timer).toBeNull();
    expect(r.instance.events.at(-1)?.reason).toEqual({ text: '材料不全；主体不符' });
    const coded = step(created(), 'reject', registry, at('2025-09-29T10:00'), { reasons: [{ code: 'NO_BASIS', text: '缺少合法来源' }] });
    expect(coded.ok && coded.instance.events.at(-1)?.reason).toEqual({ code: 'NO_BASIS', text: '缺少合法来源' });
    const again = step(r.instance, 'accept', registry, at('2025-09-29T11:00'));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowed: [] });
  });

  it('restarts the acceptance clock on resubmission', () => {
    const s = step(created(), 'request_supplement', registry, at('2025-09-29T10:00'), { items: ['风险评估报告'] });
    if (!s.ok) throw new Error(s.error.code);
    expect(s.instance.deadline).toBeNull();
    const r = step(s.instance, 'resubmit', registrant, at('2025-10-09T09:00'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.deadline).toMatchObject({ startedOn: '2025-10-09', dueDate: '2025-10-13' });
  });

  it('refuses a guarded event until the guard holds', () => {
    const accepted = step(created(), 'accept', registry, at('2025-09-30T10:00'));
    if (!accepted.ok) throw new Error('accept');
    const r = step(accepted.instance, 'explain_overdue', registry, at('2025-10-10T10:00'), { reasons: ['x'] });
    expect(r.ok ? 'ok' : r.error.code).toBe('GUARD_REJECTED');
    // The guarded event is not offered while its guard fails, in its own refusal or another's.
    expect(r.ok ? [] : r.error.allowed).toEqual(['reject', 'pass']);
    expect(acceptedEvents(demoMachine, accepted.instance, registry, { now: at('2025-10-10T10:00'), calendar: fakeCalendar })).toEqual(['reject', 'pass']);
  });

  it('leaves out of acceptedEvents what the calendar cannot count, and what the role may not send', () => {
    const late = created(at('2026-12-20T10:00'));
    const ctx = { now: at('2026-12-22T10:00'), calendar: fakeCalendar };
    // accept starts a review reaching 2027, whose schedule the fake calendar does not have.
    expect(acceptedEvents(demoMachine, late, registry, ctx)).toEqual(['request_supplement', 'reject']);
    expect(acceptedEvents(demoMachine, late, registrant, ctx)).toEqual([]);
  });

  it('surfaces CALENDAR_NOT_PUBLISHED when a deadline reaches an unpublished year', () => {
    const i = created(at('2026-12-20T10:00'));
    const r = step(i, 'accept', registry, at('2026-12-22T10:00'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', detail: { year: 2027 } });
  });

  it('caps a deadline by an instance data field', () => {
    const r = createInstance(
      { ...demoMachine, initial: 'registered' },
      { id: 'c', actor: registry, data: { authorizedUntil: '2027-06-30' } },
      { now: at('2025-11-20T10:00'), calendar: fakeCalendar },
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.deadline?.dueDate).toBe('2027-06-30');
  });
});

describe('always-routing', () => {
  const router: MachineDefinition = {
    id: 'router',
    initial: 'submitted',
    states: { submitted: { always: 'route' }, fast: { terminal: true }, slow: { step: 'wait' } },
    transitions: [
      { from: 'submitted', event: 'route', to: 'fast', by: ['clock'], guard: 'data.kind=express' },
      { from: 'submitted', event: 'route', to: 'slow', by: ['clock'] },
    ],
    limits: { wait: { id: 'wait', value: 2, unit: 'hours', startTrigger: 'routed', basis: '-', onExpiry: 'flag_overdue' } },
  };

  it.each([
    { kind: 'express', state: 'fast', dueAt: null },
    { kind: 'normal', state: 'slow', dueAt: '2025-09-26T12:00:00+08:00' },
  ])('routes $kind to $state as the clock, recording both events', ({ kind, state, dueAt }) => {
    const r = createInstance(router, { id: 'x', actor: registrant, data: { kind } }, { now: at('2025-09-26T10:00'), calendar: fakeCalendar });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.state).toBe(state);
    expect(r.instance.deadline?.dueAt ?? null).toBe(dueAt);
    expect(r.instance.events.map((e) => [e.actor.role, e.from, e.to])).toEqual([
      ['registrant', null, 'submitted'],
      ['clock', 'submitted', state],
    ]);
  });
});
