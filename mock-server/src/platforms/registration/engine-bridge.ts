import type { EngineEvent } from '@gdx/kernel';
import { planOfficials } from './officials.js';
import type { ObjectionRecord } from './records.js';
import type { RegistrationState } from './registration-state.js';
import { applyApplicationEffects } from './side-effects.js';
import { applicationView, eventType, eventView, objectionView, registrationView } from './wire-views.js';

const RECORD_MACHINE = 'registration.record';

/**
 * Publishes an objection's latest event on the sandbox feed (its filer and the registrant are told).
 *
 * @example
 * ```ts
 * publishObjection(state, objection);
 * ```
 */
export function publishObjection(state: RegistrationState, o: ObjectionRecord): void {
  const event = o.events.at(-1);
  if (!event) return;
  const notice = state.notices.get(o.noticeId);
  const owner = notice ? state.applications.get(notice.applicationId)?.owner : undefined;
  state.sandbox.emit({
    platform: 'registration',
    objectType: 'objection',
    objectId: o.id,
    organizationId: o.filer,
    ...(owner ? { alsoNotify: [owner] } : {}),
    event: eventView(event) as { type: string },
    object: objectionView(o),
  });
  state.firing?.push({ at: event.at, platform: 'registration', objectType: 'objection', objectId: o.id, type: event.type, from: event.from, to: event.to });
}

function onEvent(state: RegistrationState, { instanceId, machine, event }: EngineEvent): void {
  const instance = state.engine.get(instanceId);
  let objectType: 'application' | 'registration';
  let organizationId: string;
  let object: unknown;
  let decided: ObjectionRecord[] = [];
  if (machine === RECORD_MACHINE) {
    const reg = state.registrations.get(instanceId);
    if (!reg) return;
    if (instance.deadline?.step === 'validity') reg.validUntil = instance.deadline.dueDate;
    const term = instance.data['authorisedTermEnd'];
    if (typeof term === 'string') reg.authorisedTermEnd = term;
    objectType = 'registration';
    organizationId = reg.owner;
    object = registrationView(state, reg);
  } else {
    const app = state.applications.get(instanceId);
    if (!app) return;
    decided = applyApplicationEffects(state, app, event);
    planOfficials(state, instance, event);
    objectType = 'application';
    organizationId = app.owner;
    object = applicationView(state, app);
  }
  state.sandbox.emit({ platform: 'registration', objectType, objectId: instanceId, organizationId, event: eventView(event) as { type: string }, object });
  state.firing?.push({ at: event.at, platform: 'registration', objectType, objectId: instanceId, type: eventType(event), from: event.from, to: event.to });
  for (const o of decided) publishObjection(state, o);
}

/**
 * Connects the engine to the sandbox: every recorded event runs the platform's side effects,
 * plans the officials' next decision, goes to the sandbox feed and webhooks (全留痕), and is
 * reported to `clock/advance` while the clock fires.
 *
 * @example
 * ```ts
 * attachBridge(state); // once, when the state is created
 * ```
 */
export function attachBridge(state: RegistrationState): void {
  state.engine.subscribe((e) => onEvent(state, e));
}
