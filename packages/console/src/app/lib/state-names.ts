import type { Localized, Step } from '../api/types.js';

/** Picks the locale's text of a server's `{ zh, en }` (`''` for none), as `useT().pick` does. */
type Pick = (text: Localized | undefined | null) => string;

/**
 * No state (the `from` of an object's first event, an event that changes no state): "∅" reads as
 * a symbol in English, but not as a word in a Chinese sentence.
 */
const NO_STATE: Localized = { zh: '（无）', en: '∅' };

/**
 * A state's name in the locale: the label the server sends with it (the object's procedure names
 * it, as on the timeline), else the state's id; `∅` (in Chinese `（无）`) for none.
 *
 * @example
 * ```ts
 * stateName('in_public_notice', { zh: '公示中', en: 'In public notice' }, pick); // '公示中' in Chinese
 * stateName('not_named_yet', undefined, pick);                                  // 'not_named_yet'
 * ```
 */
export function stateName(state: string | null, label: Localized | null | undefined, pick: Pick): string {
  return state === null ? pick(NO_STATE) : pick(label) || state;
}

/**
 * Names the states of one object in the locale: the labels its timeline's steps carry (the state
 * machine's), else the state's id (a state the object has not been in); `∅` for none.
 *
 * @example
 * ```ts
 * const name = stateNames(timeline.steps, pick);
 * name('under_review'); // '形式审核' in Chinese
 * ```
 */
export function stateNames(steps: Step[], pick: Pick): (state: string | null) => string {
  const labels = new Map(steps.map((s) => [s.state, s.label]));
  return (state) => stateName(state, state === null ? null : labels.get(state), pick);
}
