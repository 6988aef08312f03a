import { describe, expect, it } from 'vitest';
import { acceptedEvents, createInstance, payloadGuard, transition, type GuardRegistry, type MachineDefinition, type TransitionContext, type WorkflowInstance } from '../src/index.js';
import { at, fakeCalendar } from './fake-calendar.js';

// A guard on the payload (a signed term within a cap) cannot pass the payload-free dry run of
// `acceptedEvents`: marked `readsPayload`, its event is listed as one the actor may send with the
// right body, while the guards on the instance (built-in and registered) are still evaluated.

const signing: MachineDefinition = {
  id: 'signing',
  initial: 'deliberating',
  states: { deliberating: { step: 'deliberation' }, signed: { step: 'filing' }, failed: { terminal: true } },
  transitions: [
    { from: 'deliberating', event: 'sign', to: 'signed', by: ['body'], guard: 'termWithinCap', guardError: 'TERM_EXCEEDS_CAP', requires: ['term'] },
    { from: 'deliberating', event: 'co_sign', to: 'signed', by: ['body'], guard: 'termWithinCapUnmarked' },
    { from: 'deliberating', event: 'fast_track', to: 'signed', by: ['body'], guard: 'data.fastTrack' },
    { from: 'deliberating', event: 'renegotiate', to: 'deliberating', by: ['body'], guard: 'notOnHold' },
    { from: 'deliberating', event: 'fail', to: 'failed', by: ['body'], requires: ['reasons'] },
    { from: 'signed', event: 'file', to: 'signed', by: ['authority'] },
  ],
  limits: {
    deliberation: { id: 'deliberation', value: 20, unit: 'working_days', startTrigger: 'selected', basis: '-', onExpiry: 'flag_overdue' },
    filing: { id: 'filing', value: 5, unit: 'working_days', startTrigger: 'signed', basis: '-', onExpiry: 'flag_overdue' },
  },
};

const withinCap = (_instance: WorkflowInstance, input: { payload?: Record<string, unknown> }) => typeof input.payload?.['term'] === 'number' && input.payload['term'] <= 5;

const guards: GuardRegistry = {
  termWithinCap: payloadGuard(withinCap),
  // The same condition, not marked: the dry run judges it without a payload, and it fails.
  termWithinCapUnmarked: (instance, input) => withinCap(instance, input),
  notOnHold: (instance) => instance.data['onHold'] !== true,
};

const body = { role: 'body' };

function deliberating(data: Record<string, unknown> = {}): WorkflowInstance {
  const r = createInstance(signing, { id: 's1', actor: body, data }, { now: at('2025-09-26T10:00'), calendar: fakeCalendar, guards });
  if (!r.ok) throw new Error(r.error.code);
  return r.instance;
}

const ctx: TransitionContext = { now: at('2025-09-29T10:00'), calendar: fakeCalendar, guards };

describe('guards that read the payload', () => {
  it('are listed by acceptedEvents; unmarked ones are not', () => {
    expect(acceptedEvents(signing, deliberating(), body, ctx)).toEqual(['sign', 'renegotiate', 'fail']);
  });

  it('leave the guards on the instance evaluated', () => {
    expect(acceptedEvents(signing, deliberating({ fastTrack: true, onHold: true }), body, ctx)).toEqual(['sign', 'fast_track', 'fail']);
  });

  it('are listed in the allowed events of another refusal', () => {
    const r = transition(signing, deliberating(), { type: 'file', actor: body }, ctx);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowed: ['sign', 'renegotiate', 'fail'] });
  });

  it('are still evaluated on the payload sent: a refused one is not listed in its own refusal', () => {
    const over = transition(signing, deliberating(), { type: 'sign', actor: body, payload: { term: 8 } }, ctx);
    expect(over.ok ? null : over.error).toMatchObject({ code: 'TERM_EXCEEDS_CAP', allowed: ['renegotiate', 'fail'] });
    const within = transition(signing, deliberating(), { type: 'sign', actor: body, payload: { term: 3 } }, ctx);
    expect(within.ok && within.instance.state).toBe('signed');
  });

  it('keep the function as it was: the registry entry is the guard itself, marked', () => {
    const test = () => true;
    const marked = payloadGuard(test);
    expect(marked).toBe(test);
    expect(marked.readsPayload).toBe(true);
  });

  it('leave the state\'s role and calendar checks in place', () => {
    expect(acceptedEvents(signing, deliberating(), { role: 'authority' }, ctx)).toEqual([]);
    // `signed` starts a filing deadline reaching 2027, whose schedule the fake calendar lacks:
    // the payload guard passing does not list `sign` then.
    const late = createInstance(signing, { id: 's2', actor: body }, { now: at('2026-12-01T10:00'), calendar: fakeCalendar, guards });
    if (!late.ok) throw new Error(late.error.code);
    expect(acceptedEvents(signing, late.instance, body, { ...ctx, now: at('2026-12-28T10:00') })).toEqual(['renegotiate', 'fail']);
  });
});
