import { isIsoDate } from '@gdx/calendar';
import { z } from 'zod';
import { rulesCitationText } from '../rules-citation.js';
import national from '../profiles/national.json' with { type: 'json' };

/**
 * The authorized-operation platform's limit ids (发改数据规〔2025〕27号, 发改价格〔2025〕65号,
 * 内政数字〔2024〕101号, 厦门市公共数据开发利用管理暂行办法), as in the contract's `x-gdx-limits`.
 */
export const AUTHORIZED_OPERATION_LIMIT_IDS = [
  'authorized_operation.plan_deliberation',
  'authorized_operation.plan_change_deliberation',
  'authorized_operation.plan_filing',
  'authorized_operation.tender_period',
  'authorized_operation.call_period',
  'authorized_operation.qualification_review',
  'authorized_operation.government_approval',
  'authorized_operation.agreement_deliberation',
  'authorized_operation.agreement_filing',
  'authorized_operation.term',
  'authorized_operation.amendment',
  'authorized_operation.suspension',
  'authorized_operation.evaluation',
  'authorized_operation.rectification',
  'authorized_operation.termination_request',
  'authorized_operation.data_deletion',
  'authorized_operation.data_access_review',
  'authorized_operation.data_access_agreement_report',
  'authorized_operation.compliance_review',
  'authorized_operation.product_registration',
  'authorized_operation.disclosure',
  'authorized_operation.operator_disclosure',
  'authorized_operation.status_report',
  'authorized_operation.ceiling_report',
  'authorized_operation.pricing_cycle',
  'authorized_operation.record_retention',
] as const;

/** Selection methods (27号 第十二条; 101号 第七条; Xiamen designation). */
export const SELECTION_METHODS = ['open_tender', 'invited_tender', 'negotiation', 'call_and_review', 'designation'] as const;

/** A bidder's eligibility statements (27号 第十二条; 101号 第九条; 厦门办法 第十五条), as the contract's `Eligibility`. */
export const ELIGIBILITY_STATEMENTS = ['goodCredit', 'notBlacklisted', 'mlpsLevel3', 'noHighRiskFinding', 'noSecurityIncidentsLast3Years'] as const;

/** Grounds on which a plan keeps data out of authorized operation (27号 第五条; 101号 第三十三条; 厦门办法 第九条), as the contract's `Exclusion`. */
export const EXCLUSION_GROUNDS = ['national_security', 'public_interest', 'acquisition_agreement', 'law'] as const;

/** Agreement members beyond the sections of 27号 第十四条 a profile may require (101号 第四条(五)、第三十二条). */
export const EXTRA_AGREEMENT_SECTIONS = ['other', 'reasonableReturnMethod', 'assetDisposal', 'securityCommitment'] as const;

/**
 * Running states of an authorization besides `active` in which a profile may keep its permissions
 * open to new data access and products (`permissionsOpenWhile`). Never `suspended` (101号 第三十二条
 * suspends them) nor `termination_requested` (nothing more is granted in an authorization ending early).
 */
export const PERMISSIONS_OPEN_STATES = ['amending', 'under_evaluation', 'rectifying'] as const;

/**
 * Who may file the yearly report on an authorization (`annualReportFiledBy`): its `grantor` (授权主体,
 * 65号 五 "授权主体…报送上一年度运营机构经营情况报告") and, in Inner Mongolia, its `operator` too
 * (101号 第十六条 "授权运营单位…提交公共数据授权运营年度报告").
 */
export const ANNUAL_REPORT_FILERS = ['grantor', 'operator'] as const;

/** A selection method of `SELECTION_METHODS`. */
export type SelectionMethod = (typeof SELECTION_METHODS)[number];

const basisPoints = z.number().int().min(0).max(10_000);

/** The options that are sets of values written as lists (`valueSet`). */
const VALUE_SET_OPTIONS = ['selectionMethods', 'eligibilityStatements', 'dataAccessEligibilityStatements', 'exclusionGrounds', 'agreementSections', 'permissionsOpenWhile', 'annualReportFiledBy'] as const;

/**
 * A raw profile with the repeated values of its set options dropped (the first kept), as they
 * meant nothing more than one: for a caller that must take a profile an older version accepted
 * before repeats were refused (the mock's journal replay and saved sandboxes). Anything else is
 * returned as it is, and a profile without repeats unchanged.
 *
 * @example
 * withoutRepeatedValues({ extends: 'national', options: { authorizedOperation: { permissionsOpenWhile: ['amending', 'amending'] } } });
 * // { extends: 'national', options: { authorizedOperation: { permissionsOpenWhile: ['amending'] } } }
 */
export function withoutRepeatedValues(raw: unknown): unknown {
  const options = (raw as { options?: { authorizedOperation?: unknown } } | null)?.options?.authorizedOperation;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return raw;
  const own = options as Record<string, unknown>;
  const repeated = VALUE_SET_OPTIONS.filter((key) => Array.isArray(own[key]) && new Set(own[key] as unknown[]).size !== (own[key] as unknown[]).length);
  if (repeated.length === 0) return raw;
  const deduplicated = { ...own, ...Object.fromEntries(repeated.map((key) => [key, [...new Set(own[key] as unknown[])]])) };
  const profile = raw as { options: Record<string, unknown> };
  return { ...profile, options: { ...profile.options, authorizedOperation: deduplicated } };
}

/**
 * A set of enumerated values written as a list: each at most once, a repeat refused at its index
 * (issue code `DUPLICATE`, with its Chinese words in `params.zh`), since a value listed twice
 * means nothing a value listed once does not and is most likely a typing slip.
 */
function valueSet<const T extends readonly [string, ...string[]]>(values: T, min = 0) {
  return z
    .array(z.enum(values))
    .min(min)
    .superRefine((items, ctx) => {
      items.forEach((item, index) => {
        if (items.indexOf(item) === index) return;
        ctx.addIssue({ code: 'custom', path: [index], message: `${JSON.stringify(item)} is listed more than once`, params: { code: 'DUPLICATE', zh: `${JSON.stringify(item)} 重复列出` } });
      });
    });
}

/**
 * The pricing rules of 发改价格〔2025〕65号 as profile data, so a province can state its own:
 * the rate cap's spread over the bond yield (三(一): 6 percentage points), the yearly deviation
 * threshold (四: 10 %), the longest price cycle (四: 3 years), the annual report's due day (五: 03-31)
 * and, by choice, the mean 10-year government-bond yields by year (`bondYields`, basis points;
 * empty in the shipped profiles: the caller states the survey's yield).
 */
const pricingRulesSchema = z.strictObject({
  rateCapSpreadBasisPoints: basisPoints,
  deviationThresholdBasisPoints: basisPoints,
  cycleMaxYears: z.number().int().min(1).max(10),
  annualReportDue: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD'),
  bondYields: z.record(z.string().regex(/^\d{4}$/), basisPoints),
});

/**
 * The (choice) behaviours of the authorized-operation platform per profile (authorized-operation.md
 * "Ambiguities and the default chosen"):
 * - `planRequired` — selections need an approved plan (a profile may skip plans, 27号 第八–十一条).
 * - `selectionMethods` — national tender / negotiation, Inner Mongolia call and review, Xiamen designation.
 * - `termPolicy` — a term over the 5-year cap: `warning` (accepted with a justification) or `error`.
 * - `dataAccessRequester` — who applies for data per scenario: the `operator` (national, Inner
 *   Mongolia, reviewed by the data authority and the holder) or the `data_user` (Xiamen 二级开发主体,
 *   reviewed by the operator, the 一级).
 * - `dataAccessScope` — what a data access request may name: `agreement`, only entries of the
 *   authorization's agreed scope (27号 第十四条(一); national, Inner Mongolia, 27号 applying there
 *   too), or `catalog`, any published catalog entry (Xiamen: 二级开发主体 apply from the published
 *   开发数据目录, 厦门办法 第十二、十六条).
 * - `eligibilityStatements` — what a bid must state: good credit (27号 第十二条); Inner Mongolia
 *   adds no blacklist, MLPS level 3 and no high-risk finding (101号 第九条).
 * - `dataAccessEligibilityStatements` — what a data access request must state as met (default none):
 *   Xiamen's 二级开发主体 meet 厦门办法 第十五条's security conditions — no notified security incident in
 *   the last 3 years (四) and not on the serious-dishonesty list (五).
 * - `exclusionGrounds` — the grounds a plan may give for data it keeps out of operation: 危害国家安全,
 *   损害公共利益, 法律法规禁止 (27号 第五条; 厦门办法 第九条); Inner Mongolia adds 获取时约定不得用于授权运营
 *   (`acquisition_agreement`, 101号 第三十三条). Optional in a profile file (default the three).
 * - `agreementSections` — agreement members required beyond 27号 第十四条: Inner Mongolia's
 *   合理收益的测算方法, 期限届满后资产处置 (第四条(五)) and 数据安全承诺书 (第三十二条).
 * - `agreementReport` — Xiamen: the signed 开发利用协议 is reported within 5 WD.
 * - `agreementReportFrom` — when those 5 WD start (ambiguity 5): `signing` (the default), the day
 *   the report states it was signed, so nothing runs before the report; or `approval`, a step
 *   running from the approval of the application.
 * - `statusReport` — Xiamen: the 一级开发主体 (the operator) reports 公共数据授权运营情况 to the city
 *   data authority "定期" (厦门办法 第二十四条), every `authorized_operation.status_report` (choice:
 *   quarterly) from the signing and then from each report. Defaulted off, so a profile file written
 *   before the option still resolves and no other profile gains the duty.
 * - `formalFeesWithFirstReport` — the formal-fee application may come with the first annual report
 *   (domain §9 choice): it then names the filed report (`annualReportYear`); `false` takes the
 *   application on its own, without that member.
 * - `rulesValidUntil` — the last day the local rules are valid (厦门办法: 2025-12-27); `null` when open-ended.
 * - `rules` — the title of those local rules and the article stating their validity (each at most
 *   200 characters, as the contracts bound them), which the `RULES_EXPIRED` message names (Xiamen:
 *   厦门市公共数据开发利用管理暂行办法 第二十七条). Optional (default `null`, the message then names
 *   the profile), so a profile file that sets only `rulesValidUntil` still resolves.
 * - `permissionsOpenWhile` — the running states besides `active` in which data access requests and
 *   products are still applied for and approved (`PERMISSIONS_OPEN_STATES`). The domain opens the
 *   permissions in `active` only (§3) and is silent on the rest: the default `[]` holds new
 *   approvals while the scope may be "调整或收回" (amending) and while the evaluation decides whether
 *   the operator "继续承担" (under evaluation, rectifying); permissions already granted stay open.
 * - `heldReviewClock` — what a review's limit (a data access review, a product's compliance review)
 *   does while the platform holds its approval (the authorization suspended, 101号 第三十二条
 *   "暂停其公共数据申请…权限", or outside the states of `permissionsOpenWhile`): `resume` (the
 *   default) stops it and, once the approval reopens, the review runs on with the days it had left
 *   (the kernel's `deadline: 'resume'`; one already overdue stays overdue) — a reviewer the platform
 *   forbids to approve is not late meanwhile; `runs` keeps it running, as before the option.
 * - `annualReportFiledBy` — who files the year's report (`ANNUAL_REPORT_FILERS`): the `grantor`
 *   (授权主体, 65号 五; the default, 65号 applying everywhere); Inner Mongolia adds the `operator`,
 *   whose own 年度报告 (101号 第十六条) the platform takes as the year's one report, whoever files first.
 * - `bidsShownToBidders` — which bids of a selection a bidder sees besides the implementing body, who
 *   sees them all: `own` (the default) — its own only, also after the selection ends: bids are
 *   confidential (招标投标法 第二十二条: not even the bidders' names or number) and the sources publish
 *   only the operator chosen (授权对象, 27号 第十八条); `after_opening` — every bid once the bids are
 *   opened: a tender's bid deadline passed (开标 at 投标截止, 招标投标法 第三十四、三十六条 reads the
 *   bidders' names and bids to those present) or a call's period ended. A negotiation (谈判) has no
 *   opening: its bids stay each bidder's own under either value.
 *
 * `selectionMethods`, `eligibilityStatements`, `dataAccessEligibilityStatements`, `exclusionGrounds`,
 * `agreementSections`, `permissionsOpenWhile` and `annualReportFiledBy` are sets: a value listed twice is refused at its index (`DUPLICATE`).
 */
const optionsSchema = z.strictObject({
  planRequired: z.boolean(),
  selectionMethods: valueSet(SELECTION_METHODS, 1),
  termPolicy: z.enum(['warning', 'error']),
  eligibilityStatements: valueSet(ELIGIBILITY_STATEMENTS),
  // Defaulted, so a profile file written before the option still resolves.
  dataAccessEligibilityStatements: valueSet(ELIGIBILITY_STATEMENTS).default([]),
  // Defaulted as well: the grounds every profile's rules state.
  exclusionGrounds: valueSet(EXCLUSION_GROUNDS).default(['national_security', 'public_interest', 'law']),
  agreementSections: valueSet(EXTRA_AGREEMENT_SECTIONS),
  dataAccessRequester: z.enum(['operator', 'data_user']),
  dataAccessScope: z.enum(['agreement', 'catalog']),
  agreementReport: z.boolean(),
  agreementReportFrom: z.enum(['signing', 'approval']),
  // Defaulted, so a profile file written before the option still resolves (only Xiamen's rules ask it).
  statusReport: z.boolean().default(false),
  formalFeesWithFirstReport: z.boolean(),
  rulesValidUntil: z.string().refine(isIsoDate, 'a real calendar day YYYY-MM-DD').nullable(),
  rules: z.strictObject({ title: rulesCitationText, basis: rulesCitationText }).nullable().default(null),
  permissionsOpenWhile: valueSet(PERMISSIONS_OPEN_STATES),
  // Defaulted, so a profile file written before the option still resolves.
  heldReviewClock: z.enum(['resume', 'runs']).default('resume'),
  // Defaulted, so a profile file written before the option still resolves (65号 五: the grantor).
  annualReportFiledBy: valueSet(ANNUAL_REPORT_FILERS, 1).default(['grantor']),
  // Defaulted, so a profile file written before the option still resolves (bids confidential).
  bidsShownToBidders: z.enum(['own', 'after_opening']).default('own'),
  pricing: pricingRulesSchema,
});

export const authorizedOperationOptionsSchema = optionsSchema.default(
  () => structuredClone(national.options.authorizedOperation) as unknown as z.output<typeof optionsSchema>,
);

/**
 * The profile's authorized-operation options.
 *
 * @example
 * const o: AuthorizedOperationOptions = resolveProfile('xiamen').options.authorizedOperation;
 * o.dataAccessRequester; // 'data_user'
 */
export type AuthorizedOperationOptions = z.infer<typeof authorizedOperationOptionsSchema>;

/**
 * The pricing rules of a profile (65号).
 *
 * @example
 * const rules: PricingRules = resolveProfile('national').options.authorizedOperation.pricing;
 * rules.deviationThresholdBasisPoints; // 1000
 */
export type PricingRules = z.infer<typeof pricingRulesSchema>;
