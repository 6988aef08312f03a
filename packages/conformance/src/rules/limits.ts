/** Units of a step's limit (docs/design.md §Workflow objects). */
export type LimitUnit = 'working_days' | 'calendar_days' | 'months';

/** One step's time limit as the rules give it, with the rule it comes from. */
export interface StepLimit {
  step: string;
  limit: number;
  unit: LimitUnit;
  basis: string;
}

/** Jurisdiction profiles the workflow checks know. */
export type ProfileName = 'national' | 'inner-mongolia' | 'xiamen';

const REG_26 = '发改数据规〔2025〕26号';
const XM = '厦门市公共数据共享开放管理暂行办法';

const registration = {
  acceptance: { step: 'acceptance', limit: 3, unit: 'working_days', basis: `${REG_26} 第十条` },
  review: { step: 'formal_review', limit: 20, unit: 'working_days', basis: `${REG_26} 第十一条` },
  publicNotice: { step: 'public_notice', limit: 10, unit: 'working_days', basis: `${REG_26} 第十二条` },
  cancellationReview: { step: 'formal_review', limit: 10, unit: 'working_days', basis: `${REG_26} 第九条(四) (注销: 10 WD from acceptance)` },
  /** The registrant's duty: the initial filing within 20 WD after operation started … */
  initialFiling: { step: 'initial_filing', limit: 20, unit: 'working_days', basis: `${REG_26} 第九条(一)` },
  /** … or, for an operation that predates the rules, within 30 WD after they took effect. */
  initialFilingLegacy: { step: 'initial_filing', limit: 30, unit: 'working_days', basis: `${REG_26} 第九条(一) (本办法施行前已开展授权运营的)` },
} as const satisfies Record<string, StepLimit>;

/** 发改数据规〔2025〕26号 第二十四条: "本办法自 2025 年 3 月 1 日起施行". */
export const NATIONAL_REGISTRATION_RULES_IN_FORCE = '2025-03-01';

/** 数据异议: answered within 5 WD (Xiamen 第十四条), on the sharing and open-data platforms alike. */
const dataObjection = { step: 'objection_answer', limit: 5, unit: 'working_days', basis: `${XM} 第十四条` } as const satisfies StepLimit;

/** No limit in the sources for the authority's review of a submitted entry: the spec's choice. */
const catalogReview = { step: 'authority_review', limit: 5, unit: 'working_days', basis: 'shared/domain/catalog.md §Procedure (submitted: none in sources, choice 5 WD)' } as const satisfies StepLimit;

/** 32号 二(五): catalog changes reflected within 20 WD (the national choice follows it). */
const catalogTwentyDays = { step: 'function_change_update', limit: 20, unit: 'working_days', basis: '内政办发〔2023〕32号 二(五)' } as const satisfies StepLimit;

/**
 * 32号 二(五), the provider's other two duties, in every profile (no city rule replaces them):
 * 目录有新增关联的政务数据资源 → 注册 within 20 WD; 目录信息发生变化 → 更新 within 20 WD.
 */
const catalogDuties = {
  newResource: { step: 'new_resource_registration', limit: 20, unit: 'working_days', basis: '内政办发〔2023〕32号 二(五) (新增关联的政务数据资源: 20 个工作日内完成注册)' },
  informationChange: { step: 'information_update', limit: 20, unit: 'working_days', basis: '内政办发〔2023〕32号 二(五) (目录信息发生变化: 20 个工作日内完成更新)' },
} as const satisfies Record<string, StepLimit>;

const openData = {
  initialReview: { step: 'initial_review', limit: 3, unit: 'working_days', basis: `${XM} 第二十三条` },
  substantiveReview: { step: 'substantive_review', limit: 7, unit: 'working_days', basis: `${XM} 第二十三条` },
  /** The sources give no period for usage reports: the contract's choice (`open_data.usage_report`), 90 calendar days from the grant. */
  usageReport: { step: 'usage_report', limit: 90, unit: 'calendar_days', basis: `${XM} 第二十四条(二) (usage feedback; period: the contract's choice, 90 calendar days)` },
  dataObjection,
  /** The sources give no number for answering a spot check: the contract's choice (`open_data.spot_check`), 10 WD from the check. */
  spotCheck: { step: 'spot_check_answer', limit: 10, unit: 'working_days', basis: `${XM} 第二十四条 (接受抽查; answer: the contract's choice, 10 working days)` },
} as const satisfies Record<string, StepLimit>;

const AOP_27 = '发改数据规〔2025〕27号';
const IM_101 = '内政数字〔2024〕101号';

/**
 * The authorized-operation steps (shared/domain/authorized-operation.md §1–§6). Where the sources set
 * no number the domain file's "(choice)" default is expected, so a platform configured otherwise
 * fails by design; the basis says which is which.
 */
const authorizedOperation = {
  planDeliberation: { step: 'plan_deliberation', limit: 30, unit: 'working_days', basis: `${AOP_27} 第十一条 (三重一大; no number in the sources, choice 30 WD)` },
  /** A major change "按原流程重新报请审议" (27号 第十一条): deliberated as the plan, from the change's submission. */
  planChangeDeliberation: { step: 'plan_change_deliberation', limit: 30, unit: 'working_days', basis: `${AOP_27} 第十一条 (按原流程重新报请审议; as the plan's deliberation, choice 30 WD)` },
  planFiling: { step: 'plan_filing', limit: 10, unit: 'working_days', basis: `${AOP_27} 第十一条 (备案; choice 10 WD)` },
  tenderPeriod: { step: 'tender_period', limit: 20, unit: 'calendar_days', basis: '中华人民共和国招标投标法 第二十四条 (at least 20 days; 民法典 第二百零三条 moves an end on a rest day)' },
  callPeriod: { step: 'call_period', limit: 20, unit: 'calendar_days', basis: `${IM_101} 第七条 ("在规定时间内", choice 20 calendar days)` },
  qualificationReview: { step: 'qualification_review', limit: 20, unit: 'working_days', basis: `${IM_101} 第九条 (no number in the source, choice 20 WD)` },
  agreementDeliberation: { step: 'agreement_deliberation', limit: 20, unit: 'working_days', basis: `${AOP_27} 第十三条 (三重一大; choice 20 WD)` },
  rectification: { step: 'rectification', limit: 30, unit: 'calendar_days', basis: `${IM_101} 第三十六条 ("30日内", calendar days from the rectify notice)` },
  complianceReview: { step: 'compliance_review', limit: 5, unit: 'working_days', basis: `${AOP_27} 第十四条(三) (no number in the sources, choice 5 WD)` },
  /** The operator's duty on the registration platform: 20 WD from delivering (listing) the product. */
  productRegistration: { step: 'product_registration', limit: 20, unit: 'working_days', basis: `${AOP_27} 第十六条; 发改数据规〔2025〕26号 第九条(一)` },
  dataAccessReview: { step: 'data_access_review', limit: 10, unit: 'working_days', basis: `${IM_101} 第十二条 (一场景一清单一审定; choice 10 WD)` },
  /** The grantor reports the ceiling fees it set in writing to the 发展改革 and data authorities. */
  ceilingReport: { step: 'ceiling_report', limit: 10, unit: 'working_days', basis: '发改价格〔2025〕65号 二 (书面报告发展改革部门、数据管理部门; choice 10 WD)' },
  /** The implementing body discloses 授权对象、内容、范围和时限 "定期": 20 WD from signing (or a change), then yearly. */
  disclosure: { step: 'disclosure', limit: 20, unit: 'working_days', basis: `${AOP_27} 第十八条 (定期向社会披露; choice 20 WD after signing or a change, then yearly)` },
  /** The operator discloses its product list and its use of public data "定期": half-yearly from signing, then from each disclosure. */
  operatorDisclosure: { step: 'operator_disclosure', limit: 6, unit: 'months', basis: `${AOP_27} 第十九条 (定期向社会披露产品目录和公共数据使用情况; choice half-yearly)` },
} as const satisfies Record<string, StepLimit>;

/** Xiamen: the 一级开发主体 reviews a 二级 application within 5 WD of receipt (厦门办法 第十二条). */
const xiamenAuthorizedOperation = {
  ...authorizedOperation,
  dataAccessReview: { step: 'data_access_review', limit: 5, unit: 'working_days', basis: '厦门市公共数据开发利用管理暂行办法 第十二条' },
  /** The 一级开发主体 reports 公共数据授权运营情况 to the data authority "定期": quarterly from signing, then from each report. */
  statusReport: { step: 'status_report', limit: 3, unit: 'months', basis: '厦门市公共数据开发利用管理暂行办法 第二十四条 (定期向市大数据主管部门报告公共数据授权运营情况; choice quarterly)' },
} as const satisfies Record<string, StepLimit>;

/** An authorized-operation term is "原则上最长不超过 5 年" (27号 第十四条(二); 101号 第八条). */
export const TERM_CAP_YEARS = 5;

/**
 * The limits the workflow checks expect, per profile, written down from
 * `shared/domain/*.md` independently of the implementation (which carries its own copy as
 * `x-gdx-limits` and in its profiles). A deviation between the two is exactly what the kit reports.
 *
 * @example
 * ```ts
 * LIMITS.xiamen.sharing.review.limit; // 5
 * ```
 */
export const LIMITS = {
  national: {
    registration,
    sharing: { review: { step: 'review', limit: 10, unit: 'working_days', basis: '国发〔2016〕51号' }, dataObjection },
    openData,
    catalog: { review: catalogReview, functionChange: { ...catalogTwentyDays, basis: `${catalogTwentyDays.basis} (national choice: as inner-mongolia)` }, ...catalogDuties },
    authorizedOperation,
  },
  'inner-mongolia': {
    registration,
    sharing: {
      /** 合规性审查 before authorisation (shared/domain/sharing.md); the sources give no number: the contract's choice. */
      complianceReview: { step: 'compliance_review', limit: 3, unit: 'working_days', basis: '内政办发〔2023〕32号 八(二十三) (加强数据使用申请合规性审查; no number in the sources, choice 3 WD)' },
      review: { step: 'review', limit: 10, unit: 'working_days', basis: '内政办发〔2023〕32号 (choice: 10 WD)' },
      dataObjection,
    },
    openData,
    catalog: { review: catalogReview, functionChange: catalogTwentyDays, ...catalogDuties },
    authorizedOperation,
  },
  xiamen: {
    registration,
    sharing: { review: { step: 'review', limit: 5, unit: 'working_days', basis: `${XM} 第十七条` }, dataObjection },
    openData,
    catalog: { review: catalogReview, functionChange: { step: 'function_change_update', limit: 7, unit: 'working_days', basis: `${XM} 第九条` }, ...catalogDuties },
    authorizedOperation: xiamenAuthorizedOperation,
  },
} as const satisfies Record<ProfileName, Record<string, Record<string, StepLimit>>>;

/** Renewal opens this many calendar days before expiry (registration, 续展). */
export const RENEWAL_WINDOW_DAYS = 60;

/**
 * A registration is valid this many years from coding, each renewal as long from the day after the
 * previous expiry — never past the authorised operating term (发改数据规〔2025〕26号 第十五条; 223号).
 */
export const VALIDITY_YEARS = 3;
