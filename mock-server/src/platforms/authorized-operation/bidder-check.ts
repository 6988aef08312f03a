import type { WorkflowInstance } from '@gdx/kernel';
import { PlatformProblem } from '../../app/platform-problem.js';
import { invalid } from './ao-access.js';
import type { SelectionRecord } from './ao-records.js';

/** Methods whose operator is chosen among the bids: a tender (27号 第十二条) and a call (101号 第七、九条). */
const BY_BIDS = new Set(['open_tender', 'invited_tender', 'call_and_review']);

/**
 * Whether the machine would take `action` now, so that the bidder check speaks only then: a state
 * refusal (`ILLEGAL_TRANSITION`, `TENDER_PERIOD_RUNNING`) comes first, from the machine.
 */
function choosingNow(action: string, instance: WorkflowInstance): boolean {
  if (action === 'select') return instance.state === 'selecting' && instance.data['tenderClosed'] === true;
  return action === 'pass_review' && instance.state === 'review';
}

/**
 * The operator a tender selects (`select`) or a call's qualification review passes (`pass_review`)
 * is one of the selection's bidders whose bid passed the review (27号 第十二条; 101号 第七、九条): a
 * bid of `operatorId` (else 400 `NOT_A_BIDDER` at `pointer`) stating no eligibility condition of
 * `required` unmet (else 400 `ELIGIBILITY_NOT_MET` there: a bid an older version recorded with
 * one). A negotiation names whom it negotiated with, a designation whom the government designates:
 * neither is chosen among bids, so neither is checked.
 *
 * @example
 * ```ts
 * checkBidder(selection, instance, 'select', operator.id, profile.eligibilityStatements, '/operatorId');
 * ```
 */
export function checkBidder(selection: SelectionRecord, instance: WorkflowInstance, action: string, operatorId: string, required: readonly string[], pointer: string): void {
  if (!BY_BIDS.has(selection.method) || !choosingNow(action, instance)) return;
  const bid = selection.bids.find((b) => b.operatorId === operatorId);
  if (!bid) {
    throw invalid(pointer, 'NOT_A_BIDDER', '该运营机构未在本次选择中投标或提交申请，不能被选定', 'The operator did not bid or apply in this selection, so it cannot be chosen');
  }
  const unmet = required.filter((key) => bid.eligibility[key] === false);
  if (unmet.length === 0) return;
  throw new PlatformProblem('VALIDATION_FAILED', {
    detail: `the bid of ${operatorId} states eligibility conditions not met: ${unmet.join(', ')}`,
    errors: [{
      pointer,
      code: 'ELIGIBILITY_NOT_MET',
      message: { zh: `该运营机构的投标声明不满足资格条件（${unmet.join('、')}），未通过资格审查`, en: `The operator's bid states it does not meet ${unmet.join(', ')}, so it did not pass the qualification review` },
    }],
  });
}
