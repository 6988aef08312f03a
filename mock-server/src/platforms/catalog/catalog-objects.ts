import type { WorkflowInstance } from '@gdx/kernel';
import type { PlatformObjects, WorkflowObject } from '../../app/workflow-objects.js';
import { instanceObject, instanceRow } from '../workflow-host/index.js';
import type { CatalogState } from './catalog-state.js';
import { officialRole } from './official-actions.js';
import { objectTypeOf } from './workflow/catalog-binding.js';

function instanceOf(state: CatalogState, instance: WorkflowInstance): WorkflowObject {
  const name = state.workflow.entries.get(instance.id)?.content['name'];
  // The roles `actAsOfficial` acts as: the data authority, the city government for its decision; obligations take none.
  return instanceObject(state.workflow.host, instance, { objectType: objectTypeOf(instance), title: typeof name === 'string' ? name : null, role: officialRole });
}

/**
 * The catalog's workflow objects: entries (published, returned or withdrawn by the data
 * authority) and the providers' update obligations.
 *
 * @example
 * ```ts
 * catalogObjects.get(state, 'entry', 'ent_1')?.actions(); // [{ action: 'publish', role: 'data_authority' }, …] while submitted
 * ```
 */
export const catalogObjects: PlatformObjects<CatalogState> = {
  *list(state) {
    for (const instance of state.workflow.host.engine.list()) yield instanceOf(state, instance);
  },
  *rows(state) {
    const build = (instance: WorkflowInstance) => instanceOf(state, instance);
    for (const instance of state.workflow.host.engine.list()) yield instanceRow(state.workflow.host, instance, objectTypeOf(instance), build);
  },
  get(state, objectType, objectId) {
    const instance = state.workflow.host.get(objectId);
    const object = instance ? instanceOf(state, instance) : undefined;
    return object?.objectType === objectType ? object : undefined;
  },
};
