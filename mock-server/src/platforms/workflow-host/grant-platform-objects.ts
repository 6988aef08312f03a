import type { WorkflowInstance } from '@gdx/kernel';
import { objectRow, type PlatformObjects, type WorkflowObject } from '../../app/workflow-objects.js';
import { instanceObject, instanceRow } from './host-objects.js';
import type { WorkflowHost } from './workflow-host.js';

/** What a platform of kernel instances and grants kept beside them tells {@link grantPlatformObjects}. */
export interface GrantPlatform<S, G> {
  host(state: S): WorkflowHost;
  /** The object type of each machine's instances (`'sharing.request'` → `'request'`). */
  objectTypes: Readonly<Record<string, string>>;
  /** Machines whose instances belong to another object and are not objects of their own. */
  parts?: ReadonlySet<string>;
  /** The title of an instance's object (the resource or dataset it is about), or `null`. */
  title(state: S, instanceId: string): string | null;
  grants(state: S): ReadonlyMap<string, G>;
  /** A grant as a workflow object (see `grantObject`). */
  grant(state: S, grant: G): WorkflowObject;
}

/**
 * The workflow objects of a platform whose kernel instances issue grants (sharing requests,
 * open-data applications): every instance but the parts as an object of its machine's type, and
 * every grant as a `grant`.
 *
 * @example
 * ```ts
 * export const sharingObjects = grantPlatformObjects<SharingState, GrantRecord>({ host: (s) => s.host, objectTypes, title, grants: (s) => s.grants, grant });
 * ```
 */
export function grantPlatformObjects<S, G>(platform: GrantPlatform<S, G>): PlatformObjects<S> {
  const isPart = (instance: WorkflowInstance) => platform.parts?.has(instance.machine) === true;
  const objectTypeOf = (instance: WorkflowInstance) => platform.objectTypes[instance.machine] ?? instance.machine;
  const instanceOf = (state: S, instance: WorkflowInstance) =>
    instanceObject(platform.host(state), instance, { objectType: objectTypeOf(instance), title: platform.title(state, instance.id) });
  return {
    *list(state) {
      for (const instance of platform.host(state).engine.list()) if (!isPart(instance)) yield instanceOf(state, instance);
      for (const grant of platform.grants(state).values()) yield platform.grant(state, grant);
    },
    *rows(state) {
      const host = platform.host(state);
      const build = (instance: WorkflowInstance) => instanceOf(state, instance);
      for (const instance of host.engine.list()) if (!isPart(instance)) yield instanceRow(host, instance, objectTypeOf(instance), build);
      for (const grant of platform.grants(state).values()) yield objectRow(platform.grant(state, grant));
    },
    get(state, objectType, objectId) {
      if (objectType === 'grant') {
        const grant = platform.grants(state).get(objectId);
        return grant ? platform.grant(state, grant) : undefined;
      }
      const instance = platform.host(state).get(objectId);
      if (!instance || isPart(instance)) return undefined;
      const object = instanceOf(state, instance);
      return object.objectType === objectType ? object : undefined;
    },
  };
}
