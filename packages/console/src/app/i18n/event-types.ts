import { idName } from './id-names.js';
import type { Locale } from './locale.js';

/**
 * The feed's event types in Chinese: every type a webhook may subscribe to (the simulation
 * contract's `WebhookEventType`; `event-types.test.ts` keeps the two in step).
 */
export const EVENT_TYPE_NAMES_ZH: Readonly<Record<string, string>> = {
  access_resumed: '恢复数据访问',
  access_suspended: '暂停数据访问',
  action_blocked: '操作未能执行',
  agreement_filed: '协议已备案',
  agreement_reported: '协议已报告',
  agreement_signed: '协议已签订',
  amended: '登记内容已变更',
  annual_report_filed: '年度报告已备案',
  annual_report_overdue: '年度报告逾期未报送',
  annual_report_submitted: '年度报告已提交',
  approval_closed: '审批已关闭',
  approval_reopened: '审批已重新开启',
  authorization_disclosed: '授权运营情况已披露',
  bid_submitted: '已投标',
  ceiling_report_overdue: '收费上限逾期未报告',
  ceiling_set: '已设定价格上限',
  ceilings_reported: '收费上限已书面报告',
  code_issued: '已赋登记编号',
  deadline_overdue: '超过时限',
  deadline_revised: '期限已按节假日安排重新计算',
  disclosure_overdue: '授权运营情况逾期未披露',
  fee_set: '已确定收费标准',
  feedback_filed: '已提交反馈',
  formal_fees_applied: '已申请正式收费',
  formal_fees_approved: '正式收费已批准',
  formal_fees_rejected: '正式收费未获批准',
  grant_issued: '已授予使用权限',
  mar_set: '已设定最高准许收入',
  negotiation_started: '谈判开始',
  notice_closed: '公示结束',
  objection_filed: '已提出异议',
  operation_disclosed: '数据资源使用情况已披露',
  operator_disclosure_overdue: '数据资源使用情况逾期未披露',
  overdue_explained: '已说明逾期原因',
  plan_filed: '方案已备案',
  product_listed: '产品已上架',
  renewed: '已续期',
  state_changed: '状态变化',
  status_report_overdue: '授权运营情况逾期未报告',
  status_reported: '授权运营情况已报告',
  supplement_requested: '要求补正',
  tender_closed: '招标截止',
  usage_report_submitted: '已提交使用报告',
};

/**
 * An event's type in the locale: its Chinese name, or its id in English (what a webhook's
 * `eventTypes` and a vendor's code use).
 *
 * @example
 * ```ts
 * eventTypeName('deadline_overdue', 'zh'); // '超过时限'
 * eventTypeName('deadline_overdue', 'en'); // 'deadline_overdue'
 * ```
 */
export function eventTypeName(type: string, locale: Locale): string {
  return idName(EVENT_TYPE_NAMES_ZH, type, locale);
}
