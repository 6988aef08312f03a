import type { WorkflowInstance } from '@gdx/kernel';
import type { LocalizedLabel, OfferedAction, WorkflowObject } from '../../app/workflow-objects.js';
import { roleFor } from './official-action.js';
import type { WorkflowHost } from './workflow-host.js';

/**
 * Roles the simulation API acts as through `POST /actions` (the platforms' officials). The
 * organisations' own roles (registrant, applicant, data user, operator) act through their
 * platform's API, and interested parties through `POST /objections`. The authorized-operation
 * implementing body does both: its API actions (`submit`, `propose_change`) have no simulation
 * variant, so no timeline offers them.
 */
const OFFICIAL_ROLES: ReadonlySet<string> = new Set(['registry', 'data_authority', 'data_provider', 'platform_operator', 'city_government', 'grantor', 'price_authority', 'implementing_body']);

/**
 * Whether the machine takes `event` from the instance now, sent by the sandbox's official of
 * `role` — by `host.allowed`, the list a refusal of that role names as allowed, so an offered
 * action and a refusal's `allowedEvents` cannot disagree.
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
 * The officials' actions the instance's machine accepts now, each with the role
 * `applyOfficialAction` would act as (`fixedRole` when the platform fixes it, per action when a function) and the payload
 * members its transition requires, in the machine's order. Clock events and the organisations'
 * own events are left out.
 *
 * @example
 * ```ts
 * offeredActions(host, instance, 'registry'); // [{ action: 'accept', role: 'registry' }, { action: 'request_supplements', … }, …]
 * ```
 */
export function offeredActions(host: WorkflowHost, instance: WorkflowInstance, fixedRole?: string | ((action: string) => string)): OfferedAction[] {
  const offered: OfferedAction[] = [];
  const seen = new Set<string>();
  // One dry run of the state's events per role, not one per event.
  const byRole = new Map<string, readonly string[]>();
  const acceptedBy = (role: string) => byRole.get(role) ?? byRole.set(role, host.allowed(instance.id, role)).get(role)!;
  for (const t of host.machine(instance.machine).transitions) {
    if (seen.has(t.event) || !(Array.isArray(t.from) ? t.from : [t.from]).includes(instance.state)) continue;
    seen.add(t.event);
    const role = typeof fixedRole === 'function' ? fixedRole(t.event) : (fixedRole ?? roleFor(host, instance.machine, instance.state, t.event));
    if (OFFICIAL_ROLES.has(role) && acceptedBy(role).includes(t.event)) offered.push({ action: t.event, role, ...(t.requires?.length ? { requires: [...t.requires] } : {}) });
  }
  return offered;
}

/** A state label of a machine as `{ zh, en }` (one language standing in for a missing other). */
function bilingual(label: Record<string, string> | undefined): LocalizedLabel | undefined {
  const zh = label?.zh ?? label?.en;
  const en = label?.en ?? label?.zh;
  return zh !== undefined && en !== undefined ? { zh, en } : undefined;
}

/** How a platform shows one of its kernel instances (see `instanceObject`). */
export interface InstanceObjectOptions {
  objectType: string;
  title: string | null;
  /** The acting role when the platform fixes it (e.g. the registry), per action when a function; default: the machine's. */
  role?: string | ((action: string) => string);
  /** Actions the platform refuses before the machine sees them (e.g. `issue_code` when the profile codes by itself). */
  refuses?(action: string): boolean;
  /**
   * Payload members the machine requires of an action that the platform supplies itself when the
   * request leaves them out (e.g. `sign` signs the deliberated `agreement`): not required of the caller.
   */
  supplies?: Readonly<Record<string, readonly string[]>>;
}

/** The offered action without the required members the platform supplies itself. */
function withoutSupplied(offered: OfferedAction, supplied: readonly string[] | undefined): OfferedAction {
  if (supplied === undefined || offered.requires === undefined) return offered;
  const { requires, ...rest } = offered;
  const left = requires.filter((member) => !supplied.includes(member));
  return left.length > 0 ? { ...rest, requires: left } : rest;
}

/**
 * A kernel instance as a workflow object of the simulation API: its state, terminal flag,
 * current deadline, events and state labels as the machine and the contract show them, and the
 * officials' actions it takes now.
 *
 * @example
 * ```ts
 * instanceObject(state.host, instance, { objectType: 'application', title: '城市交通数据集', role: 'registry' });
 * ```
 */
export function instanceObject(host: WorkflowHost, instance: WorkflowInstance, options: InstanceObjectOptions): WorkflowObject {
  const machine = host.machine(instance.machine);
  return {
    objectType: options.objectType,
    objectId: instance.id,
    state: instance.state,
    terminal: machine.states[instance.state]?.terminal === true,
    title: options.title,
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    deadline: host.deadline(instance),
    events: () => host.events(instance),
    label: (state) => bilingual(machine.states[state]?.label),
    actions: () => offeredActions(host, instance, options.role).filter((a) => !options.refuses?.(a.action)).map((a) => withoutSupplied(a, options.supplies?.[a.action])),
  };
}
