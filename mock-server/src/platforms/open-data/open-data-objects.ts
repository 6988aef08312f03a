import type { WorkflowInstance } from '@gdx/kernel';
import type { PlatformObjects, WorkflowObject } from '../../app/workflow-objects.js';
import { grantObject, instanceObject } from '../workflow-host/index.js';
import type { GrantRecord, OpenDataState } from './open-data-state.js';

const OBJECT_TYPES: Readonly<Record<string, string>> = {
  'open-data.application': 'application',
  'open-data.demand': 'demand',
  'open-data.data-objection': 'data_objection',
};

/** A grant's usage-reporting instance shares the grant's id: the grant record shows it. */
const USAGE_REPORTING = 'open-data.usage-reporting';

function titleOf(state: OpenDataState, id: string): string | null {
  return state.applications.get(id)?.datasets[0]?.title ?? state.demands.get(id)?.submission.title ?? null;
}

function instanceOf(state: OpenDataState, instance: WorkflowInstance): WorkflowObject {
  return instanceObject(state.host, instance, { objectType: OBJECT_TYPES[instance.machine] ?? instance.machine, title: titleOf(state, instance.id) });
}

function grantOf(state: OpenDataState, grant: GrantRecord): WorkflowObject {
  return grantObject(state.host, { grant, title: titleOf(state, grant.applicationId), issuedBy: grant.applicationId, action: 'suspend' });
}

/**
 * The open-data platform's workflow objects: applications, demands and data objections (kernel
 * instances) and grants (issued on approval, suspended through their application).
 *
 * @example
 * ```ts
 * openDataObjects.get(state, 'application', 'oda_1')?.actions(); // [{ action: 'pass_initial_review', role: 'platform_operator' }, …]
 * ```
 */
export const openDataObjects: PlatformObjects<OpenDataState> = {
  *list(state) {
    for (const instance of state.host.engine.list()) if (instance.machine !== USAGE_REPORTING) yield instanceOf(state, instance);
    for (const grant of state.grants.values()) yield grantOf(state, grant);
  },
  get(state, objectType, objectId) {
    if (objectType === 'grant') {
      const grant = state.grants.get(objectId);
      return grant ? grantOf(state, grant) : undefined;
    }
    const instance = state.host.get(objectId);
    if (!instance || instance.machine === USAGE_REPORTING) return undefined;
    const object = instanceOf(state, instance);
    return object.objectType === objectType ? object : undefined;
  },
};
