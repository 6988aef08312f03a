import type { Profile } from '../profile-schema.js';

/**
 * A warning that an object was created under local rules past their validity (ambiguity 11 of
 * authorized-operation.md: 厦门办法 ran 2023-12-28 to 2025-12-27 and is kept, with a warning after it,
 * until a successor is published).
 */
export interface RulesWarning {
  code: 'RULES_EXPIRED';
  /** The last day the profile's local rules were valid. */
  rulesValidUntil: string;
  message: { zh: string; en: string };
}

/**
 * The warnings of an object created on `day` (Asia/Shanghai) under the profile's local rules:
 * `RULES_EXPIRED` once `day` is after `authorizedOperation.rulesValidUntil`, none while the rules
 * are valid or when the profile sets no end (national, Inner Mongolia).
 *
 * @example
 * rulesWarnings(resolveProfile('xiamen'), '2025-12-27'); // []
 * rulesWarnings(resolveProfile('xiamen'), '2025-12-28')[0].code; // 'RULES_EXPIRED'
 */
export function rulesWarnings(profile: Profile, day: string): RulesWarning[] {
  const until = profile.options.authorizedOperation.rulesValidUntil;
  if (until === null || day <= until) return [];
  const { zh, en } = profile.title;
  return [{
    code: 'RULES_EXPIRED',
    rulesValidUntil: until,
    message: {
      zh: `${zh}授权运营规则的有效期已于 ${until} 届满，仍按原规则办理，请关注新规定`,
      en: `${en}'s authorized-operation rules were valid until ${until}; they still apply here until new rules are published`,
    },
  }];
}
