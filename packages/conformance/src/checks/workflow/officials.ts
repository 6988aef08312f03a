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
} as const;

/** Actions whose contract variant requires written `reasons` (the sources require them). */
const NEEDS_REASONS: ReadonlySet<string> = new Set([
  'not_accept', 'fail_review', 'uphold_objection', 'dismiss_objection', 'revoke', 'reject', 'uphold_rejection', 'return', 'suspend', 'withdraw',
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
