import type { GuardRegistry } from '@gdx/kernel';
import type { Profile } from '../profile-schema.js';
import { assessTerm } from './term-check.js';

/**
 * The named guards of the authorized-operation machines, bound to a profile:
 * - `tenderPeriodOver` — a negotiation may select at once; a tender only after its minimum bid
 *   period (`data.tenderClosed`, set by the clock's `close_tender`).
 * - `termAcceptable` — the signed agreement's term (`payload.agreement.term`) is within the cap,
 *   or over it with `payload.justification` where the profile's `termPolicy` is `warning`.
 *
 * @example
 * new WorkflowEngine({ machines, calendar, clock, guards: authorizedOperationGuards(profile) });
 */
export function authorizedOperationGuards(profile: Profile): GuardRegistry {
  return {
    tenderPeriodOver: (instance) => instance.data['method'] === 'negotiation' || instance.data['tenderClosed'] === true,
    termAcceptable: (_instance, input) => {
      const term = (input.payload?.['agreement'] as { term?: { from?: unknown; to?: unknown } } | undefined)?.term;
      if (typeof term?.from !== 'string' || typeof term.to !== 'string' || term.to < term.from) return false;
      const justification = input.payload?.['justification'];
      return assessTerm(profile, { from: term.from, to: term.to }, typeof justification === 'string' ? justification : null).outcome !== 'error';
    },
  };
}
