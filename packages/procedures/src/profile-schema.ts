import { isIsoDate } from '@gdx/calendar';
import { z } from 'zod';
import { PLAN_CHANGE_DELIBERATION, withPlanChangeDeliberation } from './authorized-operation/plan-change-limit.js';
import { AUTHORIZED_OPERATION_LIMIT_IDS, authorizedOperationOptionsSchema } from './authorized-operation/profile-part.js';
import { nationalLimitDefaults } from './national-limit-defaults.js';
import { NATIONAL_REVOCATION_GROUNDS, REVOCATION_GROUNDS } from './registration-grounds.js';
import { rulesCitationText } from './rules-citation.js';

const limitSchema = z.strictObject({
  value: z.number().int().positive(),
  unit: z.enum(['working_days', 'calendar_days', 'hours', 'months', 'years']),
  startTrigger: z.string().min(1),
  basis: z.string().min(1),
  /** The sources are silent: a project default (a "(choice)" of the domain spec). */
  choice: z.boolean().optional(),
  /** Real law or practice the seeds do not contain ("(external)"). */
  external: z.boolean().optional(),
  note: z.string().optional(),
});

const labelMap = z.record(z.string(), z.string());

/** The day a platform's rules took effect (施行), with the article that says so. */
const effectiveDateSchema = z.strictObject({
  date: z.string().refine(isIsoDate, 'a real calendar day YYYY-MM-DD'),
  basis: z.string().min(1),
  choice: z.boolean().optional(),
  note: z.string().optional(),
});

/** Every limit a profile must define, by id (`<platform>.<step>`). */
export const LIMIT_IDS = [
  'registration.initial_filing',
  'registration.initial_filing_legacy',
  'registration.acceptance',
  'registration.formal_review',
  'registration.public_notice',
  'registration.cancellation',
  'registration.validity',
  'registration.renewal_window',
  'sharing.compliance_review',
  'sharing.review',
  'sharing.delivery',
  'sharing.data_objection',
  'sharing.quality_issue',
  'open_data.initial_review',
  'open_data.substantive_review',
  'open_data.usage_report',
  'open_data.demand_answer',
  'open_data.data_objection',
  'open_data.spot_check',
  'catalog.review',
  'catalog.new_resource',
  'catalog.info_change',
  'catalog.function_change',
  ...AUTHORIZED_OPERATION_LIMIT_IDS,
] as const;

/** A limit id of `LIMIT_IDS`. */
export type LimitId = (typeof LIMIT_IDS)[number];

/**
 * Limits added after profiles were first written: a profile without them takes the national entry
 * (but the plan change's, which takes the profile's own plan deliberation: `withPlanChangeDeliberation`).
 */
const LATER_LIMIT_IDS = ['sharing.compliance_review', 'open_data.spot_check', ...AUTHORIZED_OPERATION_LIMIT_IDS.filter((id) => id !== PLAN_CHANGE_DELIBERATION)] as const;

export const profileSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  title: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  /** Region code (行政区划代码) used by the coding rule, e.g. `350200`. */
  regionCode: z.string().regex(/^\d{6}$/),
  limits: z.preprocess(
    withPlanChangeDeliberation,
    z.strictObject({
      ...(Object.fromEntries(LIMIT_IDS.map((id) => [id, limitSchema])) as Record<LimitId, typeof limitSchema>),
      ...nationalLimitDefaults(limitSchema, LATER_LIMIT_IDS),
    }),
  ),
  /**
   * When each platform's rules took effect (施行). Registration: operations that predate it file
   * their initial registration within `registration.initial_filing_legacy` from that day.
   */
  effectiveDates: z.strictObject({ registration: effectiveDateSchema }),
  labels: z.strictObject({
    sharingType: z.strictObject({ unconditional: z.string(), conditional: z.string(), not_shared: z.string() }),
    openingType: z.strictObject({ open: z.string(), on_application: z.string(), not_open: z.string() }),
    registrationEvidence: z.string(),
    extra: labelMap.optional(),
  }),
  options: z.strictObject({
    /** false (default): the notice clock keeps running during an objection review. */
    objectionPausesNotice: z.boolean(),
    /**
     * How many supplement notices (补正通知) the registry's acceptance may give one application:
     * `once` (default) — 一次性告知 (26号 第十条, 223号 第十一条, the same words): the one notice lists
     * every missing or non-compliant item, so after the resubmission the registry accepts or refuses
     * to accept (不予受理, with reasons); a second `request_supplements` answers 409
     * `ILLEGAL_TRANSITION`, reasonCode `SUPPLEMENT_ALREADY_REQUESTED`. `repeatable` — a new notice
     * after each resubmission (a local practice the seeds do not state). A failed review returning
     * to `supplement_required` (`reviewFailedReturnsToSupplement`) is the review's notice, not the
     * acceptance's, and is not counted.
     */
    supplementNotice: z.enum(['once', 'repeatable']).default('once'),
    /** false (default): a failed review is terminal; true: it returns to `supplement_required`. */
    reviewFailedReturnsToSupplement: z.boolean(),
    /** `query_code` 登记结果查询码 (national) or `certificate` 登记证书 (Inner Mongolia). */
    registrationEvidence: z.enum(['query_code', 'certificate']),
    /** Public notice per registration type (initial always has one). */
    noticeFor: z.strictObject({ change: z.boolean(), correction: z.boolean() }),
    /**
     * Who codes (赋码) a registration whose public notice ended without an objection (choice: the
     * sources say 公示期满无异议的 the registry codes, not when): `on_notice_close` (default) — the
     * notice's end codes it; `by_registry` — the notice closes (deadline none) and the registry's
     * `issue_code` codes it.
     */
    codeIssuance: z.enum(['on_notice_close', 'by_registry']).default('on_notice_close'),
    /**
     * The revocation grounds (撤销事由) the registry may state: 26号 第二十条's four by default
     * (`false_materials`, `tampering_or_forgery`, `improper_use`, `other_violation`); Inner Mongolia
     * adds 223号 第十六条(一)–(三) (`registration_bar_found`, `circulation_obstruction`,
     * `security_duty_failure`). A ground the profile does not list is refused at `/ground`.
     */
    revocationGrounds: z.array(z.enum(REVOCATION_GROUNDS)).min(1).default(() => [...NATIONAL_REVOCATION_GROUNDS]),
    /**
     * How a registration's validity end moves off a rest day (民法典 第二百零三条: the last day of a
     * period that is a 法定休假日 moves to the day after it): `rest_days` (default, as every other
     * calendar-day or year period; weekends count, as courts read the article), `statutory_holidays`
     * (only listed holidays), or `none` (plain date arithmetic, the behaviour before). Applies to the
     * 3-year period only, never to the authorised operating term capping it (a date the agreement
     * fixes, not a period the law counts).
     */
    validityEndExtension: z.enum(['rest_days', 'statutory_holidays', 'none']).default('rest_days'),
    /**
     * Whether a working-day limit counts the day its step started (e.g. the day of receipt) as its
     * first working day when that is one. `false` (default): 民法典 第二百零一条 — "开始的当日不计入",
     * external law the domain rules make overridable — so 3 WD from Friday 2025-09-26 end on
     * 2025-09-30; `true` (a jurisdiction counting the day of receipt): on 09-29. Calendar-day and
     * year periods (validity, renewal window, report cycles) always leave their start day out: their
     * continuations run 自上一届有效期满次日起.
     */
    startDayCounted: z.boolean().default(false),
    /**
     * Who lets a 不予开放 resource's reclassification take effect (choice: 厦门 第二十二条 says a
     * processed or consented resource 应当纳入 open or on-application opening, not who decides):
     * `authority` (default) — it is a change of catalog information, reviewed by the data authority
     * like any other (`change_submitted`, `catalog.review`); `none` — the provider's stated ground
     * publishes it at once.
     */
    reclassificationReview: z.enum(['authority', 'none']).default('authority'),
    /**
     * The catalog's (choice) behaviours. `sharingTypeDispute` (厦门 第十五条; default false): while
     * the data authority reviews an entry it may dispute the provider's sharing-type label; they
     * negotiate, and if they cannot agree the city government decides (报市人民政府决定).
     * `disputeReviewClock` (the sources are silent): `restart` (default) — the review's clock stops
     * during the dispute and the resumed review has its full limit again; `runs` — it keeps running;
     * `resume` — it stops, and the resumed review has the working days it had left.
     * `functionChangeSuccessor` (厦门 第九条: the provider updates the catalog "会同职能转入部门";
     * default false): a reported `function_change` names the department taking over the functions
     * (`successor`), which the rules make a party of the update.
     */
    catalog: z
      .strictObject({
        sharingTypeDispute: z.boolean().default(false),
        disputeReviewClock: z.enum(['restart', 'runs', 'resume']).default('restart'),
        functionChangeSuccessor: z.boolean().default(false),
      })
      .default(() => ({ sharingTypeDispute: false, disputeReviewClock: 'restart' as const, functionChangeSuccessor: false })),
    /** Registration code template: `{prefix}`, `{region}`, `{year}`, `{seq}` (zero-padded to `seqDigits`). */
    coding: z.strictObject({ prefix: z.string(), template: z.string().min(1), seqDigits: z.number().int().min(1).max(12) }),
    /**
     * The sharing platform's (choice) behaviours. `complianceReview` (Inner Mongolia's 合规性审查,
     * 内政办发〔2023〕32号 八(二十三); default false): a conditional request first goes to
     * `compliance_review` (the platform operator, limit `sharing.compliance_review`), then to the
     * joint review.
     */
    sharing: z.strictObject({ complianceReview: z.boolean() }).default(() => ({ complianceReview: false })),
    /**
     * The local rules the sharing and open-data limits cite, when they have a validity end (Xiamen:
     * 厦门市公共数据共享开放管理暂行办法, valid to 2025-12-27 by its 第三十条). `null` (default) when
     * open-ended (national, Inner Mongolia). After `validUntil` the deadlines keep the profile's values
     * and the objects carry `RULES_EXPIRED` (`sharingRulesWarnings`); a profile extending xiamen moves
     * the end with `{ options: { sharingOpenDataRules: { validUntil } } }`.
     */
    sharingOpenDataRules: z
      .strictObject({
        /** The rules' title, e.g. `厦门市公共数据共享开放管理暂行办法` (at most 200 characters, as the warning's `rules`). */
        title: rulesCitationText,
        /** The article stating the validity, e.g. `厦门市公共数据共享开放管理暂行办法 第三十条` (at most 200 characters). */
        basis: rulesCitationText,
        /** The last day the rules are valid (YYYY-MM-DD). */
        validUntil: z.string().refine(isIsoDate, 'a real calendar day YYYY-MM-DD'),
      })
      .nullable()
      .default(null),
    /** The authorized-operation platform's (choice) behaviours and pricing rules (national defaults when absent). */
    authorizedOperation: authorizedOperationOptionsSchema,
  }),
});

/**
 * A jurisdiction profile: every limit (value, unit, start trigger, source), labels and options.
 *
 * @example
 * const p: Profile = resolveProfile('xiamen');
 * p.limits['sharing.review'].value; // 5
 */
export type Profile = z.infer<typeof profileSchema>;

/**
 * When a platform's rules took effect, with its source article.
 *
 * @example
 * const d: ProfileEffectiveDate = { date: '2025-03-01', basis: '发改数据规〔2025〕26号 第二十四条' };
 */
export type ProfileEffectiveDate = z.infer<typeof effectiveDateSchema>;

/**
 * One limit of a profile.
 *
 * @example
 * const l: ProfileLimit = { value: 3, unit: 'working_days', startTrigger: 'received', basis: '发改数据规〔2025〕26号 第十条' };
 */
export type ProfileLimit = z.infer<typeof limitSchema>;
