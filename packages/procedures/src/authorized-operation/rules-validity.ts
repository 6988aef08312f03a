import type { Profile } from '../profile-schema.js';
import type { RulesExpiredWarning } from '../rules-expired-warning.js';

/**
 * A warning that an object was live under local rules past their validity (ambiguity 11 of
 * authorized-operation.md: 厦门办法 ran 2023-12-28 to 2025-12-27 and is kept, with a warning after it,
 * until a successor is published). The same shape as the sharing and open-data warning.
 */
export type RulesWarning = RulesExpiredWarning;

/**
 * The warnings of an object judged on `day` (Asia/Shanghai: the last day it was live, or a
 * filing's day) under the profile's local rules:
 * `RULES_EXPIRED` once `day` is after `authorizedOperation.rulesValidUntil`, none while the rules
 * are valid or when the profile sets no end (national, Inner Mongolia). `rules` and `basis` carry
 * the rules' title and the article stating their validity (`authorizedOperation.rules`), which the
 * message names too; both are `null`, and the message names the profile, when it cites none.
 *
 * @example
 * rulesWarnings(resolveProfile('xiamen'), '2025-12-27'); // []
 * rulesWarnings(resolveProfile('xiamen'), '2025-12-28')[0].basis; // '厦门市公共数据开发利用管理暂行办法 第二十七条'
 * rulesWarnings(resolveProfile('xiamen'), '2025-12-28')[0].message.zh;
 * // '《厦门市公共数据开发利用管理暂行办法》有效期已于 2025-12-27 届满（厦门市公共数据开发利用管理暂行办法 第二十七条），仍按原规则办理，请关注新规定'
 */
export function rulesWarnings(profile: Profile, day: string): RulesWarning[] {
  const { rulesValidUntil: until, rules } = profile.options.authorizedOperation;
  if (until === null || day <= until) return [];
  return [{
    code: 'RULES_EXPIRED',
    rules: rules?.title ?? null,
    basis: rules?.basis ?? null,
    rulesValidUntil: until,
    message: rules === null ? profileRulesMessage(profile, until) : citedRulesMessage(rules, until),
  }];
}

function citedRulesMessage({ title, basis }: { title: string; basis: string }, until: string) {
  return {
    zh: `《${title}》有效期已于 ${until} 届满（${basis}），仍按原规则办理，请关注新规定`,
    // The title stays in Chinese (it has no official English one): the English says what it is.
    en: `The local authorized-operation rules ${title} were valid until ${until} (${basis}); they still apply here until new rules are published`,
  };
}

/** A custom profile that ends its rules without citing them: the profile's title stands for them. */
function profileRulesMessage(profile: Profile, until: string) {
  const { zh, en } = profile.title;
  return {
    zh: `${zh}授权运营规则的有效期已于 ${until} 届满，仍按原规则办理，请关注新规定`,
    en: `${en}'s authorized-operation rules were valid until ${until}; they still apply here until new rules are published`,
  };
}
