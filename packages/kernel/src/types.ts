/**
 * The kernel's data types. Everything here is plain JSON-able data: machines, instances,
 * events and deadlines can be stored, diffed and sent over the wire as they are.
 */

/** An Asia/Shanghai calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Units a limit can be counted in (docs/design.md, "Workflow objects"). */
export type LimitUnit = 'working_days' | 'calendar_days' | 'hours' | 'months' | 'years';

/**
 * A time limit of one step.
 *
 * @example
 * const acceptance: Limit = {
 *   id: 'registration.acceptance', value: 3, unit: 'working_days', startTrigger: 'received',
 *   basis: '发改数据规〔2025〕26号 第十条', onExpiry: 'flag_overdue',
 * };
 */
export interface Limit {
  id: string;
  value: number;
  unit: LimitUnit;
  /** What starts the clock, e.g. `received`, `accepted` (documentation; the clock starts on entering the state). */
  startTrigger: string;
  /** The rule the limit comes from, e.g. `发改数据规〔2025〕26号 第十条`. */
  basis: string;
  /**
   * `flag_overdue`: mark the deadline overdue (never approve); `{ event }`: the clock fires that
   * event, with `payload` when given (e.g. the written reason an expiry records, so the event
   * carries it as a planned one would).
   */
  onExpiry: 'flag_overdue' | { event: string; payload?: Readonly<Record<string, unknown>> };
  /**
   * Instance `data` field holding an ISO date the period starts from, when present, instead of the
   * day the state is entered (the start day still not counted): e.g. the annual report an
   * evaluation follows, filed before the evaluation started.
   */
  startField?: string;
  /**
   * Instance `data` field holding an ISO date that caps the due date (e.g. an authorised operating
   * term). A cap that cuts the period short makes the deadline show the period it sets, as a
   * `dueField` day does (whole years on an anniversary of the start, else calendar days).
   */
  capField?: string;
  /**
   * Instance `data` field holding an ISO date that *is* the due date when present (e.g. the last
   * day of an agreed term, which may run past the limit where the cap is only a warning); the
   * limit's value applies when the field is absent. A `capField` still caps it. The deadline then
   * shows the period that day sets: whole years when the calendar's year arithmetic ends there
   * (an anniversary of the start, or the month's last day for a start with no corresponding day),
   * else calendar days.
   */
  dueField?: string;
  /** Let the calendar estimate years whose schedule is not published (explicit opt-in). */
  estimate?: boolean;
  /**
   * A working-day limit counts the day its step started as its first day when that is a working
   * day (a jurisdiction whose rules count the day of receipt), instead of 民法典 第二百零一条's
   * "开始的当日不计入" (default `false`). Only `working_days` limits read it: calendar-day and year
   * periods, whose continuations run from the day after the previous end (续展 自上一届有效期满次日起,
   * recurring reports), always leave their start day out. `startedOn` stays the day the step started.
   */
  countStartDay?: boolean;
  /**
   * How a calendar-day or year period ending on a rest day ends (民法典 第二百零三条): the
   * calendar's default moves it to the next working day, which needs the end year's schedule.
   * `none` keeps the natural end: a validity term is plain date arithmetic (e.g. 3 years from coding).
   */
  holidayExtension?: 'rest_days' | 'statutory_holidays' | 'none';
  /**
   * Where a transition's `deadline: 'extend'` starts the next period: `due` (default) from the
   * previous due date, as a renewal runs from the previous expiry; `period` from the last day of
   * the previous period before the calendar moved it off a rest day (`periodEnd`), so that
   * recurring periods (a report every 90 days) follow one another with no day left out and no
   * drift when one ends on a rest day (民法典 第二百零三条 moves the due day, not the period).
   */
  extendFrom?: 'due' | 'period';
  /** True when the sources are silent and the value is a project default (a "(choice)"). */
  choice?: boolean;
}

/**
 * One state of a machine.
 *
 * @example
 * const underReview: StateDefinition = { step: 'registration.review' };
 */
export interface StateDefinition {
  terminal?: boolean;
  /** Id of the limit active while in this state (key of `MachineDefinition.limits`). */
  step?: string;
  /** An event the clock sends as soon as the state is entered (eventless routing). */
  always?: string;
  /** Free documentation, e.g. `{ zh: '形式审核' }`. */
  label?: Record<string, string>;
}

/**
 * One allowed transition.
 *
 * @example
 * const reject: TransitionDefinition = {
 *   from: 'under_review', event: 'fail_review', to: 'review_failed', by: ['registry'], requires: ['reasons'],
 * };
 */
export interface TransitionDefinition {
  from: string | string[];
  event: string;
  to: string;
  /** Actor roles that may send the event, e.g. `registrant`, `registry`, `clock`. */
  by: string[];
  /** Payload keys that must be present and non-empty (`reasons`, `items`, `evidence`, ...). */
  requires?: string[];
  /** Named guard (see `GuardRegistry` and the built-in `data.x`, `!data.x`, `data.x=v`, `overdue`). */
  guard?: string;
  /** Error code returned when the guard refuses (default `GUARD_REJECTED`). */
  guardError?: string;
  /** Event type recorded (default `state_changed`). */
  eventType?: string;
  /** Values merged into the instance's `data`. */
  set?: Record<string, unknown>;
  /** Payload keys copied into the instance's `data`. */
  assign?: string[];
  /**
   * How the target state's deadline is treated when its step equals the current one:
   * `keep` (default) keeps it running, `restart` starts it afresh from now, `extend` starts it
   * from the previous due date (renewals), or from the previous period's own last day when the
   * limit says `extendFrom: 'period'` (recurring reports), `clear` ends it: the state shows no deadline (e.g. a
   * public notice that closed while the application waits in that state for the registry).
   * `resume` re-enters a step left for a state without it (a pause) with the days its deadline had
   * left when it was left, from now (`resumedLimit`; `startTrigger: 'resumed'`).
   */
  deadline?: 'keep' | 'restart' | 'extend' | 'clear' | 'resume';
  /** Named actions the interpreter runs after the transition is applied. */
  actions?: string[];
}

/**
 * A state machine as plain data.
 *
 * @example
 * const machine: MachineDefinition = {
 *   id: 'demo', initial: 'open',
 *   states: { open: { step: 'answer' }, answered: { terminal: true } },
 *   transitions: [{ from: 'open', event: 'answer', to: 'answered', by: ['official'] }],
 *   limits: { answer: { id: 'answer', value: 5, unit: 'working_days', startTrigger: 'received', basis: '…', onExpiry: 'flag_overdue' } },
 * };
 */
export interface MachineDefinition {
  id: string;
  initial: string;
  states: Record<string, StateDefinition>;
  transitions: TransitionDefinition[];
  limits?: Record<string, Limit>;
  /**
   * Entries into `initial` other than the plain one, tried in order when an instance is created:
   * the first whose guard passes on the new instance (its `data`, the creating actor) is taken,
   * else the plain entry with the state's step. `deadline: 'clear'` enters without that step, so
   * the first event carries no deadline (a negotiation's `selecting` runs no tender period).
   */
  creations?: GuardedCreation[];
}

/**
 * A guarded entry into a machine's initial state (`MachineDefinition.creations`).
 *
 * @example
 * const negotiation: GuardedCreation = { guard: 'data.method=negotiation', deadline: 'clear' };
 */
export interface GuardedCreation {
  /** Named guard (see `GuardRegistry` and the built-ins), read on the instance being created. */
  guard: string;
  /** The initial state is entered without its step's deadline. */
  deadline: 'clear';
}

/**
 * Who caused an event.
 *
 * @example
 * const actor: ActorRef = { role: 'registrant', organizationId: '91350200MA2XXXXX0X' };
 */
export interface ActorRef {
  role: string;
  organizationId?: string;
  [key: string]: unknown;
}

/**
 * The deadline of the current step (docs/design.md shape).
 *
 * @example
 * const d: Deadline = { step: 'acceptance', limit: 3, unit: 'working_days', startTrigger: 'received',
 *   startedOn: '2025-09-26', dueDate: '2025-09-30', dueAt: '2025-10-01T00:00:00+08:00', overdue: false,
 *   basis: '发改数据规〔2025〕26号 第十条' };
 */
export interface Deadline {
  step: string;
  limit: number;
  unit: LimitUnit;
  startTrigger: string;
  startedOn: IsoDate;
  dueDate: IsoDate;
  dueAt: string;
  overdue: boolean;
  basis: string;
}

/**
 * One entry of an instance's event log.
 *
 * @example
 * const e: WorkflowEvent = { seq: 1, type: 'state_changed', at: '2025-09-26T10:00:00+08:00',
 *   actor: { role: 'registrant' }, from: null, to: 'submitted', reason: null, deadline: null };
 */
export interface WorkflowEvent {
  seq: number;
  type: string;
  at: string;
  actor: ActorRef;
  from: string | null;
  to: string | null;
  reason: Reason | null;
  deadline: Deadline | null;
  /**
   * The machine event that caused it (`undefined` for the creation and overdue events). The
   * kernel writes both optional fields on every event, `undefined` when unused (one object shape
   * for every event; JSON leaves them out); events read back from JSON lack them.
   */
  event?: string;
  /** The event's payload as sent (e.g. `reasons`, `items`, `evidence`), `undefined` when it had none. */
  data?: Record<string, unknown>;
}

/**
 * A written reason (书面理由), the shape of the OpenAPI `Reason`.
 *
 * @example
 * const r: Reason = { code: 'MISSING_RISK_ASSESSMENT', text: '缺少数据安全风险评估报告' };
 */
export interface Reason {
  code?: string;
  text: string;
}

/**
 * The timer an instance is waiting on (at most one: the current step's).
 *
 * @example
 * const t: PendingTimer = { id: 'rga_1#2', dueAt: 1759248000000, seq: 7, kind: 'overdue', step: 'acceptance' };
 */
export interface PendingTimer {
  id: string;
  dueAt: number;
  /**
   * Insertion order assigned by the clock; keeps ties deterministic across snapshots. `undefined`
   * (written, left out of JSON) until the interpreter has queued the timer.
   */
  seq?: number;
  kind: 'overdue' | 'event';
  /** The event an `event` timer sends; `undefined` (written, left out of JSON) for `overdue` ones. */
  event?: string;
  step: string;
}

/**
 * A running workflow object.
 *
 * @example
 * const i: WorkflowInstance = { id: 'x', machine: 'demo', state: 'open', createdAt: '…', updatedAt: '…',
 *   deadline: null, events: [], data: {}, timer: null };
 */
export interface WorkflowInstance {
  id: string;
  machine: string;
  state: string;
  createdAt: string;
  updatedAt: string;
  deadline: Deadline | null;
  events: WorkflowEvent[];
  data: Record<string, unknown>;
  timer: PendingTimer | null;
}

/**
 * An event sent to a machine.
 *
 * @example
 * const input: EventInput = { type: 'accept', actor: { role: 'registry' } };
 */
export interface EventInput {
  type: string;
  actor: ActorRef;
  payload?: Record<string, unknown>;
}

/** Options of the calendar's period arithmetic (`@gdx/calendar`'s `PeriodOptions`). */
type PeriodOptions = { estimate?: boolean; holidayExtension?: Limit['holidayExtension'] };

/**
 * The part of `@gdx/calendar`'s `WorkingCalendar` the kernel needs for deadlines. It is injected
 * (not imported) so each sandbox or caller brings its own schedules — run-time years, estimates,
 * a fake in tests; `WorkingCalendar` satisfies it structurally. (The kernel imports only the
 * calendar's stateless Asia/Shanghai day helpers.)
 *
 * @example
 * const cal: Calendar = WorkingCalendar.official();
 */
export interface Calendar {
  addWorkingDays(start: IsoDate, n: number, opts?: { estimate?: boolean }): IsoDate;
  addCalendarDays(start: IsoDate, n: number, opts?: PeriodOptions): IsoDate;
  addPeriod(start: IsoDate, p: { years?: number; months?: number; days?: number }, opts?: PeriodOptions): IsoDate;
}

/**
 * A named guard: true lets the transition through. A guard whose answer depends on the event's
 * payload says so with `readsPayload: true` (mark it with `payloadGuard`): `acceptedEvents`, which
 * dry-runs events without a payload, then counts it as one that may pass — the sender can bring a
 * payload that passes it — instead of leaving its event out. Every other guard is evaluated there
 * as in `transition`.
 *
 * @example
 * const renewalOpen: Guard = (instance, input, ctx) => ctx.now >= Number(instance.data['windowOpensAt']);
 * const termGiven: Guard = payloadGuard((_instance, input) => typeof input.payload?.['term'] === 'object');
 */
export type Guard = ((instance: WorkflowInstance, input: EventInput, ctx: TransitionContext) => boolean) & {
  /** The guard reads `input.payload`: `acceptedEvents` counts it as passing (see `payloadGuard`). */
  readonly readsPayload?: true;
};

/**
 * Named guards by name.
 *
 * @example
 * const guards: GuardRegistry = { always: () => true };
 */
export type GuardRegistry = Record<string, Guard>;

/**
 * What `transition` needs besides the machine and instance.
 *
 * @example
 * const ctx: TransitionContext = { now: Date.UTC(2025, 8, 26, 2), calendar };
 */
export interface TransitionContext {
  /** Epoch ms of the event. */
  now: number;
  calendar: Calendar;
  guards?: GuardRegistry;
}

/**
 * Side effects a transition asks the interpreter to perform. The kernel builds every kind with
 * the fields of all kinds (`type`, `instanceId`, `timerId`, `timer`, `name`, `event`), those of the
 * other kinds `undefined`: one object shape for the code that runs them.
 *
 * @example
 * const e: Effect = { type: 'cancel', timerId: 'rga_1#2' };
 */
export type Effect =
  | { type: 'schedule'; instanceId: string; timer: PendingTimer }
  | { type: 'cancel'; instanceId: string; timerId: string }
  | { type: 'emit'; instanceId: string; event: WorkflowEvent }
  | { type: 'action'; instanceId: string; name: string; event: WorkflowEvent };

/**
 * Why a transition was refused.
 *
 * @example
 * const err: TransitionError = { code: 'ILLEGAL_TRANSITION', from: 'registered', event: 'accept', allowed: [],
 *   message: { zh: '当前状态不允许该操作', en: 'The event is not allowed in the current state' } };
 */
export interface TransitionError {
  code: string;
  from: string;
  event: string;
  /**
   * What the same actor may send instead, now (`acceptedEvents`: its role, the guards and the
   * calendar allowing, payload aside), never the refused event itself; empty for calendar refusals.
   */
  allowed: string[];
  message: { zh: string; en: string };
  /** Extra facts, e.g. the missing payload key or the unpublished calendar year. */
  detail?: Record<string, unknown>;
  /**
   * `true` when the event itself was allowed but the calendar could not count what it starts (a
   * deadline reaching a year whose holiday schedule is not published, a bad date): the same event
   * may succeed once that is fixed. Refusals of the event itself (state, actor, guard, payload)
   * leave it out.
   */
  blocked?: true;
}

/**
 * The result of `transition`.
 *
 * @example
 * if (!result.ok) console.log(result.error.code);
 */
export type TransitionResult =
  | { ok: true; instance: WorkflowInstance; effects: Effect[] }
  | { ok: false; error: TransitionError };
