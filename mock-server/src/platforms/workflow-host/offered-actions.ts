import type { WorkflowInstance } from '@gdx/kernel';
import type { OfferedAction } from '../../app/workflow-objects.js';
import { takesOfficialAction } from '../../app/sim/action-forms.js';
import type { WorkflowHost } from './workflow-host.js';

/**
 * How a platform's objects take the simulation API's actions (`POST /_sim/v1/sandboxes/{id}/actions`):
 * the one description both that endpoint and the timelines' `allowedActions` read, so what is
 * offered and what is accepted cannot disagree.
 *
 * @example
 * ```ts
 * const acting: OfficialActing = { role: 'registry', refuses: (action) => action === 'issue_code' };
 * instanceObject(host, instance, { objectType: 'application', title, ...acting }); // the timeline
 * applyOfficialAction(ctx, host, { instanceId, view, ...acting });                  // POST /actions
 * ```
 */
export interface OfficialActing {
  /**
   * The role the action is sent as when the platform fixes it (e.g. the registry), per action
   * when a function (the catalog's city government decides only `decide_sharing_type`); default:
   * the machine's, by {@link roleFor}.
   */
  role?: string | ((action: string) => string);
  /** Actions the platform refuses before the machine sees them (e.g. `issue_code` when the profile codes by itself). */
  refuses?(action: string): boolean;
}

/**
 * The role that sends `event` from `state`: the first non-clock role of a transition from that
 * state, else of any transition with that event (the kernel then refuses it with the allowed
 * events), else `data_authority`. Any role the machine names — an official's, or an
 * organisation's where the machine gives it an action the simulation contract has a variant for
 * (Xiamen's 一级开发主体, the `operator`, reviewing 二级 data access requests).
 *
 * @example
 * ```ts
 * roleFor(host, 'sharing.request', 'escalated', 'approve'); // 'city_government'
 * ```
 */
function roleFor(host: WorkflowHost, machineId: string, state: string, event: string): string {
  const transitions = host.machine(machineId).transitions.filter((t) => t.event === event);
  const from = (t: (typeof transitions)[number]) => (Array.isArray(t.from) ? t.from : [t.from]).includes(state);
  const pick = (list: typeof transitions) => list.flatMap((t) => t.by).find((r) => r !== 'clock');
  return pick(transitions.filter(from)) ?? pick(transitions) ?? 'data_authority';
}

/**
 * The role `POST /actions` sends `event` to `instance` as: the platform's (`acting.role`), else
 * the machine's ({@link roleFor}).
 *
 * @example
 * ```ts
 * actingRole(host, request, 'approve_data_access'); // 'operator' in a Xiamen sandbox, 'data_authority' elsewhere
 * ```
 */
export function actingRole(host: WorkflowHost, instance: WorkflowInstance, event: string, acting: OfficialActing = {}): string {
  const { role } = acting;
  if (typeof role === 'function') return role(event);
  return role ?? roleFor(host, instance.machine, instance.state, event);
}

/**
 * Whether the machine takes `event` from the instance now, sent by the sandbox's official of
 * `role` (`host.allowed`: guards and calendar included, payload aside).
 *
 * @example
 * ```ts
 * accepts(host, instance, 'accept', 'registry'); // true while submitted
 * ```
 */
export function accepts(host: WorkflowHost, instance: WorkflowInstance, event: string, role: string): boolean {
  return host.allowed(instance.id, role).includes(event);
}

/**
 * The actions `POST /actions` takes on the instance now: each event of the current state that
 * the simulation contract's `OfficialAction` has a variant for, the platform does not refuse,
 * and the machine accepts from the role {@link actingRole} sends it as — with that role and the
 * payload members its transition requires, in the machine's order. The timelines offer exactly
 * these, and a refused action names them as `allowedEvents` (`applyOfficialAction`). Clock
 * events and the organisations' own API actions (no variant) are never among them.
 *
 * @example
 * ```ts
 * offeredActions(host, instance, { role: 'registry' }); // [{ action: 'accept', role: 'registry' }, { action: 'request_supplements', … }, …]
 * ```
 */
export function offeredActions(host: WorkflowHost, instance: WorkflowInstance, acting: OfficialActing = {}): OfferedAction[] {
  const offered: OfferedAction[] = [];
  const seen = new Set<string>();
  // One dry run of the state's events per role, not one per event.
  const byRole = new Map<string, readonly string[]>();
  const acceptedBy = (role: string) => byRole.get(role) ?? byRole.set(role, host.allowed(instance.id, role)).get(role)!;
  for (const t of host.machine(instance.machine).transitions) {
    if (seen.has(t.event) || !(Array.isArray(t.from) ? t.from : [t.from]).includes(instance.state)) continue;
    seen.add(t.event);
    if (!takesOfficialAction(t.event) || acting.refuses?.(t.event)) continue;
    const role = actingRole(host, instance, t.event, acting);
    if (acceptedBy(role).includes(t.event)) offered.push({ action: t.event, role, ...(t.requires?.length ? { requires: [...t.requires] } : {}) });
  }
  return offered;
}
