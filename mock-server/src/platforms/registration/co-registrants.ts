import { REVISIONS, type Organisation, type SandboxContext } from '../../app/platform-module.js';
import { filerRole, isJointApplication, type ApplicationRecord, type OrgRef, type RegistrationRecord } from './records.js';
import type { RegistrationState } from './registration-state.js';

/** No further registrant (shared: asked for every listed application and registration). */
const NONE: readonly string[] = [];
/** No registrant that holds an application with its filer. */
const NO_REFS: readonly OrgRef[] = [];

/**
 * Whether `org` is one of `registrants` (by credit code): a registrant named in a joint
 * application or registration (涉及多个主体的，可共同提出登记申请, 26号 第七条; 223号 第七条(二))
 * holds it as its own, as the organisation that filed it does.
 *
 * @example
 * ```ts
 * isNamedRegistrant(caller, registration.registrants); // true for each unit of a joint registration
 * ```
 */
export function isNamedRegistrant(org: Pick<Organisation, 'creditCode'>, registrants: readonly OrgRef[]): boolean {
  return registrants.some((r) => r.creditCode === org.creditCode);
}

/**
 * Whether `org` holds `registration` as (one of) its registrants: it filed the application the
 * registration was coded for, or the joint registration names it (第七条: a joint registration is
 * each unit's). What a registrant reads, renews, changes or cancels.
 *
 * @example
 * ```ts
 * holdsRegistration(ctx.caller, registration); // false: 404 for another organisation's registration
 * ```
 */
export function holdsRegistration(org: Pick<Organisation, 'id' | 'creditCode'>, registration: Pick<RegistrationRecord, 'owner' | 'registrants'>): boolean {
  return registration.owner === org.id || isNamedRegistrant(org, registration.registrants);
}

/**
 * The registrants an application names that hold it as its filer does (第七条): a joint
 * application's. An interested party's correction is its filer's alone: the registrants it names
 * are those of the registration it corrects, not co-applicants (none here).
 *
 * @example
 * ```ts
 * isNamedRegistrant(caller, applicationRegistrants(state, app)); // a co-applicant reads and answers it
 * ```
 */
export function applicationRegistrants(state: RegistrationState, app: ApplicationRecord): readonly OrgRef[] {
  return filerRole(state, app) === 'registrant' ? app.submission.registrants : NO_REFS;
}

/**
 * The sandbox organisations a joint application or registration names among its registrants,
 * besides `owner` (the one that filed it): they read it and act on it as its registrants too.
 * Empty for the usual single registrant, without looking at the organisations.
 *
 * @example
 * ```ts
 * coRegistrants(state.sandbox, app.submission.registrants, app.owner); // ['org_…'] for a joint application of two
 * ```
 */
export function coRegistrants(sandbox: SandboxContext, registrants: readonly OrgRef[], owner: string): readonly string[] {
  if (registrants.length < 2) return NONE;
  return sandbox.organisations().filter((o) => o.id !== owner && isNamedRegistrant(o, registrants)).map((o) => o.id);
}

/**
 * The organisations besides its owner told of an application's or registration's events (its
 * webhooks and `/events?organizationId=`): the other registrants a joint one names (第七条: each
 * holds it as its filer does), and for an interested party's correction every holder of the
 * registration it corrects. The usual single registrant costs two reads of the record itself
 * (`isJointApplication`) and no lookup (a clock advance asks for each of its events). One function per record shape: the feed asks
 * first only of applications, then of registrations too, and one site reached by both shapes
 * was deoptimized when the first registration was coded.
 *
 * @example
 * ```ts
 * applicationNotified(state, app); // ['org_b'] for a joint application filed by org_a
 * registrationNotified(state, registration); // ['org_b'] for the registration it was coded as
 * ```
 */
export function applicationNotified(state: RegistrationState, record: ApplicationRecord): readonly string[] {
  if (record.type === 'correction' && filerRole(state, record) === 'interested_party') {
    const target = record.registrationId ? state.registrations.get(record.registrationId) : undefined;
    return target ? [target.owner, ...notifiedCoRegistrants(state, target.registrants, target.owner)] : NONE;
  }
  return isJointApplication(record) ? notifiedCoRegistrants(state, record.submission.registrants, record.owner) : NONE;
}

/** `applicationNotified` for a registration: the other registrants a joint one names. */
export function registrationNotified(state: RegistrationState, record: RegistrationRecord): readonly string[] {
  return notifiedCoRegistrants(state, record.registrants, record.owner);
}

/**
 * The registrants besides `owner` told of a joint object's events (`coRegistrants`), none for a
 * command journaled before they were (`REVISIONS.jointRegistrantsNotified`): its replay rebuilds
 * the deliveries it made then, not new ones of old events.
 *
 * @example
 * ```ts
 * notifiedCoRegistrants(state, registration.registrants, registration.owner); // ['org_b'] live; [] replaying a revision-0 entry
 * ```
 */
export function notifiedCoRegistrants(state: RegistrationState, registrants: readonly OrgRef[], owner: string): readonly string[] {
  if (registrants.length < 2 || state.sandbox.revision() < REVISIONS.jointRegistrantsNotified) return NONE;
  return coRegistrants(state.sandbox, registrants, owner);
}
