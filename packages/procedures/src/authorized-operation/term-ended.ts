import type { ReasonText } from '../officials/reason-texts.js';

/** What an authorization expiring outside `active` leaves undone (zh / en in one text, as the officials' reasons). */
const LAPSED = '授权运营期限届满，授权运营期满终止，尚未办结的协议变更、暂停、评估、整改或提前终止申请随之终结 / The term ended: the authorization expired, and what was pending (an amendment, a suspension, an evaluation, a rectification or an early termination request) lapsed with it';

/** An authorization expiring while `active`: nothing was pending. */
const ENDED = '授权运营期限届满，授权运营期满终止 / The term ended: the authorization expired';

/**
 * The written reasons of an authorization's expiry at the end of its agreed term (27号 第十四条(二)),
 * coded `TERM_ENDED` from whichever running state it expires: from `active` (its `term` step's
 * timer sends them), or from another running state, whose pending amendment, suspension,
 * evaluation, rectification or early termination request lapses with it (the host plans that
 * expiry when the authorization leaves `active`).
 *
 * @example
 * termEndedReasons('active'); // [{ code: 'TERM_ENDED', text: '授权运营期限届满，授权运营期满终止 / The term ended: the authorization expired' }]
 * termEndedReasons('suspended')[0].text; // '… lapsed with it'
 */
export function termEndedReasons(state: string): ReasonText[] {
  return [{ code: 'TERM_ENDED', text: state === 'active' ? ENDED : LAPSED }];
}
