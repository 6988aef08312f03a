import type { MachineDefinition } from '@gdx/kernel';
import type { Profile } from '../../profile-schema.js';
import { authorizationMachine } from './authorization.js';
import { dataAccessMachine } from './data-access.js';
import { planMachine } from './plan.js';
import { productMachine } from './product.js';
import { selectionMachine } from './selection.js';

/**
 * The authorized-operation platform's five procedures under one profile.
 *
 * @example
 * authorizedOperationMachines(resolveProfile('inner-mongolia')).selection.id; // 'authorized-operation.selection'
 */
export function authorizedOperationMachines(profile: Profile): {
  plan: MachineDefinition;
  selection: MachineDefinition;
  authorization: MachineDefinition;
  dataAccess: MachineDefinition;
  product: MachineDefinition;
} {
  return {
    plan: planMachine(profile),
    selection: selectionMachine(profile),
    authorization: authorizationMachine(profile),
    dataAccess: dataAccessMachine(profile),
    product: productMachine(profile),
  };
}

export { authorizationMachine, dataAccessMachine, planMachine, productMachine, selectionMachine };
