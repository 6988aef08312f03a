import type { Localized } from '../api/types.js';
import { useT } from '../i18n/locale.js';
import { stateName } from '../lib/state-names.js';

/**
 * A state's id as secondary text beside its name (vendors search a page for the ids their code
 * uses); nothing when the state has no other name than its id, so it is not shown twice.
 */
export function StateId({ state, label }: { state: string | null; label: Localized | null | undefined }) {
  const { pick } = useT();
  if (state === null || stateName(state, label, pick) === state) return null;
  return (
    <>
      {' '}
      <code class="hint">{state}</code>
    </>
  );
}

/** A state's name in the locale, with its id beside it (`StateId`). */
export function StateName({ state, label }: { state: string | null; label: Localized | null | undefined }) {
  const { pick } = useT();
  return (
    <>
      {stateName(state, label, pick)}
      <StateId state={state} label={label} />
    </>
  );
}
