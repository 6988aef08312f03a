import { z } from 'zod';

/**
 * The most characters of a local rules' title or of the article stating their validity, as a
 * profile gives them (`authorizedOperation.rules`): the bound the sharing and open-data contracts
 * set on their `RulesExpiredWarning.rules` and `.basis`. It keeps the authorized-operation
 * `RULES_EXPIRED` message that quotes both within a `LocalizedText` (2,000 characters): a longer
 * title was accepted and every answer carrying the warning then broke its contract.
 */
export const RULES_CITATION_MAX_LENGTH = 200;

/** A rules' title or validity article in a profile: 1–{@link RULES_CITATION_MAX_LENGTH} characters. */
export const rulesCitationText = z.string().min(1).max(RULES_CITATION_MAX_LENGTH);

/** `text` cut to {@link RULES_CITATION_MAX_LENGTH} UTF-16 units, never leaving half a surrogate pair. */
function cutToBound(text: string): string {
  const cut = text.slice(0, RULES_CITATION_MAX_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * A raw profile whose authorized-operation rules title or article is cut to
 * {@link RULES_CITATION_MAX_LENGTH} characters: for a caller that must take a profile an older
 * version accepted before the bound (the mock's journal replay and saved sandboxes), which would
 * otherwise fail to load with everything created under it. The message quoting the cut citation
 * then fits its contract, as it did not before. Anything else is returned as it is, and a profile
 * within the bound unchanged.
 *
 * @example
 * withRulesCitationsCut({ extends: 'xiamen', options: { authorizedOperation: { rules: { title: '办'.repeat(201), basis: '第三十条' } } } });
 * // { extends: 'xiamen', options: { authorizedOperation: { rules: { title: '办'.repeat(200), basis: '第三十条' } } } }
 */
export function withRulesCitationsCut(raw: unknown): unknown {
  const options = (raw as { options?: { authorizedOperation?: { rules?: unknown } } } | null)?.options?.authorizedOperation;
  const rules = options?.rules;
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return raw;
  const own = rules as Record<string, unknown>;
  const long = (['title', 'basis'] as const).filter((key) => typeof own[key] === 'string' && (own[key] as string).length > RULES_CITATION_MAX_LENGTH);
  if (long.length === 0) return raw;
  const cut = { ...own, ...Object.fromEntries(long.map((key) => [key, cutToBound(own[key] as string)])) };
  const profile = raw as { options: { authorizedOperation: Record<string, unknown> } };
  return { ...profile, options: { ...profile.options, authorizedOperation: { ...profile.options.authorizedOperation, rules: cut } } };
}
