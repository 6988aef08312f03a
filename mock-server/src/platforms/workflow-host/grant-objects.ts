import type { WorkflowObject } from '../../app/workflow-objects.js';
import { accepts } from './host-objects.js';
import { roleFor } from './official-action.js';
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
  /** The one action the grant takes while active (sharing `revoke`, open-data `suspend`). */
  action: string;
}

/**
 * A sharing or open-data grant as a workflow object: its own events and state, and its one
 * official action while active when the issuing instance's machine takes it now (as
 * `POST /actions` on the grant sends it there).
 *
 * @example
 * ```ts
 * grantObject(state.host, { grant, title: request.resourceName, issuedBy: grant.requestId, action: 'revoke' });
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
    actions: () => {
      if (grant.state !== 'active' || !issuer) return [];
      const role = roleFor(host, issuer.machine, issuer.state, input.action);
      if (!accepts(host, issuer, input.action, role)) return [];
      const requires = host.machine(issuer.machine).transitions.find((t) => t.event === input.action)?.requires;
      return [{ action: input.action, role, ...(requires?.length ? { requires: [...requires] } : {}) }];
    },
  };
}
