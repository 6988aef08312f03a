import type { ApplicationRecord } from './records.js';
import type { RegistrationState } from './registration-state.js';

/** A written reason (the contract's `Reason`). */
interface Reason {
  code: string;
  text: string;
}

/** How a registration ended, by the state it ended in: the Chinese clause and the English predicate of "the registration … ". */
const ENDINGS: Readonly<Record<string, { zh: string; en: string }>> = {
  revoked: { zh: '目标登记已撤销', en: 'was revoked' },
  cancelled: { zh: '目标登记已注销', en: 'was cancelled' },
  expired: { zh: '目标登记已失效（期满未续展）', en: 'expired unrenewed' },
};

function ending(to: string): { zh: string; en: string } {
  return ENDINGS[to] ?? { zh: `目标登记已结束（${to}）`, en: `ended (${to})` };
}

/**
 * Why a pending application ends with its registration (`to`: the state the registration ended
 * in), zh / en in one text as the registry's other reasons.
 *
 * @example
 * ```ts
 * endedApplicationReasons('revoked'); // [{ code: 'REGISTRATION_NOT_VALID', text: '目标登记已撤销 / The registration this application names was revoked' }]
 * ```
 */
function endedApplicationReasons(to: string): Reason[] {
  const { zh, en } = ending(to);
  return [{ code: 'REGISTRATION_NOT_VALID', text: `${zh} / The registration this application names ${en}` }];
}

/**
 * Why an objection still filed is closed, undecided, when the application under notice ends with
 * its registration (`to`: the state the registration ended in).
 *
 * @example
 * ```ts
 * closedObjectionReasons('expired')[0].code; // 'REGISTRATION_NOT_VALID'
 * ```
 */
export function closedObjectionReasons(to: string): Reason[] {
  const { zh, en } = ending(to);
  return [{
    code: 'REGISTRATION_NOT_VALID',
    text: `公示所涉申请已终止（${zh}），异议不再处理 / The application under notice was terminated because the registration it names ${en}; the objection is closed undecided`,
  }];
}

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
 * `registration_ended` with the reason (the binding then closes the objections still filed on its
 * notice: `resolveObjections`); the ids are read before any moves (each move re-indexes).
 *
 * @example
 * ```ts
 * endPendingApplications(state, 'reg_1', 'revoked');
 * ```
 */
export function endPendingApplications(state: RegistrationState, registrationId: string, to: string): void {
  const reasons = endedApplicationReasons(to);
  for (const app of pendingApplications(state, registrationId)) {
    const ended = state.host.engine.dispatch(app.id, 'registration_ended', { actor: { role: 'clock' }, payload: { reasons } });
    // Every pending state takes the event; a refusal would mean the machine and this list disagree.
    if (!ended.ok) throw new Error(`application ${app.id}: registration_ended refused (${ended.error.code})`);
  }
}
