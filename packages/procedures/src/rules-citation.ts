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
