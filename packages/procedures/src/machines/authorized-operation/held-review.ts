import type { TransitionDefinition } from '@gdx/kernel';
import type { Profile } from '../../profile-schema.js';

/** A clock event holding or releasing a review's approval, and the event type it is recorded as. */
export interface HoldEvent {
  event: string;
  eventType: string;
}

/** The clock's hold of an approval while the authorization takes no new permissions (`permissionsOpen`). */
export const CLOSE: HoldEvent = { event: 'close_approval', eventType: 'approval_closed' };
/** Its release once the authorization is `active` again. */
export const REOPEN: HoldEvent = { event: 'reopen_approval', eventType: 'approval_reopened' };

/**
 * The clock's hold (`hold`, sets `data[flag]`) and release (`release`, clears it) of the approval
 * of a review in `state` — self-transitions, since the review itself goes on (it may still refuse).
 * Under the profile's `heldReviewClock: resume` (the default) a hold also stops the review's clock
 * (`deadline: 'clear'`, `data.reviewPaused`) and the release resumes it with the working days it
 * had left (the kernel's `deadline: 'resume'`, `startTrigger: 'resumed'`): while the platform
 * forbids the approval the reviewer cannot be late. A review already overdue when held keeps its
 * flagged deadline (guard `holdStopsReviewClock`, failing once overdue: a pause must not clear the
 * record of a missed limit; a host may also fail it for a hold recorded before the clock stopped).
 * Under `runs` the clock keeps running through the hold.
 *
 * @example
 * heldReview(profile, 'submitted', 'approvalClosed', CLOSE, REOPEN);
 */
export function heldReview(profile: Profile, state: string, flag: string, hold: HoldEvent, release: HoldEvent): TransitionDefinition[] {
  const self = { from: state, to: state, by: ['clock'] };
  const held = { ...self, event: hold.event, eventType: hold.eventType, set: { [flag]: true } };
  const released = { ...self, event: release.event, eventType: release.eventType, set: { [flag]: false } };
  if (profile.options.authorizedOperation.heldReviewClock === 'runs') return [held, released];
  return [
    { ...held, guard: 'holdStopsReviewClock', set: { [flag]: true, reviewPaused: true }, deadline: 'clear' },
    held,
    { ...released, guard: 'data.reviewPaused', set: { [flag]: false, reviewPaused: false }, deadline: 'resume' },
    released,
  ];
}
