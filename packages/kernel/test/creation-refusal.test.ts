import { describe, expect, it } from 'vitest';
import { createInstance, creationRefusal, type MachineDefinition, type TransitionContext } from '../src/index.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

const registrant = { role: 'registrant' };

/** A machine whose initial state runs a step of `years` years and, with `always`, leaves at once for a second step. */
function machineOf(years: number, always: boolean): MachineDefinition {
  return {
    id: 'duty',
    initial: 'received',
    states: { received: always ? { step: 'first', always: 'route' } : { step: 'long' }, routed: { step: 'long' } },
    transitions: [{ from: 'received', event: 'route', to: 'routed', by: ['clock'] }],
    limits: {
      first: { id: 'first', value: 3, unit: 'working_days', startTrigger: 'received', basis: '—', onExpiry: 'flag_overdue' },
      long: { id: 'long', value: years, unit: 'years', startTrigger: 'received', basis: '—', onExpiry: 'flag_overdue' },
    },
  };
}

/** What `createInstance` answers, as `creationRefusal` should: its refusal, or `undefined`. */
function createdRefusal(machine: MachineDefinition, ctx: TransitionContext, startedOn?: string) {
  const result = createInstance(machine, { id: 'x', actor: registrant, startedOn }, ctx);
  return result.ok ? undefined : result.error;
}

describe('creationRefusal answers what createInstance would', () => {
  const ctx: TransitionContext = { now: at('2025-09-26T10:00'), calendar: fakeCalendar };

  it.each([
    ['a deadline inside the published years', machineOf(1, false), undefined],
    ['a deadline in an unpublished year', machineOf(3, false), undefined],
    ['an always-chain into a deadline in an unpublished year', machineOf(3, true), undefined],
    ['an always-chain into a deadline inside the published years', machineOf(1, true), undefined],
    ['a start day given', machineOf(1, false), '2025-09-01'],
    ['the demo machine', demoMachine, undefined],
  ])('%s', (_name, machine, startedOn) => {
    const expected = createdRefusal(machine, ctx, startedOn);
    expect(creationRefusal(machine, { actor: registrant, startedOn }, ctx)).toEqual(expected);
  });

  it('refuses a creation whose first deadline falls in a year the calendar has not published', () => {
    expect(creationRefusal(machineOf(3, false), { actor: registrant }, ctx)).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', blocked: true });
    expect(creationRefusal(machineOf(3, true), { actor: registrant }, ctx)).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED' });
    expect(creationRefusal(machineOf(1, false), { actor: registrant }, ctx)).toBeUndefined();
  });
});
