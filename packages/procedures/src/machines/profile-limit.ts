import type { Limit, TransitionDefinition } from '@gdx/kernel';
import type { LimitId, Profile } from '../profile-schema.js';

/**
 * The kernel limit of a profile entry. `onExpiry` belongs to the machine (what the step means),
 * the number, unit, trigger and source to the profile, as does whether a working-day limit counts
 * its start day (`options.startDayCounted`).
 *
 * @example
 * profileLimit(profile, 'registration.acceptance', 'acceptance', 'flag_overdue').value; // 3
 */
export function profileLimit(
  profile: Profile,
  id: LimitId,
  step: string,
  onExpiry: Limit['onExpiry'],
  extra: Pick<Limit, 'capField' | 'estimate' | 'holidayExtension' | 'extendFrom'> = {},
): Limit {
  const l = profile.limits[id];
  return {
    id: step,
    value: l.value,
    unit: l.unit,
    startTrigger: l.startTrigger,
    basis: l.basis,
    onExpiry,
    ...(l.choice ? { choice: true } : {}),
    // Only working-day periods read it (民法典 第二百零一条 overridden by `options.startDayCounted`).
    ...(profile.options.startDayCounted && l.unit === 'working_days' ? { countStartDay: true } : {}),
    ...extra,
  };
}

/**
 * The self-transition an official step offers once overdue: the authority records why
 * (`overdue_explained`); the deadline stays flagged.
 *
 * @example
 * explainOverdue('under_review', ['registry']).eventType; // 'overdue_explained'
 */
export function explainOverdue(state: string, by: string[]): TransitionDefinition {
  return { from: state, event: 'explain_overdue', to: state, by, guard: 'overdue', requires: ['reasons'], eventType: 'overdue_explained' };
}
