import type { WorkflowInstance } from '@gdx/kernel';
import type { KeyShape, Listing } from '../workflow-host/index.js';
import { announcedEnd } from './announcements.js';
import { applicationRegistrants, coRegistrants } from './co-registrants.js';
import type { RegistrationRecord } from './records.js';
import type { RegistrationState } from './registration-state.js';
import { noticeStatus } from './wire-views.js';

/** The key shape of each list `registrationListings` places objects in (`HostBinding.listKeys`). */
export const REGISTRATION_LIST_KEYS: Readonly<Record<string, KeyShape>> = {
  registration: ['integer'],
  code: ['integer'],
  certificate: ['integer'],
  announcement: ['integer', 'integer'],
  application: ['integer'],
  target: ['integer'],
  notice: ['integer'],
};

/**
 * Where the registration platform lists an instance (`HostBinding.listings`), newest first by
 * insertion number `n` as the lists always sorted: an application in its registrant's list (by
 * state; a joint application in each named registrant's, 第七条), under the registration a change, correction or cancellation names (`target`, by state),
 * and its public notices in the public list (by `status`, which follows the application's
 * state); a registration in its registrants' lists (by state), under its code and certificate
 * number, and, once it ended by expiry or revocation, in the public announcements (by kind).
 *
 * @example
 * ```ts
 * const binding = { ...rest, listings: registrationListings(state) };
 * ```
 */
export function registrationListings(state: RegistrationState): (instance: WorkflowInstance) => Listing[] {
  // An application's notices, derived on first use from the saved notices, then kept up as
  // notices open (each opening sets `noticeId` on the application and touches it). Never saved.
  let noticesOf: Map<string, string[]> | undefined;
  const notices = (applicationId: string, current: string | null): readonly string[] => {
    if (!noticesOf) {
      noticesOf = new Map();
      for (const notice of state.notices.values()) add(noticesOf, notice.applicationId, notice.id);
    }
    if (current !== null && !noticesOf.get(applicationId)?.includes(current)) add(noticesOf, applicationId, current);
    return noticesOf.get(applicationId) ?? [];
  };
  return (instance) => {
    const reg = state.registrations.get(instance.id);
    if (reg) {
      // Also by code and certificate number (the public lookup), oldest first as the records are kept.
      const listings: Listing[] = [
        { list: 'registration', owner: reg.owner, alsoOwners: coRegistrants(state.sandbox, reg.registrants, reg.owner), state: instance.state, key: [-reg.n] },
        { list: 'code', owner: reg.registrationCode, key: [reg.n] },
      ];
      if (reg.certificateNumber !== null) listings.push({ list: 'certificate', owner: reg.certificateNumber, key: [reg.n] });
      // The registry's public announcements, newest first, by kind.
      const end = announcedEnd(instance);
      if (end) listings.push({ list: 'announcement', owner: null, state: end.kind, key: [-Date.parse(end.at), -reg.n] });
      return listings;
    }
    const app = state.applications.get(instance.id);
    if (!app) return [];
    const alsoOwners = coRegistrants(state.sandbox, applicationRegistrants(state, app), app.owner);
    const listings: Listing[] = [{ list: 'application', owner: app.owner, alsoOwners, state: instance.state, key: [-app.n] }];
    // Under the registration a change, correction or cancellation names (its pending ones end with it).
    if (app.type !== 'initial' && app.registrationId !== null) listings.push({ list: 'target', owner: app.registrationId, state: instance.state, key: [app.n] });
    for (const id of notices(app.id, app.noticeId)) {
      const notice = state.notices.get(id);
      if (notice) listings.push({ list: 'notice', owner: null, state: noticeStatus(state, notice), key: [-notice.n], id });
    }
    return listings;
  };
}

function add(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.push(id);
  else map.set(key, [id]);
}

/**
 * The first registration (in creation order) whose registration code or certificate number is
 * `code`, read from the host's `code` and `certificate` indices instead of every registration.
 *
 * @example
 * ```ts
 * registrationByCode(state, 'DR-2025-000001')?.id; // 'reg_…'
 * ```
 */
export function registrationByCode(state: RegistrationState, code: string): RegistrationRecord | undefined {
  let found: RegistrationRecord | undefined;
  for (const list of ['code', 'certificate']) {
    for (const id of state.host.listRows(list, code, undefined)) {
      const reg = state.registrations.get(id);
      if (reg && (!found || reg.n < found.n)) found = reg;
      break;
    }
  }
  return found;
}
