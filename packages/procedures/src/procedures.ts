import type { GuardRegistry, MachineDefinition } from '@gdx/kernel';
import { procedureGuards } from './guards.js';
import { registrationApplicationMachine, registrationRecordMachine } from './machines/registration.js';
import type { Profile } from './profile-schema.js';

/**
 * Every machine of the four platforms under one profile, by platform, plus the flat list and
 * the guards an engine needs.
 *
 * @example
 * const p = buildProcedures(resolveProfile('xiamen'));
 * p.registration.application.initial.id; // 'registration.application.initial'
 */
export interface Procedures {
  profile: Profile;
  registration: {
    application: Record<'initial' | 'change' | 'correction' | 'cancellation', MachineDefinition>;
    record: MachineDefinition;
  };
  /** All machines, for `new WorkflowEngine({ machines })`. */
  machines: MachineDefinition[];
  guards: GuardRegistry;
}

/**
 * Builds the procedures of a profile.
 *
 * @example
 * const { machines, guards } = buildProcedures(resolveProfile('national'));
 * const engine = new WorkflowEngine({ machines, guards, calendar: WorkingCalendar.official(), clock });
 */
export function buildProcedures(profile: Profile): Procedures {
  const registration = {
    application: {
      initial: registrationApplicationMachine(profile, 'initial'),
      change: registrationApplicationMachine(profile, 'change'),
      correction: registrationApplicationMachine(profile, 'correction'),
      cancellation: registrationApplicationMachine(profile, 'cancellation'),
    },
    record: registrationRecordMachine(profile),
  };
  const machines = [...Object.values(registration.application), registration.record];
  return { profile, registration, machines, guards: procedureGuards(profile) };
}
