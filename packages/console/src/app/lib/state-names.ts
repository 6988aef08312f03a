import type { FeedEvent, FiredTransition, Localized, Step } from '../api/types.js';

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

/**
 * Names the states of the transitions a clock advance fired, which its answer gives by id only:
 * by the labels the feed's events carry (`fromLabel`, `toLabel`, the object's procedure's), read
 * from the advance's `eventsCursor`; a state no event names keeps its id. Keyed by platform and
 * object type too, as two procedures may name one state id apart.
 *
 * @example
 * ```ts
 * const name = firedStateNames(feed.items, pick);
 * name(fired, fired.to); // '已受理' in Chinese
 * ```
 */
export function firedStateNames(events: FeedEvent[], pick: Pick): (fired: FiredTransition, state: string | null) => string {
  const key = (platform: string, objectType: string, state: string) => `${platform}/${objectType}/${state}`;
  const labels = new Map<string, Localized>();
  for (const e of events) {
    if (e.event.from !== null && e.fromLabel) labels.set(key(e.platform, e.objectType, e.event.from), e.fromLabel);
    if (e.event.to !== null && e.toLabel) labels.set(key(e.platform, e.objectType, e.event.to), e.toLabel);
  }
  return (fired, state) => stateName(state, state === null ? null : labels.get(key(fired.platform, fired.objectType, state)), pick);
}
