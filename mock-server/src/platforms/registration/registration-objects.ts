import type { WorkflowInstance } from '@gdx/kernel';
import { objectRow, type OfferedAction, type PlatformObjects, type WorkflowObject } from '../../app/workflow-objects.js';
import { accepts, instanceObject, instanceRow, wireEvent } from '../workflow-host/index.js';
import { registryActing } from './issue-code.js';
import type { ObjectionRecord } from './records.js';
import { RECORD_MACHINE } from './registration-binding.js';
import type { RegistrationState } from './registration-state.js';

const OBJECTION_LABELS: Readonly<Record<ObjectionRecord['state'], { zh: string; en: string }>> = {
  filed: { zh: '待处理', en: 'Filed' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
  closed: { zh: '已终结（申请随登记结束而终止）', en: 'Closed (the application ended with its registration)' },
};

/** The data name of an application (its resource, else the registration it changes) or registration. */
function titleOf(state: RegistrationState, instance: WorkflowInstance): string | null {
  const registration = state.registrations.get(instance.id);
  if (registration) return registration.dataName || null;
  const app = state.applications.get(instance.id);
  const resource = app?.submission['resource'] as { name?: unknown } | undefined;
  if (typeof resource?.name === 'string') return resource.name;
  const changed = app?.registrationId ? state.registrations.get(app.registrationId) : undefined;
  return changed?.dataName || null;
}

function objectTypeOf(instance: WorkflowInstance): string {
  return instance.machine === RECORD_MACHINE ? 'registration' : 'application';
}

function instanceOf(state: RegistrationState, instance: WorkflowInstance): WorkflowObject {
  return instanceObject(state.host, instance, {
    objectType: objectTypeOf(instance),
    title: titleOf(state, instance),
    ...registryActing(state),
  });
}

/**
 * The registry's decisions on a filed objection, as `actOnObjection` takes them: dismissing one
 * of several pending objections decides only it; otherwise the application's machine decides.
 */
function objectionActions(state: RegistrationState, o: ObjectionRecord): OfferedAction[] {
  if (o.state !== 'filed') return [];
  const notice = state.notices.get(o.noticeId);
  const app = notice ? state.host.get(notice.applicationId) : undefined;
  if (!notice || !app) return [];
  const othersPending = notice.objectionIds.some((id) => id !== o.id && state.objections.get(id)?.state === 'filed');
  return ['uphold_objection', 'dismiss_objection']
    .filter((action) => (action === 'dismiss_objection' && othersPending) || accepts(state.host, app, action, 'registry'))
    .map((action) => ({ action, role: 'registry' }));
}

function objectionOf(state: RegistrationState, o: ObjectionRecord): WorkflowObject {
  return {
    objectType: 'objection',
    objectId: o.id,
    state: o.state,
    terminal: o.state !== 'filed',
    title: null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    deadline: null,
    events: () => o.events.map((e) => wireEvent(e)),
    label: (s) => OBJECTION_LABELS[s as ObjectionRecord['state']],
    actions: () => objectionActions(state, o),
  };
}

/**
 * The registration platform's workflow objects: applications and registrations (kernel
 * instances, acted on by the registry) and notice objections (kept beside the engine).
 *
 * @example
 * ```ts
 * registrationObjects.get(state, 'application', 'rga_1')?.actions(); // [{ action: 'accept', role: 'registry' }, …]
 * ```
 */
export const registrationObjects: PlatformObjects<RegistrationState> = {
  *list(state) {
    for (const instance of state.host.engine.list()) yield instanceOf(state, instance);
    for (const o of state.objections.values()) yield objectionOf(state, o);
  },
  *rows(state) {
    const build = (instance: WorkflowInstance) => instanceOf(state, instance);
    for (const instance of state.host.engine.list()) yield instanceRow(state.host, instance, objectTypeOf(instance), build);
    for (const o of state.objections.values()) yield objectRow(objectionOf(state, o));
  },
  get(state, objectType, objectId) {
    if (objectType === 'objection') {
      const o = state.objections.get(objectId);
      return o ? objectionOf(state, o) : undefined;
    }
    const instance = state.host.get(objectId);
    const object = instance ? instanceOf(state, instance) : undefined;
    return object?.objectType === objectType ? object : undefined;
  },
};
