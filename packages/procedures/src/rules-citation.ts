import { z } from 'zod';

/**
 * The most characters of a local rules' title or of the article stating their validity, as a
 * profile gives them (`authorizedOperation.rules`, `sharingOpenDataRules`): the bound the contracts
 * set on `RulesExpiredWarning.rules` and `.basis` (every platform's `RULES_EXPIRED`). It keeps the
 * messages that quote both within a `LocalizedText` (2,000 characters): a longer
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

/** `rules` with its `title` and `basis` cut to the bound, or `rules` itself when neither is over it (or it is no object). */
function citationCut(rules: unknown): unknown {
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return rules;
  const own = rules as Record<string, unknown>;
  const long = (['title', 'basis'] as const).filter((key) => typeof own[key] === 'string' && (own[key] as string).length > RULES_CITATION_MAX_LENGTH);
  return long.length === 0 ? rules : { ...own, ...Object.fromEntries(long.map((key) => [key, cutToBound(own[key] as string)])) };
}

/**
 * A raw profile whose rules citations — the authorized-operation rules (`authorizedOperation.rules`)
 * and the sharing and open-data rules (`sharingOpenDataRules`) — have their title and article cut
 * to {@link RULES_CITATION_MAX_LENGTH} characters: for a caller that must take a profile an older
 * version accepted before the bound (the mock's journal replay and saved sandboxes), which would
 * otherwise fail to load with everything created under it. The warnings quoting the cut citation
 * then fit their contracts, as they did not before. Anything else is returned as it is, and a
 * profile within the bound unchanged.
 *
 * @example
 * withRulesCitationsCut({ extends: 'xiamen', options: { authorizedOperation: { rules: { title: '办'.repeat(201), basis: '第三十条' } } } });
 * // { extends: 'xiamen', options: { authorizedOperation: { rules: { title: '办'.repeat(200), basis: '第三十条' } } } }
 */
export function withRulesCitationsCut(raw: unknown): unknown {
  const options = (raw as { options?: unknown } | null)?.options;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return raw;
  const own = options as { authorizedOperation?: unknown; sharingOpenDataRules?: unknown };
  const ao = own.authorizedOperation;
  const aoRules = ao !== null && typeof ao === 'object' && !Array.isArray(ao) ? (ao as { rules?: unknown }).rules : undefined;
  const cutAoRules = citationCut(aoRules);
  const cutSharingRules = citationCut(own.sharingOpenDataRules);
  if (cutAoRules === aoRules && cutSharingRules === own.sharingOpenDataRules) return raw;
  const cutOptions: Record<string, unknown> = { ...own };
  if (cutAoRules !== aoRules) cutOptions.authorizedOperation = { ...(ao as object), rules: cutAoRules };
  if (cutSharingRules !== own.sharingOpenDataRules) cutOptions.sharingOpenDataRules = cutSharingRules;
  return { ...(raw as object), options: cutOptions };
}
