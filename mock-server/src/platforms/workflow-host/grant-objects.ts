import type { WorkflowInstance } from '@gdx/kernel';
import type { OfferedAction, WorkflowObject } from '../../app/workflow-objects.js';
import { accepts, actingRole } from './offered-actions.js';
import type { WireEvent } from './wire.js';
import type { WorkflowHost } from './workflow-host.js';

const GRANT_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  active: { zh: '有效', en: 'Active' },
  suspended: { zh: '已暂停', en: 'Suspended' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  expired: { zh: '已到期', en: 'Expired' },
};

/** A grant kept beside the engine: its lifecycle follows the instance of the request or application that issued it. */
export interface GrantObjectInput {
  grant: { id: string; state: string; events: readonly WireEvent[] };
  title: string | null;
  /** The instance that issued the grant (actions on the grant go through it). */
  issuedBy: string;
  /**
   * The officials' actions the grant takes, each sent to the issuing instance (sharing `revoke`;
   * open-data `suspend` and `reinstate`): offered whenever that instance's machine takes it now.
   */
  actions: readonly string[];
}

/** The action as the issuing instance takes it now (its role and required members), or nothing. */
function offered(host: WorkflowHost, issuer: WorkflowInstance, action: string): OfferedAction[] {
  const role = actingRole(host, issuer, action);
  if (!accepts(host, issuer, action, role)) return [];
  const requires = host.machine(issuer.machine).transitions.find((t) => t.event === action && fromState(t.from, issuer.state))?.requires;
  return [{ action, role, ...(requires?.length ? { requires: [...requires] } : {}) }];
}

function fromState(from: string | readonly string[], state: string): boolean {
  return Array.isArray(from) ? from.includes(state) : from === state;
}

/**
 * A sharing or open-data grant as a workflow object: its own events and state, and those of its
 * official actions the issuing instance's machine takes now (as `POST /actions` on the grant
 * sends them there) — the grant follows that instance, so its state decides what is offered.
 *
 * @example
 * ```ts
 * grantObject(state.host, { grant, title: request.resourceName, issuedBy: grant.requestId, actions: ['revoke'] });
 * ```
 */
export function grantObject(host: WorkflowHost, input: GrantObjectInput): WorkflowObject {
  const { grant } = input;
  const issuer = host.get(input.issuedBy);
  const first = grant.events[0]?.at ?? issuer?.createdAt ?? '';
  return {
    objectType: 'grant',
    objectId: grant.id,
    state: grant.state,
    terminal: grant.state === 'revoked' || grant.state === 'expired',
    title: input.title,
    createdAt: first,
    updatedAt: grant.events.at(-1)?.at ?? first,
    deadline: null,
    events: () => grant.events,
    label: (state) => GRANT_LABELS[state],
    actions: () => (issuer ? input.actions.flatMap((action) => offered(host, issuer, action)) : []),
  };
}
