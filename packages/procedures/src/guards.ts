import { addDays } from '@gdx/calendar';
import { shanghaiDay, type Deadline, type GuardRegistry } from '@gdx/kernel';
import { authorizedOperationGuards } from './authorized-operation/guards.js';
import { periodOfUseRunning } from './machines/period-of-use.js';
import type { Profile } from './profile-schema.js';

/**
 * The renewal window of a registration's validity deadline: the `registration.renewal_window`
 * calendar days before expiry, up to the expiry day (期满前 60 日内, 第十五条).
 *
 * @example
 * renewalWindow({ dueDate: '2028-10-23', ... }, profile); // { opensOn: '2028-08-24', closesOn: '2028-10-23' }
 */
export function renewalWindow(validity: Pick<Deadline, 'dueDate'>, profile: Profile): { opensOn: string; closesOn: string } {
  const days = profile.limits['registration.renewal_window'].value;
  return { opensOn: addDays(validity.dueDate, -days), closesOn: validity.dueDate };
}

/**
 * The named guards the procedures' machines use, bound to a profile: `renewalWindowOpen` (a
 * registration's renewal), `periodOfUseRunning` (a sharing or open-data grant, see
 * `WHILE_PERIOD_RUNS`) and the authorized-operation guards.
 *
 * @example
 * new WorkflowEngine({ machines, calendar, clock, guards: procedureGuards(profile) });
 */
export function procedureGuards(profile: Profile): GuardRegistry {
  return {
    ...authorizedOperationGuards(profile),
    renewalWindowOpen: (instance, _input, ctx) => {
      if (instance.deadline?.step !== 'validity') return false;
      const { opensOn, closesOn } = renewalWindow(instance.deadline, profile);
      const today = shanghaiDay(ctx.now);
      return today >= opensOn && today <= closesOn;
    },
    periodOfUseRunning: (instance, _input, ctx) => periodOfUseRunning(instance, ctx.now),
  };
}
