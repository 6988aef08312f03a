/**
 * Realistic texts the simulated officials draw from, each `{ code, text }` with the Chinese
 * wording first and an English gloss (the shape of the OpenAPI `Reason`).
 */
export interface ReasonText {
  code: string;
  text: string;
}

/** Reasons for refusals, returns, failed reviews and upheld objections. */
export const REJECTION_REASONS: readonly ReasonText[] = [
  { code: 'LEGAL_SOURCE_UNCLEAR', text: '数据合法合规性来源说明不充分 / The legal source of the data is insufficiently documented' },
  { code: 'SCENARIO_MISMATCH', text: '申请字段超出所述应用场景所需范围 / The requested fields exceed what the stated scenario needs' },
  { code: 'SECURITY_MEASURES_MISSING', text: '未说明数据安全保障措施 / No data security measures are described' },
  { code: 'AUTHORISATION_EXPIRED', text: '授权运营协议已过期 / The authorised operation agreement has expired' },
  { code: 'NOT_IN_DUTIES', text: '申请事项超出申请单位法定职责范围 / The request is outside the applicant’s statutory duties' },
  { code: 'PERSONAL_INFORMATION', text: '涉及未脱敏的个人信息 / The data includes personal information that is not desensitised' },
  { code: 'DUPLICATE_REGISTRATION', text: '同一数据资源已有有效登记 / The data resource already has a valid registration' },
];

/** Items of a supplement notice (一次性告知). */
export const SUPPLEMENT_ITEMS: readonly (ReasonText & { field: string })[] = [
  { code: 'MISSING_RISK_ASSESSMENT', field: '/riskAssessment', text: '缺少数据安全风险评估报告 / The data security risk assessment report is missing' },
  { code: 'MISSING_EVIDENCE_RECORD', field: '/evidence', text: '存证情况材料不完整 / The evidence-preservation record is incomplete' },
  { code: 'MISSING_COMMITMENT', field: '/commitmentLetter', text: '缺少承诺书 / The commitment letter is missing' },
  { code: 'RIGHT_TERM_MISSING', field: '/rights/term', text: '未填写权利期限 / The term of the right is not stated' },
  { code: 'SCENARIO_VAGUE', field: '/scenarios', text: '应用场景描述不具体 / The application scenario is too vague' },
];

/** Answers to objections, quality issues and demand requests. */
export const ANSWERS: readonly string[] = [
  '经核实，相关数据已更正 / Verified; the data has been corrected',
  '经核实，数据准确，不予更正 / Verified; the data is accurate and stays unchanged',
  '已纳入下一年度开放计划 / Added to next year’s opening plan',
  '已补充缺失字段 / The missing fields have been added',
];

/** Explanations of an overdue step (第十一条). */
export const OVERDUE_EXPLANATIONS: readonly ReasonText[] = [
  { code: 'MULTI_AGENCY_CHECK', text: '材料核验涉及多个部门，需延长审核 / Verification involves several agencies' },
  { code: 'WORKLOAD', text: '集中受理期间申请量较大 / A high volume of applications during the intake period' },
];

/**
 * The written reason an official gives for ending a request whose period of use (last day
 * `ends`) is over: nothing can be granted for it any more (`PERIOD_ENDED`).
 *
 * @example
 * periodEndedReason('2025-10-10').code; // 'PERIOD_ENDED'
 */
export function periodEndedReason(ends: string): ReasonText {
  return { code: 'PERIOD_ENDED', text: `申请的使用期限已于 ${ends} 届满，不能再予同意或交付 / The period of use ended on ${ends}; nothing can be granted or delivered for it any more` };
}
