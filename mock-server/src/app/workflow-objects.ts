/**
 * What a platform shows of its workflow objects to the simulation API's objects and timelines
 * (`GET /_sim/v1/sandboxes/{id}/objects…`). The platform knows its objects, their events and
 * which official actions its state machines take now; the core turns that into pages, steps on
 * the working-day calendar and action forms read from the simulation contract.
 */
import type { Deadline } from '@gdx/kernel';

/**
 * A state's name in Chinese and English.
 *
 * @example
 * ```ts
 * const label: LocalizedLabel = { zh: '形式审核', en: 'Under review' };
 * ```
 */
export interface LocalizedLabel {
  zh: string;
  en: string;
}

/**
 * A state's name as the simulation API shows it (a timeline step, an objects-list row, a feed
 * event): the label its procedure gives it, else its id in both languages — never unnamed.
 *
 * @example
 * ```ts
 * stateLabel(object.label, 'under_review'); // { zh: '形式审核', en: 'Under review' }
 * stateLabel(() => undefined, 'filed');     // { zh: 'filed', en: 'filed' }
 * ```
 */
export function stateLabel(label: (state: string) => LocalizedLabel | undefined, state: string): LocalizedLabel {
  return label(state) ?? { zh: state, en: state };
}

/** The names of a transition's states (`fromLabel`, `toLabel` of the contract's `FeedEvent` and `WebhookPayload`). */
export interface TransitionLabels {
  fromLabel: LocalizedLabel | null;
  toLabel: LocalizedLabel | null;
}

/**
 * The names of an event's `from` and `to` as the object's procedure names them (`stateLabel`),
 * `null` for a state that is not one (`from: null` of a creation, an event without states).
 *
 * @example
 * ```ts
 * transitionLabels({ from: null, to: 'submitted' }, object.label); // { fromLabel: null, toLabel: { zh: '已提交', en: 'Submitted' } }
 * ```
 */
export function transitionLabels(event: Readonly<Record<string, unknown>>, label: (state: string) => LocalizedLabel | undefined): TransitionLabels {
  const name = (state: unknown) => (typeof state === 'string' ? stateLabel(label, state) : null);
  return { fromLabel: name(event['from']), toLabel: name(event['to']) };
}

/**
 * An event of an object's log in the contract's `WorkflowEvent` form (the members steps are read from).
 *
 * @example
 * ```ts
 * const created: ObjectEvent = { seq: 1, type: 'state_changed', at: '2025-09-26T10:00:00+08:00', from: null, to: 'submitted', deadline };
 * ```
 */
export interface ObjectEvent {
  seq: number;
  type: string;
  at: string;
  from: string | null;
  to: string | null;
  deadline: Deadline | null;
}

/**
 * An official action the object's machine takes now (`POST /_sim/v1/sandboxes/{id}/actions`), and who acts.
 *
 * @example
 * ```ts
 * const offered: OfferedAction = { action: 'approve', role: 'city_government' };
 * ```
 */
export interface OfferedAction {
  action: string;
  role: string;
  /**
   * Payload members the machine requires of it (e.g. `reasons`), where the machine is stricter
   * than the contract's variant: a cancellation's `reasons` are optional in `CancelAction`, but
   * the registry's machine needs them (or a `ground`, which stands for them).
   */
  requires?: readonly string[];
}

/**
 * One workflow object of a platform (an application, request, grant, entry …).
 *
 * @example
 * ```ts
 * const object: WorkflowObject = { objectType: 'application', objectId: 'rga_1', state: 'submitted', terminal: false, title: '城市交通数据集',
 *   createdAt, updatedAt, deadline, events: () => instance.events, label: (s) => labels[s], actions: () => [{ action: 'accept', role: 'registry' }] };
 * ```
 */
export interface WorkflowObject {
  objectType: string;
  objectId: string;
  state: string;
  terminal: boolean;
  /** What a person calls the object (a product's or dataset's name), or `null`. */
  title: string | null;
  createdAt: string;
  updatedAt: string;
  /** The deadline running in the current state (contract form), or `null`. */
  deadline: Deadline | null;
  /** The object's own events, oldest first (built only for a timeline). */
  events(): readonly ObjectEvent[];
  /** The label of one of the object's states, when its procedure names it. */
  label(state: string): LocalizedLabel | undefined;
  /** The official actions the object's machine accepts now (built only for a timeline). */
  actions(): readonly OfferedAction[];
  /** Its periodic duties beside its steps (an authorization's disclosure), built only for a timeline; none when absent. */
  duties?(): readonly ObjectDuty[];
}

/**
 * A duty of an object that runs beside its states (an authorization's disclosure, 27号 第十八条):
 * its running or latest period, and when it was last met.
 *
 * @example
 * ```ts
 * const duty: ObjectDuty = { duty: 'disclosure', label: { zh: '授权运营情况披露', en: 'Disclosure' }, deadline: { ...deadline, estimate: false }, metAt: null, lastMet: null, eventTypes: ['authorization_disclosed', 'disclosure_overdue'] };
 * ```
 */
export interface ObjectDuty {
  /** The duty's id, e.g. `disclosure`, `ceiling_report`. */
  duty: string;
  label: LocalizedLabel;
  /**
   * The running or latest period, contract form (`step` is the duty's id); `estimate` while it
   * reaches a year without a published holiday schedule (never overdue on that estimate).
   */
  deadline: Deadline & { estimate: boolean };
  /** When this period was met, `null` while it runs. */
  metAt: string | null;
  /** The latest time the duty was met (this period or the one before) and whether after its end. */
  lastMet: { at: string; late: boolean } | null;
  /** The feed event types that record it, so a reader can link its events. */
  eventTypes: readonly string[];
}

/**
 * What the objects list sorts and filters a workflow object on, read without building it (no
 * title, labels or actions): a page builds `object()` only for the rows it answers.
 *
 * @example
 * ```ts
 * const row: ObjectRow = objectRow(grantObject(host, input)); // a cheap object as its own row
 * row.object().title; // '城市交通数据集'
 * ```
 */
export interface ObjectRow {
  objectType: string;
  objectId: string;
  state: string;
  terminal: boolean;
  createdAt: string;
  /** The object's `deadline`, computed when asked (the `?overdue=` filter, a listed row). */
  deadline(): Deadline | null;
  /** The whole object, as `PlatformObjects.get` answers it. */
  object(): WorkflowObject;
  /**
   * The object's `duties`, computed when asked (the `?overdue=` filter): absent for objects
   * without any, so that the rows of most objects cost nothing more.
   */
  duties?(): readonly ObjectDuty[];
}

/** A row of an object already built (one that is cheap to build, e.g. a grant or an objection). */
class BuiltRow implements ObjectRow {
  readonly objectType: string;
  readonly objectId: string;
  readonly state: string;
  readonly terminal: boolean;
  readonly createdAt: string;
  readonly duties?: () => readonly ObjectDuty[];
  readonly #object: WorkflowObject;

  constructor(object: WorkflowObject) {
    this.objectType = object.objectType;
    this.objectId = object.objectId;
    this.state = object.state;
    this.terminal = object.terminal;
    this.createdAt = object.createdAt;
    this.#object = object;
    const { duties } = object;
    if (duties) this.duties = () => duties.call(object);
  }

  deadline(): Deadline | null {
    return this.#object.deadline;
  }

  object(): WorkflowObject {
    return this.#object;
  }
}

/**
 * The row of a workflow object already built: for objects that cost little to build, so that
 * only the costly ones (kernel instances with titles) need a row of their own (`instanceRow`).
 *
 * @example
 * ```ts
 * for (const o of state.objections.values()) yield objectRow(objectionOf(state, o));
 * ```
 */
export function objectRow(object: WorkflowObject): ObjectRow {
  return new BuiltRow(object);
}

/**
 * A platform's workflow objects (`PlatformModule.objects`).
 *
 * @example
 * ```ts
 * const objects: PlatformObjects<SharingState> = { list: (s) => sharingObjects(s), get: (s, type, id) => … };
 * ```
 */
export interface PlatformObjects<S> {
  /** Every workflow object of the platform in the sandbox, in any order. */
  list(state: S): Iterable<WorkflowObject>;
  /**
   * `list` as rows: the same objects, each built only when its row's `object()` is read, so that a
   * page of the objects list builds only its own items (absent: `list`, each as `objectRow`).
   */
  rows?(state: S): Iterable<ObjectRow>;
  /** One object, or `undefined` when the platform has no such object. */
  get(state: S, objectType: string, objectId: string): WorkflowObject | undefined;
}
