// A machine may enter its initial state without the state's step when a guard says so
// (`MachineDefinition.creations`): a negotiation's `selecting` runs no tender period, so its first
// event must carry no deadline (it used to, until an always-event cleared it in a second one).
import { describe, expect, it } from 'vitest';
import { createInstance, creationRefusal, type MachineDefinition, type TransitionContext } from '../src/index.js';
import { at, fakeCalendar } from './fake-calendar.js';

const body = { role: 'implementing_body' };

const selection: MachineDefinition = {
  id: 'selection',
  initial: 'selecting',
  states: { selecting: { step: 'period' }, selected: { terminal: true } },
  transitions: [{ from: 'selecting', event: 'select', to: 'selected', by: ['implementing_body'] }],
  limits: { period: { id: 'period', value: 20, unit: 'calendar_days', startTrigger: 'selection_started', basis: '—', onExpiry: 'flag_overdue' } },
  creations: [{ guard: 'data.method=negotiation', deadline: 'clear' }],
};

describe('guarded creations', () => {
  const ctx: TransitionContext = { now: at('2025-09-26T10:00'), calendar: fakeCalendar };

  it('enter the initial state without its step when the guard passes: one event, no deadline, no timer', () => {
    const r = createInstance(selection, { id: 'n', actor: body, data: { method: 'negotiation' } }, ctx);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance).toMatchObject({ state: 'selecting', deadline: null, timer: null });
    expect(r.instance.events.map((e) => [e.type, e.deadline])).toEqual([['state_changed', null]]);
    expect(r.effects.map((e) => e.type)).toEqual(['emit']);
  });

  it('leave the plain entry to every other instance', () => {
    const r = createInstance(selection, { id: 't', actor: body, data: { method: 'open_tender' } }, ctx);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.instance.events[0]?.deadline).toMatchObject({ step: 'period', limit: 20 });
  });

  it('are what creationRefusal reads: a cleared entry reaches no unpublished year', () => {
    const longer: MachineDefinition = { ...selection, limits: { period: { ...selection.limits!['period']!, value: 5, unit: 'years' } } };
    expect(creationRefusal(longer, { actor: body, data: { method: 'open_tender' } }, ctx)).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED' });
    expect(creationRefusal(longer, { actor: body, data: { method: 'negotiation' } }, ctx)).toBeUndefined();
  });
});
