import type { WorkflowInstance } from '@gdx/kernel';
import type { Listing } from '../workflow-host/index.js';
import type { RegistrationState } from './registration-state.js';
import { noticeStatus } from './wire-views.js';

/**
 * Where the registration platform lists an instance (`HostBinding.listings`), newest first by
 * insertion number `n` as the lists always sorted: an application in its registrant's list (by
 * state) and its public notices in the public list (by `status`, which follows the application's
 * state); a registration in its registrant's list (by state).
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
    if (reg) return [{ list: 'registration', owner: reg.owner, state: instance.state, key: [-reg.n] }];
    const app = state.applications.get(instance.id);
    if (!app) return [];
    const listings: Listing[] = [{ list: 'application', owner: app.owner, state: instance.state, key: [-app.n] }];
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
