import { type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { REGISTRATION_TYPES } from '@gdx/procedures';
import type { Organisation } from '../../app/platform-module.js';
import { officialOrganisation, wireEvent, type HostBinding, type WireMapping } from '../workflow-host/index.js';
import type { ApplicationRecord, ObjectionRecord, RegistrationRecord } from './records.js';
import { applicationNotified, applicationRegistrants, notifiedCoRegistrants, registrationNotified } from './co-registrants.js';
import type { RegistrationState } from './registration-state.js';
import { REGISTRATION_LIST_KEYS, registrationListings } from './registration-listings.js';
import { endPendingApplications } from './pending-applications.js';
import { applyApplicationEffects, resolveObjections } from './side-effects.js';
import { applicationView, objectionView, registrationView } from './wire-views.js';

/** No further organisation to notify (shared: asked for every event published). */
const NOBODY: readonly string[] = [];

/** The machine of a registration (登记结果). */
export const RECORD_MACHINE = 'registration.record';

/**
 * Event types of docs/design.md for transitions the application machines record as plain
 * `state_changed`. A map: a property read keyed by the event's name (a new name each phase of a
 * clock advance) deoptimized the feed's type reading (`wrong name`); a map's `get` does not.
 */
const TYPED_EVENTS: ReadonlyMap<string, string> = new Map([
  ['request_supplements', 'supplement_requested'],
  ['object', 'objection_filed'],
]);

/**
 * The contract's event type of an application's or a registration's event, one function for both
 * machines (the feed calls it for every event; a second function, first called when the first
 * registration was coded in a later phase of a clock advance, deoptimized the feed's append):
 * - an application's transitions recorded as plain `state_changed` are typed (`TYPED_EVENTS`);
 * - a registration's first event is its coding (`code_issued`).
 * The two never mix: the record machine has none of `TYPED_EVENTS`' events, and an application is
 * never created `registered` (a creation has no `event`).
 */
const registrationEventType = (e: WorkflowEvent): string | undefined => {
  if (e.type !== 'state_changed') return undefined;
  if (e.from === null) return e.to === 'registered' ? 'code_issued' : undefined;
  return e.event ? TYPED_EVENTS.get(e.event) : undefined;
};

/** An application: typed events, and an acceptance clock restarted by a resubmission says so (第十条). */
const APPLICATION_WIRE: WireMapping = {
  eventType: registrationEventType,
  startTrigger: (e) => (e.event === 'resubmit' && e.deadline?.step === 'acceptance' ? 'resubmitted' : undefined),
};

/**
 * A registration: its first event is the coding (`code_issued`); a renewal's validity runs from
 * the previous expiry (续展, 自上一届有效期满次日起计算) and says so.
 */
const RECORD_WIRE: WireMapping = {
  eventType: registrationEventType,
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
function onRecordEvent(state: RegistrationState, reg: RegistrationRecord, instance: WorkflowInstance, event: WorkflowEvent): void {
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
  // An instance's record: asked by the host once per instance (`record`, which the engine then
  // keeps with the instance and hands back with each event) and by `view`. The record found last
  // is kept with its id. A record is set once per id and never replaced or dropped (a restore
  // builds a new state, binding and engine together), so a kept one stays right whatever was asked
  // before; a miss is not kept. Each machine's records live in one map: a registration's in
  // `registrations`, an application's in `applications`.
  const { applications, registrations } = state;
  let lastId: string | undefined;
  let lastRecord: ApplicationRecord | RegistrationRecord | undefined;
  const recordOf = (i: WorkflowInstance): ApplicationRecord | RegistrationRecord | undefined => {
    const { id } = i;
    if (id === lastId) return lastRecord;
    // One `get` on the machine's map, both maps read once (they are never replaced): a second
    // call site and a property read first reached when the first registration was coded, in a
    // later phase of a clock advance, deoptimized this function there.
    const records: ReadonlyMap<string, ApplicationRecord | RegistrationRecord> = i.machine === RECORD_MACHINE ? registrations : applications;
    const found = records.get(id);
    if (found !== undefined) {
      lastId = id;
      lastRecord = found;
    }
    return found;
  };
  // The official of a role, asked for every decision officials plan: found once per role among
  // the sandbox's organisations, which are seeded with it and never change (a new list, e.g. a
  // restored sandbox's, is read afresh).
  let organisations: readonly Organisation[] | undefined;
  const officialByRole = new Map<string, string | null>();
  const officials = (role: string): string | null => {
    const current = state.sandbox.organisations();
    if (current !== organisations) {
      organisations = current;
      officialByRole.clear();
    }
    let id = officialByRole.get(role);
    if (id === undefined) officialByRole.set(role, (id = officialOrganisation(state.sandbox, role)?.id ?? null));
    return id;
  };
  const wire = Object.fromEntries(REGISTRATION_TYPES.map((t) => [`registration.application.${t}`, APPLICATION_WIRE]));
  // The record the host was given with an event (`HostBinding.record`, kept with the instance by
  // the engine), else looked up: a 10,000-entry map's `get` per event was a cache miss each.
  type AnyRecord = ApplicationRecord | RegistrationRecord;
  const given = (i: WorkflowInstance, record: unknown): AnyRecord | undefined => (record !== undefined ? (record as AnyRecord) : recordOf(i));
  return {
    platform: 'registration',
    wire: { ...wire, [RECORD_MACHINE]: RECORD_WIRE },
    objectType: (i) => (i.machine === RECORD_MACHINE ? 'registration' : 'application'),
    record: recordOf,
    owner: (i, r) => given(i, r)?.owner ?? null,
    // The other registrants of a joint application or registration, and the registration's holders
    // for an interested party's correction.
    alsoNotify: (i, r) => {
      const record = given(i, r);
      if (record === undefined) return NOBODY;
      // A function per record shape (see applicationNotified): the feed asks first only of applications.
      return i.machine === RECORD_MACHINE ? registrationNotified(state, record as RegistrationRecord) : applicationNotified(state, record as ApplicationRecord);
    },
    view: (i) => {
      const record = recordOf(i);
      if (record === undefined) return { id: i.id, state: i.state };
      return i.machine === RECORD_MACHINE ? registrationView(state, record as RegistrationRecord) : applicationView(state, record as ApplicationRecord);
    },
    // The registry's decisions name the sandbox's seeded registry (公共数据资源登记中心) unless the action names one.
    official: (_i, role) => officials(role),
    onEvent: (i, e, r) => {
      const record = given(i, r);
      if (record === undefined) return;
      if (i.machine === RECORD_MACHINE) onRecordEvent(state, record as RegistrationRecord, i, e);
      else applyApplicationEffects(state, record as ApplicationRecord, e);
    },
    afterEvent: (i, e, r) => {
      if (i.machine === RECORD_MACHINE) return;
      const app = given(i, r) as ApplicationRecord | undefined;
      if (app) for (const o of resolveObjections(state, app, e)) publishObjection(state, o);
    },
    listings: registrationListings(state),
    listKeys: REGISTRATION_LIST_KEYS,
  };
}
