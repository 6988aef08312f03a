/** Units of a step's limit (docs/design.md §Workflow objects). */
export type LimitUnit = 'working_days' | 'calendar_days';

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
} as const satisfies Record<string, StepLimit>;

const openData = {
  initialReview: { step: 'initial_review', limit: 3, unit: 'working_days', basis: `${XM} 第二十三条` },
  substantiveReview: { step: 'substantive_review', limit: 7, unit: 'working_days', basis: `${XM} 第二十三条` },
} as const satisfies Record<string, StepLimit>;

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
    sharing: { review: { step: 'review', limit: 10, unit: 'working_days', basis: '国发〔2016〕51号' } },
    openData,
  },
  'inner-mongolia': {
    registration,
    sharing: { review: { step: 'review', limit: 10, unit: 'working_days', basis: '内政办发〔2023〕32号 (choice: 10 WD)' } },
    openData,
  },
  xiamen: {
    registration,
    sharing: { review: { step: 'review', limit: 5, unit: 'working_days', basis: `${XM} 第十七条` } },
    openData,
  },
} as const satisfies Record<ProfileName, Record<string, Record<string, StepLimit>>>;

/** Renewal opens this many calendar days before expiry (registration, 续展). */
export const RENEWAL_WINDOW_DAYS = 60;
