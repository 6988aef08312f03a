import type { ApplicationRecord } from './records.js';
import type { RegistrationState } from './registration-state.js';

/** Why a pending application ends with its registration, by the state the registration ended in (zh / en in one text, as the registry's other reasons). */
const ENDED_REASONS: Readonly<Record<string, string>> = {
  revoked: '目标登记已撤销 / The registration this application names was revoked',
  cancelled: '目标登记已注销 / The registration this application names was cancelled',
  expired: '目标登记已失效（期满未续展） / The registration this application names expired unrenewed',
};

/**
 * The change, correction and cancellation applications naming `registrationId` that have not
 * ended yet, oldest first (read from the host's `target` index, not every application).
 *
 * @example
 * ```ts
 * pendingApplications(state, 'reg_1').map((a) => a.id); // ['rga_7']
 * ```
 */
export function pendingApplications(state: RegistrationState, registrationId: string): ApplicationRecord[] {
  const { host } = state;
  const pending: ApplicationRecord[] = [];
  for (const id of host.listRows('target', registrationId, undefined)) {
    const instance = host.engine.get(id);
    const app = state.applications.get(id);
    if (app && host.machine(instance.machine).states[instance.state]?.terminal !== true) pending.push(app);
  }
  return pending;
}

/**
 * Ends every application still pending on a registration that just ended (`to`: expired,
 * cancelled, revoked): a change, correction or cancellation needs an existing registration
 * (223号 第十条), so none may complete on it. Each is `terminated` by the machine's
 * `registration_ended` with the reason; the ids are read before any moves (each move re-indexes).
 *
 * @example
 * ```ts
 * endPendingApplications(state, 'reg_1', 'revoked');
 * ```
 */
export function endPendingApplications(state: RegistrationState, registrationId: string, to: string): void {
  const reasons = [{ code: 'REGISTRATION_NOT_VALID', text: ENDED_REASONS[to] ?? `目标登记已结束（${to}） / The registration this application names ended (${to})` }];
  for (const app of pendingApplications(state, registrationId)) {
    const ended = state.host.engine.dispatch(app.id, 'registration_ended', { actor: { role: 'clock' }, payload: { reasons } });
    // Every pending state takes the event; a refusal would mean the machine and this list disagree.
    if (!ended.ok) throw new Error(`application ${app.id}: registration_ended refused (${ended.error.code})`);
  }
}
