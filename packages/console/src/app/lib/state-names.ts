import type { Localized, Step } from '../api/types.js';

/**
 * Names the states of one object in the locale: the labels its timeline's steps carry (the state
 * machine's), else the state's id (a state the object has not been in); `∅` for none.
 */
export function stateNames(steps: Step[], pick: (text: Localized | undefined) => string): (state: string | null) => string {
  const labels = new Map(steps.map((s) => [s.state, s.label]));
  return (state) => (state === null ? '∅' : pick(labels.get(state)) || state);
}
