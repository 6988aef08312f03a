import type { Sandbox } from '../../http/sim-client.js';
import type { HttpResponse } from '../../http/response.js';
import type { Platform } from '../../runner/types.js';

/**
 * Officials' actions, named as the simulation contract's `OfficialAction` discriminator
 * (`openapi/simulation/openapi.yaml`). The names live here only, so adapting the kit to another
 * simulation API's vocabulary is a one-file change.
 */
export const ACTIONS = {
  /** Registry: 受理, `submitted` → `under_review`. */
  accept: 'accept',
  /** Registry: 不予受理, with reasons (terminal). */
  notAccept: 'not_accept',
  /** Registry: 一次性告知, every missing item at once → `supplement_required`. */
  requestSupplements: 'request_supplements',
  /** Registry: formal review passed → `in_public_notice` (or the type's next state). */
  approveReview: 'approve_review',
  /** Registry: formal review failed, with reasons. */
  failReview: 'fail_review',
  /** Registry: the written explanation of an overdue review (第十一条). */
  explainOverdue: 'explain_overdue',
  upholdObjection: 'uphold_objection',
  dismissObjection: 'dismiss_objection',
  /** Data authority: approves a sharing request or an open-data application. */
  approve: 'approve',
  /** Data authority: rejects with written reasons (published for open data). */
  reject: 'reject',
  /** Provider: delivers an approved sharing request (a grant is issued). */
  deliver: 'deliver',
  coordinate: 'coordinate',
  escalate: 'escalate',
  upholdRejection: 'uphold_rejection',
  /** Open-data operator returns an application, or the authority returns a catalog entry. */
  return: 'return',
  /** Data authority publishes a submitted or changed catalog entry. */
  publish: 'publish',
  /** Open-data operator passes the initial review → `substantive_review`. */
  passInitialReview: 'pass_initial_review',
  /** Answers a data objection, quality issue or demand. */
  answer: 'answer',
  /**
   * A compliance review passed: a sharing request's 合规性审查 by the platform operator (Inner
   * Mongolia) → `under_review`; an authorized-operation product's by the data authority → `listed`.
   */
  passComplianceReview: 'pass_compliance_review',
  /** A compliance review failed, with reasons: a sharing request → `compliance_rejected`; a product → `rejected`. */
  failComplianceReview: 'fail_compliance_review',
  /** Data authority (xiamen): disputes a catalog entry's sharing type under review, with reasons and a proposed label (厦门 第十五条). */
  disputeSharingType: 'dispute_sharing_type',
  /** City government: decides an escalated sharing-type dispute (报市人民政府决定), with reasons and the label. */
  decideSharingType: 'decide_sharing_type',
} as const;

/**
 * Authorized-operation officials' actions (the grantor, the data authority, the implementing body
 * where the contract gives it no route), named as the `action` of the contract's
 * `x-gdx-state-machine` transitions (`openapi/authorized-operation/openapi.yaml`).
 */
export const AOP_ACTIONS = {
  /** Grantor: 三重一大 deliberation passed → `approved` (also approves a change). */
  approvePlan: 'approve_plan',
  /** Provincial data authority: records the filing (备案) of an approved plan. */
  filePlan: 'file_plan',
  /** Implementing body: names the operator of a tender or negotiation → `selected`. */
  select: 'select',
  /** Xiamen city government: designates the 一级开发主体 → `selected`. */
  designate: 'designate',
  /** Inner Mongolia implementing body: publishes the call (公开征集) → `call_published`. */
  publishCall: 'publish_call',
  /** Inner Mongolia 主管部门: qualification and expert review passed, naming the operator → `government_approval`. */
  passReview: 'pass_review',
  /** Inner Mongolia government: 审定 → `selected`. */
  approveSelection: 'approve_selection',
  /** Implementing body: the agreement goes to 三重一大 deliberation. */
  deliberateAgreement: 'deliberate_agreement',
  /** Implementing body: signs; the authorization starts `active`. */
  sign: 'sign',
  /** Data authority: starts the yearly evaluation. */
  startEvaluation: 'start_evaluation',
  /** Data authority: 限期整改 (30 calendar days). */
  orderRectification: 'order_rectification',
  /** Reviewer of a data-access request (一级开发主体, 主管部门 and holder). */
  approveDataAccess: 'approve_data_access',
  /** Price authority (with the data authority): a year's MAR inputs (65号 三(一)). */
  setMar: 'set_mar',
  /** Grantor: a product's ceiling fee within MAR (65号 二). */
  setCeiling: 'set_ceiling',
} as const;

/** Actions whose contract variant requires written `reasons` (the sources require them). */
const NEEDS_REASONS: ReadonlySet<string> = new Set([
  'not_accept', 'fail_review', 'uphold_objection', 'dismiss_objection', 'revoke', 'reject', 'uphold_rejection', 'return', 'suspend', 'withdraw',
  'reject_plan', 'reject_change', 'fail_selection', 'order_rectification', 'fail_evaluation', 'reject_data_access', 'fail_compliance_review',
  'dispute_sharing_type', 'decide_sharing_type',
]);

/**
 * An official acts on an object through `POST /sandboxes/{id}/actions`. Actions that need written
 * reasons get one unless `extra` gives its own; an `answer` gets a written answer likewise.
 *
 * @example
 * ```ts
 * await act(sbx, 'registration', 'application', id, ACTIONS.accept);
 * await act(sbx, 'registration', 'application', id, ACTIONS.requestSupplements, { items: [{ field: '/resource', text: '缺少数据规模' }] });
 * ```
 */
export function act(sbx: Sandbox, platform: Platform, objectType: string, objectId: string, action: string, extra: Record<string, unknown> = {}): Promise<HttpResponse> {
  const written = { text: 'conformance check: 一致性检查' };
  return sbx.act({
    platform, objectType, objectId, action,
    ...(NEEDS_REASONS.has(action) ? { reasons: [written] } : {}),
    ...(action === ACTIONS.answer ? { answer: written } : {}),
    ...extra,
  });
}
