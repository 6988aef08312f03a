/**
 * Every event `type` the mock's platforms emit on the feed, sorted: what a webhook may subscribe
 * to (`eventTypes`). The workflow engine's own (`state_changed`, `deadline_overdue`,
 * `deadline_revised`, `action_blocked`), the typed transitions of the procedures' machines (`@gdx/procedures`,
 * `eventType`), and those the platforms name themselves (registration's `supplement_requested`,
 * `code_issued`; authorised operation's `annual_report_submitted`). A test keeps it in step with
 * the machines and with the simulation contract's `WebhookEventType` description.
 */
export const WEBHOOK_EVENT_TYPES: readonly string[] = Object.freeze([
  'access_resumed',
  'access_suspended',
  'action_blocked',
  'agreement_filed',
  'agreement_reported',
  'agreement_signed',
  'amended',
  'annual_report_filed',
  'annual_report_overdue',
  'annual_report_submitted',
  'approval_closed',
  'approval_reopened',
  'authorization_disclosed',
  'bid_submitted',
  'ceiling_report_overdue',
  'ceiling_set',
  'ceilings_reported',
  'code_issued',
  'deadline_overdue',
  'deadline_revised',
  'disclosure_overdue',
  'fee_set',
  'feedback_filed',
  'formal_fees_applied',
  'formal_fees_approved',
  'formal_fees_rejected',
  'grant_issued',
  'mar_set',
  'negotiation_started',
  'notice_closed',
  'objection_filed',
  'operation_disclosed',
  'operator_disclosure_overdue',
  'overdue_explained',
  'plan_filed',
  'product_listed',
  'renewed',
  'state_changed',
  'status_report_overdue',
  'status_reported',
  'supplement_requested',
  'tender_closed',
  'usage_report_submitted',
]);

const KNOWN = new Set(WEBHOOK_EVENT_TYPES);

/**
 * The first entry of a subscription's `eventTypes` that cannot be subscribed to, with why, in
 * both languages, or `undefined`: an unknown type (a subscription to it would silently receive
 * nothing) or a repeated one. `extra`: the types the mounted platforms add (`PlatformModule.eventTypes`).
 *
 * @example
 * ```ts
 * eventTypesProblem(['state_changed', 'nonsense']); // { index: 1, en: 'unknown event type "nonsense"; …', zh: … }
 * eventTypesProblem(['state_changed']);             // undefined
 * ```
 */
export function eventTypesProblem(types: readonly string[], extra: readonly string[] = []): { index: number; en: string; zh: string } | undefined {
  for (const [index, type] of types.entries()) {
    if (!KNOWN.has(type) && !extra.includes(type)) {
      const known = [...WEBHOOK_EVENT_TYPES, ...extra.filter((t) => !KNOWN.has(t))].join(', ');
      return {
        index,
        en: `unknown event type ${JSON.stringify(type)}: a webhook would receive nothing of it; known types: ${known}`,
        zh: `未知的事件类型 ${JSON.stringify(type)}，订阅后将收不到任何回调；已知类型：${known}`,
      };
    }
    if (types.indexOf(type) !== index) {
      return { index, en: `event type ${JSON.stringify(type)} is listed twice`, zh: `事件类型 ${JSON.stringify(type)} 重复列出` };
    }
  }
  return undefined;
}
