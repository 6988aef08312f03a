import type { Profile } from './profile-schema.js';

/**
 * A warning that a sharing request, open-data application or grant falls under local rules past
 * their validity (Xiamen: 厦门市公共数据共享开放管理暂行办法 第三十条, valid 2023-12-28 to 2025-12-27).
 * The deadlines keep the profile's values (the domain's default for expired local rules: keep
 * computing, flag it).
 */
export interface SharingRulesWarning {
  code: 'RULES_EXPIRED';
  /** The expired rules' title. */
  rules: string;
  /** The article that states their validity. */
  basis: string;
  /** The last day the rules were valid. */
  rulesValidUntil: string;
  message: { zh: string; en: string };
}

/**
 * The warnings of a sharing or open-data object on `day` (Asia/Shanghai): `RULES_EXPIRED` once `day`
 * is after `options.sharingOpenDataRules.validUntil`, none while the rules are valid or when the
 * profile sets no end (national, Inner Mongolia).
 *
 * @example
 * sharingRulesWarnings(resolveProfile('xiamen'), '2025-12-27'); // []
 * sharingRulesWarnings(resolveProfile('xiamen'), '2025-12-28')[0].basis; // '厦门市公共数据共享开放管理暂行办法 第三十条'
 */
export function sharingRulesWarnings(profile: Profile, day: string): SharingRulesWarning[] {
  const rules = profile.options.sharingOpenDataRules;
  if (rules === null || day <= rules.validUntil) return [];
  const { title, basis, validUntil } = rules;
  return [{
    code: 'RULES_EXPIRED',
    rules: title,
    basis,
    rulesValidUntil: validUntil,
    message: {
      zh: `《${title}》有效期已于 ${validUntil} 届满（${basis}），时限仍按原规则计算，请关注新规定`,
      en: `${title} was valid until ${validUntil} (${basis}); its time limits still apply here until new rules are published`,
    },
  }];
}
