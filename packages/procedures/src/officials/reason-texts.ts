/**
 * Realistic texts the simulated officials draw from, each `{ code, text }` with the Chinese
 * wording first and an English gloss (the shape of the OpenAPI `Reason`).
 */
export interface ReasonText {
  code: string;
  text: string;
}

/** Reasons more than one step gives, written once. */
const SCENARIO_MISMATCH: ReasonText = { code: 'SCENARIO_MISMATCH', text: '申请字段超出所述应用场景所需范围 / The requested fields exceed what the stated scenario needs' };
const SECURITY_MEASURES_MISSING: ReasonText = { code: 'SECURITY_MEASURES_MISSING', text: '未说明数据安全保障措施 / No data security measures are described' };
const NOT_IN_DUTIES: ReasonText = { code: 'NOT_IN_DUTIES', text: '申请事项超出申请单位法定职责范围 / The request is outside the applicant’s statutory duties' };
const PERSONAL_INFORMATION: ReasonText = { code: 'PERSONAL_INFORMATION', text: '涉及未脱敏的个人信息 / The data includes personal information that is not desensitised' };

/**
 * Reasons for refusals, returns, failed reviews and upheld objections: a registration's, and any
 * step's without a list of its own (`OfficialStep.reasons`).
 */
export const REJECTION_REASONS: readonly ReasonText[] = [
  { code: 'LEGAL_SOURCE_UNCLEAR', text: '数据合法合规性来源说明不充分 / The legal source of the data is insufficiently documented' },
  SCENARIO_MISMATCH,
  SECURITY_MEASURES_MISSING,
  { code: 'AUTHORISATION_EXPIRED', text: '授权运营协议已过期 / The authorised operation agreement has expired' },
  NOT_IN_DUTIES,
  PERSONAL_INFORMATION,
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
  SCENARIO_MISMATCH,
  SECURITY_MEASURES_MISSING,
  NOT_IN_DUTIES,
];

/** Reasons a sharing request fails Inner Mongolia's compliance review of a data-use request (合规性审查). */
export const SHARING_COMPLIANCE_REASONS: readonly ReasonText[] = [
  { code: 'LEGAL_BASIS_MISSING', text: '数据使用申请未说明合法合规依据 / The request states no legal basis for using the data' },
  NOT_IN_DUTIES,
  SCENARIO_MISMATCH,
  SECURITY_MEASURES_MISSING,
];

/** Reasons the platform operator returns an open-data application: its initial review checks form and completeness only (厦门 第二十三条 规范性、完整性). */
export const OPEN_DATA_RETURN_REASONS: readonly ReasonText[] = [
  { code: 'EVIDENCE_INCOMPLETE', text: '开放条件证明材料不完整 / The evidence for an opening condition is incomplete' },
  { code: 'SCENARIO_VAGUE', text: '应用场景描述不具体 / The application scenario is too vague' },
  { code: 'DATA_SCOPE_UNCLEAR', text: '数据需求范围填写不明确 / The data scope is not stated clearly' },
  SECURITY_MEASURES_MISSING,
];

/** Reasons an open-data application is refused after the substantive review (published, 厦门 第二十三、二十四条: the opening conditions). */
export const OPEN_DATA_REJECTION_REASONS: readonly ReasonText[] = [
  { code: 'SCENARIO_NOT_ALLOWED', text: '申请的应用场景不符合数据集的开放条件 / The application scenario does not meet the dataset’s opening conditions' },
  { code: 'SCOPE_EXCEEDS_SCENARIO', text: '数据需求范围超出所述应用场景所需 / The data scope exceeds what the stated scenario needs' },
  { code: 'TECHNICAL_CAPABILITY_INSUFFICIENT', text: '技术能力不满足开放条件 / The technical capability does not meet the opening condition' },
  PERSONAL_INFORMATION,
];

/**
 * Reasons the data authority returns a catalog entry for correction (退回纠正): what its review of
 * the entry's metadata checks — the data items, the sharing and opening attributes with their
 * conditions and the legal basis of a `not_shared` one, the authoritative source (一数一源), the
 * update cycle and the grade (内政办发〔2023〕32号 二(三)–(五); 厦门 第六–十五条; 编制指南).
 */
export const CATALOG_RETURN_REASONS: readonly ReasonText[] = [
  { code: 'DATA_ITEMS_INCOMPLETE', text: '信息项描述不完整（缺少数据类型、长度或说明） / The data items are incomplete (type, length or description missing)' },
  { code: 'NOT_SHARED_WITHOUT_BASIS', text: '不予共享未提供法律、行政法规或政策依据 / Marked not shared without its legal basis' },
  { code: 'CONDITIONS_MISSING', text: '有条件共享或依申请开放未列明条件 / Conditional sharing or opening on application without its conditions' },
  { code: 'SOURCE_UNCLEAR', text: '数据权威来源不明确，不符合一数一源 / The authoritative source is unclear (one source per data item)' },
  { code: 'UPDATE_CYCLE_MISSING', text: '未填写更新周期 / The update cycle is not stated' },
  { code: 'GRADE_MISSING', text: '未标注数据分级 / The data grade is not marked' },
];

/**
 * Reasons the grantor refuses an authorized-operation plan or its major change after deliberation
 * ("三重一大", 发改数据规〔2025〕27号 第十一条): the plan's required parts (term, scope and scenarios,
 * security, revenue sharing, evaluation and exit) and, for a change, its cause (原则上不得随意变更).
 */
export const AO_PLAN_REASONS: readonly ReasonText[] = [
  { code: 'PLAN_CONTENT_INCOMPLETE', text: '实施方案缺少安全保障、监督评价或退出机制等内容 / The plan lacks required parts (security, supervision and evaluation, exit)' },
  { code: 'SCOPE_SCENARIO_MISMATCH', text: '授权数据范围与应用场景不相匹配 / The data scope does not match the application scenarios' },
  { code: 'REVENUE_SHARING_UNCLEAR', text: '收益分配机制不明确 / The revenue-sharing mechanism is not set out' },
  { code: 'CHANGE_NOT_JUSTIFIED', text: '重大变更理由不充分（原则上不得随意变更） / The major change is not justified (plans are not to be changed at will)' },
];

/** Reasons Inner Mongolia's government does not confirm a selected operator (审定, 内政数字〔2024〕101号 第七、九条). */
export const AO_SELECTION_REASONS: readonly ReasonText[] = [
  { code: 'QUALIFICATION_NOT_MET', text: '运营主体不符合征集公告列明的资格条件 / The operator does not meet the conditions the call set out' },
  { code: 'SECURITY_CAPABILITY_INSUFFICIENT', text: '数据安全保障能力不足 / The operator’s data security capability is insufficient' },
  { code: 'REVIEW_NOT_PASSED', text: '专家组综合评审意见未予支持 / The expert panel’s review does not support the selection' },
];

/** What an annual evaluation orders rectified (限期整改, 内政数字〔2024〕101号 第三十六条; 27号 第十四条(九)). */
export const AO_RECTIFICATION_REASONS: readonly ReasonText[] = [
  { code: 'DISCLOSURE_INCOMPLETE', text: '未按规定公开授权运营情况 / The operation was not disclosed as required' },
  { code: 'SECURITY_DEFECTS', text: '数据安全管理存在问题 / The data security management has defects' },
  { code: 'PRICING_NOT_FOLLOWED', text: '收费未按价格政策执行 / Charges did not follow the pricing rules' },
  { code: 'SCOPE_EXCEEDED', text: '超出授权范围使用公共数据 / Public data was used beyond the authorized scope' },
];

/**
 * Reasons a data-access application is refused (一场景一清单一审定, 内政数字〔2024〕101号 第十二条;
 * 厦门 第十二、十六条: 主体资质、应用场景、公共数据需求、开发利用方式、安全保障措施).
 */
export const AO_DATA_ACCESS_REASONS: readonly ReasonText[] = [
  { code: 'SCENARIO_OUTSIDE_AUTHORIZATION', text: '应用场景超出授权运营范围 / The scenario is outside the authorization’s scope' },
  { code: 'DATA_NEED_EXCESSIVE', text: '公共数据需求超出应用场景所需 / The public data requested exceeds what the scenario needs' },
  { code: 'QUALIFICATION_NOT_MET', text: '申请主体资质不符合要求 / The applicant’s qualifications do not meet the requirements' },
  SECURITY_MEASURES_MISSING,
];

/**
 * Reasons a data product fails its compliance review (security and business compliance,
 * 发改数据规〔2025〕27号 第六条、第十四条(三)): raw data leaving its domain, personal information,
 * re-developing a product the operator delivered.
 */
export const AO_PRODUCT_REASONS: readonly ReasonText[] = [
  { code: 'RAW_DATA_EXPOSED', text: '产品直接提供原始数据，不符合原始数据不出域要求 / The product hands out raw data, which must not leave its domain' },
  PERSONAL_INFORMATION,
  { code: 'REDEVELOPMENT', text: '对已交付的数据产品进行再开发 / The product re-develops one the operator already delivered' },
  { code: 'SECURITY_REVIEW_FAILED', text: '未通过数据安全审查 / The product did not pass the data security review' },
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
