import { type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { REGISTRATION_TYPES } from '@gdx/procedures';
import { officialOrganisation, wireEvent, type HostBinding, type WireMapping } from '../workflow-host/index.js';
import type { ApplicationRecord, ObjectionRecord, RegistrationRecord } from './records.js';
import { alsoNotified, applicationRegistrants, notifiedCoRegistrants } from './co-registrants.js';
import type { RegistrationState } from './registration-state.js';
import { REGISTRATION_LIST_KEYS, registrationListings } from './registration-listings.js';
import { endPendingApplications } from './pending-applications.js';
import { applyApplicationEffects, resolveObjections } from './side-effects.js';
import { applicationView, objectionView, registrationView } from './wire-views.js';

/** No further organisation to notify (shared: asked for every event published). */
const NOBODY: readonly string[] = [];

/** The machine of a registration (登记结果). */
export const RECORD_MACHINE = 'registration.record';

/** Event types of docs/design.md for transitions the application machines record as plain `state_changed`. */
const TYPED_EVENTS: Readonly<Record<string, string>> = { request_supplements: 'supplement_requested', object: 'objection_filed' };

/** An application: typed events, and an acceptance clock restarted by a resubmission says so (第十条). */
const APPLICATION_WIRE: WireMapping = {
  eventType: (e) => (e.type === 'state_changed' && e.event ? TYPED_EVENTS[e.event] : undefined),
  startTrigger: (e) => (e.event === 'resubmit' && e.deadline?.step === 'acceptance' ? 'resubmitted' : undefined),
};

/**
 * A registration: its first event is the coding (`code_issued`); a renewal's validity runs from
 * the previous expiry (续展, 自上一届有效期满次日起计算) and says so.
 */
const RECORD_WIRE: WireMapping = {
  eventType: (e) => (e.type === 'state_changed' && e.from === null && e.to === 'registered' ? 'code_issued' : undefined),
  startTrigger: (e) => (e.event === 'renew' && e.deadline?.step === 'validity' ? 'renewed' : undefined),
};

/**
 * Publishes an objection's latest event on the sandbox feed (its filer and the application's registrants are told).
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
  const app = notice ? state.applications.get(notice.applicationId) : undefined;
  // Every registrant of a joint application under notice is told, the filer first.
  const notified = app ? [app.owner, ...notifiedCoRegistrants(state, applicationRegistrants(state, app), app.owner)] : undefined;
  state.host.publish({ objectType: 'objection', objectId: o.id, organizationId: o.filer, ...(notified ? { alsoNotify: notified } : {}), event: wireEvent(event), object: () => objectionView(o) });
}

/**
 * A registration follows its record instance: validity, authorised term, grounds of an ending;
 * its end (expired, cancelled, revoked) ends the applications still pending on it.
 */
function onRecordEvent(state: RegistrationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  const reg = state.registrations.get(instance.id);
  if (!reg) return;
  if (instance.deadline?.step === 'validity') reg.validUntil = instance.deadline.dueDate;
  const term = instance.data['authorisedTermEnd'];
  if (typeof term === 'string') reg.authorisedTermEnd = term;
  const ground = event.data?.['ground'];
  if (typeof ground === 'string' && event.event === 'revoke') reg.revocationGround = ground;
  if (typeof ground === 'string' && event.event === 'cancel') reg.cancellationGround = ground;
  if (event.from === 'registered' && event.to !== null && event.to !== 'registered') endPendingApplications(state, reg.id, event.to);
}

/**
 * How the registration platform's kernel instances map to its objects: applications (one machine
 * per type) and registrations, owned by the registrant; the registry acts for no organisation of
 * the sandbox. Accepted events run the platform's side effects (notices, coding, cancellation)
 * before they are published, and the objections an objection decision settled after it.
 *
 * @example
 * ```ts
 * const host = new WorkflowHost(sandbox, registrationBinding(state));
 * ```
 */
export function registrationBinding(state: RegistrationState): HostBinding {
  const recordOf = (id: string): ApplicationRecord | RegistrationRecord | undefined => state.registrations.get(id) ?? state.applications.get(id);
  const wire = Object.fromEntries(REGISTRATION_TYPES.map((t) => [`registration.application.${t}`, APPLICATION_WIRE]));
  return {
    platform: 'registration',
    wire: { ...wire, [RECORD_MACHINE]: RECORD_WIRE },
    objectType: (i) => (i.machine === RECORD_MACHINE ? 'registration' : 'application'),
    owner: (i) => recordOf(i.id)?.owner ?? null,
    // The other registrants of a joint application or registration, and the registration's holders
    // for an interested party's correction. Its own lookup (two map reads), so that it answers the
    // same whatever the host asked before it.
    alsoNotify: (i) => {
      const record = recordOf(i.id);
      return record ? alsoNotified(state, record) : NOBODY;
    },
    view: (i) => {
      const reg = state.registrations.get(i.id);
      if (reg) return registrationView(state, reg);
      const app = state.applications.get(i.id);
      return app ? applicationView(state, app) : { id: i.id, state: i.state };
    },
    // The registry's decisions name the sandbox's seeded registry (公共数据资源登记中心) unless the action names one.
    official: (_i, role) => officialOrganisation(state.sandbox, role)?.id ?? null,
    onEvent: (i, e) => {
      if (i.machine === RECORD_MACHINE) return onRecordEvent(state, i, e);
      const app = state.applications.get(i.id);
      if (app) applyApplicationEffects(state, app, e);
    },
    afterEvent: (i, e) => {
      const app = state.applications.get(i.id);
      if (app) for (const o of resolveObjections(state, app, e)) publishObjection(state, o);
    },
    listings: registrationListings(state),
    listKeys: REGISTRATION_LIST_KEYS,
  };
}
