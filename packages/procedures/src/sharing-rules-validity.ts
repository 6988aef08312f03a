import type { Profile } from './profile-schema.js';
import type { RulesExpiredWarning } from './rules-expired-warning.js';

/**
 * A warning that a sharing request, open-data application or grant falls under local rules past
 * their validity (Xiamen: 厦门市公共数据共享开放管理暂行办法 第三十条, valid 2023-12-28 to 2025-12-27).
 * The deadlines keep the profile's values (the domain's default for expired local rules: keep
 * computing, flag it). A profile always cites these rules, so `rules` and `basis` are never `null`.
 */
export type SharingRulesWarning = RulesExpiredWarning & { rules: string; basis: string };

/**
 * What the warning is about: `limits` for a request or application, whose time limits run under the
 * rules; `grant` for a grant, which has no time limit but whose scope and conditions of use
 * (第二十六条) stem from them.
 */
export type SharingRulesSubject = 'limits' | 'grant';

/**
 * The warnings of a sharing or open-data object on `day` (Asia/Shanghai): `RULES_EXPIRED` once `day`
 * is after `options.sharingOpenDataRules.validUntil`, none while the rules are valid or when the
 * profile sets no end (national, Inner Mongolia). The message fits `subject`.
 *
 * @example
 * sharingRulesWarnings(resolveProfile('xiamen'), '2025-12-27'); // []
 * sharingRulesWarnings(resolveProfile('xiamen'), '2025-12-28')[0].basis; // '厦门市公共数据共享开放管理暂行办法 第三十条'
 * sharingRulesWarnings(resolveProfile('xiamen'), '2025-12-28', 'grant')[0].message.zh;
 * // '本授权依据的《厦门市公共数据共享开放管理暂行办法》有效期已于 2025-12-27 届满（…第三十条），授权范围和使用要求仍按原规则执行，请关注新规定'
 */
export function sharingRulesWarnings(profile: Profile, day: string, subject: SharingRulesSubject = 'limits'): SharingRulesWarning[] {
  const rules = profile.options.sharingOpenDataRules;
  if (rules === null || day <= rules.validUntil) return [];
  const { title, basis, validUntil } = rules;
  return [{ code: 'RULES_EXPIRED', rules: title, basis, rulesValidUntil: validUntil, message: MESSAGES[subject](title, basis, validUntil) }];
}

// The title stays in Chinese (it has no official English one): the English says what it is.
const MESSAGES: Record<SharingRulesSubject, (title: string, basis: string, until: string) => { zh: string; en: string }> = {
  limits: (title, basis, until) => ({
    zh: `《${title}》有效期已于 ${until} 届满（${basis}），时限仍按原规则计算，请关注新规定`,
    en: `The local sharing and open-data rules ${title} were valid until ${until} (${basis}); their time limits still apply here until new rules are published`,
  }),
  grant: (title, basis, until) => ({
    zh: `本授权依据的《${title}》有效期已于 ${until} 届满（${basis}），授权范围和使用要求仍按原规则执行，请关注新规定`,
    en: `This grant holds under the local sharing and open-data rules ${title}, which were valid until ${until} (${basis}); its scope and conditions of use still apply until new rules are published`,
  }),
};
