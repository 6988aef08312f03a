import type { GuardRegistry, MachineDefinition } from '@gdx/kernel';
import { procedureGuards } from './guards.js';
import { authorizedOperationMachines } from './machines/authorized-operation/index.js';
import { catalogMachines } from './machines/catalog.js';
import { openDataMachines } from './machines/open-data.js';
import { registrationMachines } from './machines/registration.js';
import { sharingMachines } from './machines/sharing.js';
import type { Profile } from './profile-schema.js';

/**
 * Every machine of the five platforms under one profile, by platform, plus the flat list and
 * the guards an engine needs.
 *
 * @example
 * const p = buildProcedures(resolveProfile('xiamen'));
 * p.registration.application.initial.id; // 'registration.application.initial'
 */
export interface Procedures {
  profile: Profile;
  registration: ReturnType<typeof registrationMachines>;
  sharing: ReturnType<typeof sharingMachines>;
  openData: ReturnType<typeof openDataMachines>;
  catalog: ReturnType<typeof catalogMachines>;
  authorizedOperation: ReturnType<typeof authorizedOperationMachines>;
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
  const registration = registrationMachines(profile);
  const sharing = sharingMachines(profile);
  const openData = openDataMachines(profile);
  const catalog = catalogMachines(profile);
  const authorizedOperation = authorizedOperationMachines(profile);
  const machines = [
    ...Object.values(registration.application),
    registration.record,
    ...Object.values(sharing),
    ...Object.values(openData),
    catalog.entry,
    ...Object.values(catalog.obligation),
    ...Object.values(authorizedOperation),
  ];
  return { profile, registration, sharing, openData, catalog, authorizedOperation, machines, guards: procedureGuards(profile) };
}
