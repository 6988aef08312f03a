import { withoutRepeatedValues } from './authorized-operation/profile-part.js';
import { withRulesCitationsCut } from './rules-citation.js';

/**
 * A raw profile an older version accepted, made one this version resolves: repeated values of its
 * set options dropped (`withoutRepeatedValues`) and its authorized-operation rules citation cut to
 * its bound (`withRulesCitationsCut`). For a caller that must take such a profile as it was taken
 * then — the mock's journal replay and saved sandboxes — where a refusal would lose the sandbox
 * and everything in it. A profile this version accepts is returned unchanged.
 *
 * @example
 * resolveProfile(asOnceAccepted(journaledProfile) as object);
 */
export function asOnceAccepted(raw: unknown): unknown {
  return withRulesCitationsCut(withoutRepeatedValues(raw));
}
