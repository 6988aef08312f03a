/**
 * Realistic texts the simulated officials draw from, each `{ code, text }` with the Chinese
 * wording first and an English gloss (the shape of the OpenAPI `Reason`).
 */
export interface ReasonText {
  code: string;
  text: string;
}

/**
 * Reasons for refusals, returns, failed reviews and upheld objections: a registration's, and any
 * step's without a list of its own (`OfficialStep.reasons`).
 */
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

/**
 * Reasons a sharing request fails the joint review or the coordination (厦门 第十七条: 不符合条件的，
 * 提供书面理由 — the resource's sharing conditions, the scenario and the requester's duties).
 */
export const SHARING_REVIEW_REASONS: readonly ReasonText[] = [
  { code: 'CONDITION_NOT_MET', text: '申请不符合该资源目录列明的共享条件 / The request does not meet the sharing conditions the catalog states for the resource' },
  { code: 'SCENARIO_MISMATCH', text: '申请字段超出所述应用场景所需范围 / The requested fields exceed what the stated scenario needs' },
  { code: 'SECURITY_MEASURES_MISSING', text: '未说明数据安全保障措施 / No data security measures are described' },
  { code: 'NOT_IN_DUTIES', text: '申请事项超出申请单位法定职责范围 / The request is outside the applicant’s statutory duties' },
];

/** Reasons a sharing request fails Inner Mongolia's compliance review of a data-use request (合规性审查). */
export const SHARING_COMPLIANCE_REASONS: readonly ReasonText[] = [
  { code: 'LEGAL_BASIS_MISSING', text: '数据使用申请未说明合法合规依据 / The request states no legal basis for using the data' },
  { code: 'NOT_IN_DUTIES', text: '申请事项超出申请单位法定职责范围 / The request is outside the applicant’s statutory duties' },
  { code: 'SCENARIO_MISMATCH', text: '申请字段超出所述应用场景所需范围 / The requested fields exceed what the stated scenario needs' },
  { code: 'SECURITY_MEASURES_MISSING', text: '未说明数据安全保障措施 / No data security measures are described' },
];

/** Reasons the platform operator returns an open-data application: its initial review checks form and completeness only (厦门 第二十三条 规范性、完整性). */
export const OPEN_DATA_RETURN_REASONS: readonly ReasonText[] = [
  { code: 'EVIDENCE_INCOMPLETE', text: '开放条件证明材料不完整 / The evidence for an opening condition is incomplete' },
  { code: 'SCENARIO_VAGUE', text: '应用场景描述不具体 / The application scenario is too vague' },
  { code: 'DATA_SCOPE_UNCLEAR', text: '数据需求范围填写不明确 / The data scope is not stated clearly' },
  { code: 'SECURITY_MEASURES_MISSING', text: '未说明数据安全保障措施 / No data security measures are described' },
];

/** Reasons an open-data application is refused after the substantive review (published, 厦门 第二十三、二十四条: the opening conditions). */
export const OPEN_DATA_REJECTION_REASONS: readonly ReasonText[] = [
  { code: 'SCENARIO_NOT_ALLOWED', text: '申请的应用场景不符合数据集的开放条件 / The application scenario does not meet the dataset’s opening conditions' },
  { code: 'SCOPE_EXCEEDS_SCENARIO', text: '数据需求范围超出所述应用场景所需 / The data scope exceeds what the stated scenario needs' },
  { code: 'TECHNICAL_CAPABILITY_INSUFFICIENT', text: '技术能力不满足开放条件 / The technical capability does not meet the opening condition' },
  { code: 'PERSONAL_INFORMATION', text: '涉及未脱敏的个人信息 / The data includes personal information that is not desensitised' },
];

/** Answers to a data objection or a data quality issue (厦门 第十四条 依法处理并反馈; 问题数据可反馈、可追溯、可定责). */
export const DATA_CORRECTION_ANSWERS: readonly string[] = [
  '经核实，相关数据已更正 / Verified; the data has been corrected',
  '经核实，数据准确，不予更正 / Verified; the data is accurate and stays unchanged',
  '已补充缺失字段 / The missing fields have been added',
];

/** Answers to a demand for data not yet open (需求受理反馈). */
export const DEMAND_ANSWERS: readonly string[] = [
  '已纳入下一年度开放计划 / Added to next year’s opening plan',
  '相关数据已列入依申请开放，可通过平台提交申请 / The data is open on application: apply through the platform',
  '经研究，相关数据暂不具备开放条件 / The data cannot be opened for now',
];

/** Answers to objections, quality issues and demand requests: any answer step's without a list of its own (`OfficialStep.answers`). */
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
