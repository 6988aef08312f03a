import type { Deadline, MachineDefinition, WorkflowInstance } from '@gdx/kernel';
import type { LocalizedLabel, ObjectDuty, ObjectRow, OfferedAction, WorkflowObject } from '../../app/workflow-objects.js';
import { offeredActions, type OfficialActing } from './offered-actions.js';
import type { WorkflowHost } from './workflow-host.js';

/**
 * The procedure's name of one of `machine`'s states as `{ zh, en }` (one language standing in for
 * a missing other), or `undefined` when the machine names none.
 *
 * @example
 * ```ts
 * machineStateLabel(host.machine('open-data.usage-reporting'), 'due'); // { zh: '待提交使用报告', en: 'Usage report due' }
 * ```
 */
export function machineStateLabel(machine: MachineDefinition, state: string): LocalizedLabel | undefined {
  const label: Record<string, string> | undefined = machine.states[state]?.label;
  const zh = label?.zh ?? label?.en;
  const en = label?.en ?? label?.zh;
  return zh !== undefined && en !== undefined ? { zh, en } : undefined;
}

/** How a platform shows one of its kernel instances (see `instanceObject`); `role` and `refuses` as `POST /actions` takes its actions, `supplies` for their forms. */
export interface InstanceObjectOptions extends OfficialActing {
  objectType: string;
  title: string | null;
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
 * actions `POST /actions` takes on it now (`offeredActions`, read with the same `role` and
 * `refuses` the platform's action handler gives `applyOfficialAction`).
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
    label: (state) => machineStateLabel(machine, state),
    actions: () => offeredActions(host, instance, options).map((a) => withoutSupplied(a, options.supplies?.[a.action])),
  };
}

/** A kernel instance's row: its own members, the deadline and the object built when read (methods, not closures: one allocation a row). */
class InstanceRow implements ObjectRow {
  readonly objectType: string;
  readonly objectId: string;
  readonly state: string;
  readonly terminal: boolean;
  readonly createdAt: string;
  readonly #host: WorkflowHost;
  readonly #instance: WorkflowInstance;
  readonly #build: (instance: WorkflowInstance) => WorkflowObject;

  constructor(host: WorkflowHost, instance: WorkflowInstance, objectType: string, build: (instance: WorkflowInstance) => WorkflowObject) {
    this.objectType = objectType;
    this.objectId = instance.id;
    this.state = instance.state;
    this.terminal = host.machine(instance.machine).states[instance.state]?.terminal === true;
    this.createdAt = instance.createdAt;
    this.#host = host;
    this.#instance = instance;
    this.#build = build;
  }

  deadline(): Deadline | null {
    return this.#host.deadline(this.#instance);
  }

  object(): WorkflowObject {
    return this.#build(this.#instance);
  }
}

/** The row of an instance with periodic duties (an authorization): its duties computed when read. */
class DutyInstanceRow extends InstanceRow {
  readonly #duties: () => readonly ObjectDuty[];

  constructor(host: WorkflowHost, instance: WorkflowInstance, objectType: string, build: (instance: WorkflowInstance) => WorkflowObject, duties: () => readonly ObjectDuty[]) {
    super(host, instance, objectType, build);
    this.#duties = duties;
  }

  duties(): readonly ObjectDuty[] {
    return this.#duties();
  }
}

/**
 * A kernel instance as a row of the objects list (`PlatformObjects.rows`): what `instanceObject`
 * shows of it to sort and filter on, read without its title; `build` (the platform's own
 * `instanceObject` call, giving `objectType` too) makes the object of a listed row; `duties`, for
 * an object that has any (the object's own `duties`), makes them when the list filters on them.
 *
 * @example
 * ```ts
 * instanceRow(state.host, instance, 'application', (i) => instanceObject(state.host, i, { objectType: 'application', title: titleOf(state, i) }));
 * ```
 */
export function instanceRow(
  host: WorkflowHost,
  instance: WorkflowInstance,
  objectType: string,
  build: (instance: WorkflowInstance) => WorkflowObject,
  duties?: () => readonly ObjectDuty[],
): ObjectRow {
  return duties ? new DutyInstanceRow(host, instance, objectType, build, duties) : new InstanceRow(host, instance, objectType, build);
}
