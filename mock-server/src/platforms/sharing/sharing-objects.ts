import type { WorkflowInstance } from '@gdx/kernel';
import type { PlatformObjects, WorkflowObject } from '../../app/workflow-objects.js';
import { grantObject, instanceObject } from '../workflow-host/index.js';
import type { GrantRecord, SharingState } from './sharing-state.js';

const OBJECT_TYPES: Readonly<Record<string, string>> = {
  'sharing.request': 'request',
  'sharing.data-objection': 'data_objection',
  'sharing.quality-issue': 'quality_issue',
};

function instanceOf(state: SharingState, instance: WorkflowInstance): WorkflowObject {
  return instanceObject(state.host, instance, {
    objectType: OBJECT_TYPES[instance.machine] ?? instance.machine,
    title: state.requests.get(instance.id)?.resourceName ?? null,
  });
}

function grantOf(state: SharingState, grant: GrantRecord): WorkflowObject {
  return grantObject(state.host, { grant, title: state.requests.get(grant.requestId)?.resourceName ?? null, issuedBy: grant.requestId, action: 'revoke' });
}

/**
 * The sharing platform's workflow objects: requests, data objections and quality issues
 * (kernel instances) and grants (issued on delivery, revoked through their request).
 *
 * @example
 * ```ts
 * sharingObjects.get(state, 'request', 'shr_1')?.state; // 'under_review'
 * ```
 */
export const sharingObjects: PlatformObjects<SharingState> = {
  *list(state) {
    for (const instance of state.host.engine.list()) yield instanceOf(state, instance);
    for (const grant of state.grants.values()) yield grantOf(state, grant);
  },
  get(state, objectType, objectId) {
    if (objectType === 'grant') {
      const grant = state.grants.get(objectId);
      return grant ? grantOf(state, grant) : undefined;
    }
    const instance = state.host.get(objectId);
    const object = instance ? instanceOf(state, instance) : undefined;
    return object?.objectType === objectType ? object : undefined;
  },
};
