import { shanghaiDay, type WorkflowInstance } from '@gdx/kernel';
import type { PlatformObjects, WorkflowObject } from '../../app/workflow-objects.js';
import { instanceObject, instanceRow } from '../workflow-host/index.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { OBJECT_TYPES } from './ao-binding.js';
import { authorizationDuties } from './authorization-duties.js';
import { authorizationActing } from './evaluation-check.js';

/** A human title of an object: the plan's, product's or scenario's name, the authorization's operator. */
function titleOf(state: AuthorizedOperationState, id: string): string | null {
  return (
    state.plans.get(id)?.content.name ??
    state.products.get(id)?.content.name ??
    state.authorizations.get(id)?.operator.name ??
    (state.requests.get(id)?.submission['scenario'] as { name?: string } | undefined)?.name ??
    null
  );
}

/** What the officials' actions fill in themselves (`ao-sim.ts`): signing without an agreement signs the deliberated one. */
const SUPPLIED: Readonly<Record<string, readonly string[]>> = { sign: ['agreement'] };

function objectTypeOf(instance: WorkflowInstance): string {
  return OBJECT_TYPES[instance.machine] ?? instance.machine;
}

function objectOf(state: AuthorizedOperationState, instance: WorkflowInstance): WorkflowObject {
  // An authorization offers no evaluation it would refuse (one a year, of an ended year of the term).
  const authorization = state.authorizations.get(instance.id);
  const acting = authorization ? authorizationActing(authorization, shanghaiDay(state.sandbox.now())) : {};
  const object = instanceObject(state.host, instance, { objectType: objectTypeOf(instance), title: titleOf(state, instance.id), supplies: SUPPLIED, ...acting });
  return authorization ? { ...object, duties: () => authorizationDuties(state, instance) } : object;
}

/**
 * The platform's workflow objects for the simulation API (objects, timelines): plans,
 * selections, authorizations, data access requests and products.
 *
 * @example
 * ```ts
 * authorizedOperationObjects.get(state, 'authorization', 'aoa_1')?.state; // 'active'
 * ```
 */
export const authorizedOperationObjects: PlatformObjects<AuthorizedOperationState> = {
  *list(state) {
    for (const instance of state.host.engine.list()) if (instance.machine in OBJECT_TYPES) yield objectOf(state, instance);
  },
  *rows(state) {
    const build = (instance: WorkflowInstance) => objectOf(state, instance);
    for (const instance of state.host.engine.list()) {
      if (!(instance.machine in OBJECT_TYPES)) continue;
      // An authorization's duties count in the list's `overdue` and `nextDueAt`, as its object's do.
      const duties = state.authorizations.has(instance.id) ? () => authorizationDuties(state, instance) : undefined;
      yield instanceRow(state.host, instance, objectTypeOf(instance), build, duties);
    }
  },
  get(state, objectType, objectId) {
    const instance = state.host.get(objectId);
    const object = instance && instance.machine in OBJECT_TYPES ? objectOf(state, instance) : undefined;
    return object?.objectType === objectType ? object : undefined;
  },
};
