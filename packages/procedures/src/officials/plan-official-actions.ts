import { addDays, startOfShanghaiDay, type WorkingCalendar } from '@gdx/calendar';
import { instantOf, shanghaiDay, type Calendar, type PlannedDispatch, type WorkflowInstance } from '@gdx/kernel';
import { officialStep, type OfficialStep } from './official-steps.js';
import { hashSeedOf, reseeded } from './prng.js';
import { periodOfUseEnds } from '../machines/period-of-use.js';
import { supplementNoticed } from '../machines/supplement-notice.js';
import { ANSWERS, OVERDUE_EXPLANATIONS, periodEndedReason, REJECTION_REASONS, SUPPLEMENT_ITEMS } from './reason-texts.js';

/**
 * How simulated officials behave in a sandbox: a mode name, or the simulation API's
 * `ReviewerPolicy` object (`openapi/simulation`). The bare `'auto'` spreads decisions over the
 * limit (`decideOn: 'random'`) with `PlanOptions.probabilities`; the object form follows the API's
 * defaults (`approvalRate: 1`, `decideOn: 'first_day'`, `overdueByWorkingDays: 1`).
 *
 * @example
 * const p: ReviewerPolicy = { mode: 'late', overdueByWorkingDays: 2, approvalRate: 0.5 };
 */
export type ReviewerPolicy =
  | 'auto'
  | 'manual'
  | 'late'
  | { mode: 'auto'; approvalRate?: number; decideOn?: 'first_day' | 'last_day' | 'random' }
  | { mode: 'manual' }
  | { mode: 'late'; overdueByWorkingDays?: number; approvalRate?: number };

interface Behaviour {
  mode: 'auto' | 'manual' | 'late';
  decideOn: 'first_day' | 'last_day' | 'random';
  overdueBy: number;
  /** The outcome weights, negative ones counted as 0 (read once, not per decision). */
  weights: OutcomeProbabilities;
  /** Their sum. */
  total: number;
}

/** Behaviours of policy objects already read: officials plan after every state change, with the sandbox's one policy. */
const behaviours = new WeakMap<object, Behaviour>();
/** Behaviours of the mode names (without `PlanOptions.probabilities`), which do not change. */
const namedBehaviours = new Map<string, Behaviour>();

/** How officials behave under `opts.policy`; a policy object is read once (it is not changed in place). */
function behaviour(opts: PlanOptions): Behaviour {
  const p = opts.policy;
  if (typeof p === 'string') {
    if (opts.probabilities !== undefined) return behaviourOf(opts);
    let named = namedBehaviours.get(p);
    if (named === undefined) namedBehaviours.set(p, (named = behaviourOf(opts)));
    return named;
  }
  let known = behaviours.get(p);
  if (known === undefined) behaviours.set(p, (known = behaviourOf(opts)));
  return known;
}

function behaviourOf(opts: PlanOptions): Behaviour {
  const p = opts.policy;
  const fallback = opts.probabilities ?? DEFAULT_PROBABILITIES;
  if (typeof p === 'string') return withWeights({ mode: p, decideOn: 'random', overdueBy: 1 }, p === 'late' ? ACCEPT_ONLY : fallback);
  const rate = 'approvalRate' in p && p.approvalRate !== undefined ? p.approvalRate : 1;
  return withWeights({
    mode: p.mode,
    decideOn: p.mode === 'auto' ? (p.decideOn ?? 'first_day') : 'random',
    overdueBy: p.mode === 'late' ? (p.overdueByWorkingDays ?? 1) : 1,
  }, { accept: rate, supplement: (1 - rate) / 2, reject: (1 - rate) / 2 });
}

/** A behaviour with its weights as `decide` reads them: negative ones as 0, and their total. */
function withWeights(how: Omit<Behaviour, 'weights' | 'total'>, raw: OutcomeProbabilities): Behaviour {
  const weights = { accept: Math.max(0, raw.accept), supplement: Math.max(0, raw.supplement), reject: Math.max(0, raw.reject) };
  return { ...how, weights, total: weights.accept + weights.supplement + weights.reject };
}

/**
 * Outcome weights for `auto` (normalised over the outcomes a step offers).
 *
 * @example
 * const p: OutcomeProbabilities = { accept: 0.8, supplement: 0.15, reject: 0.05 };
 */
export interface OutcomeProbabilities {
  accept: number;
  supplement: number;
  reject: number;
}

/**
 * Options of `planOfficialActions`.
 *
 * @example
 * const o: PlanOptions = { policy: 'auto', seed: 42, calendar: WorkingCalendar.official() };
 */
export interface PlanOptions {
  policy: ReviewerPolicy;
  seed: number | string;
  calendar: Calendar;
  probabilities?: OutcomeProbabilities;
  /** Working days an official takes in a step without a limit (dispute, objection review). Default 5. */
  openEndedDays?: number;
  /**
   * Where written reasons and answers come from: `step` (default) — the step's own list, what it
   * judges (a sharing review the resource's conditions, an open-data initial review form and
   * completeness, a demand its answer; `OfficialStep.reasons` / `answers`); `shared` — one list for
   * every step, as earlier releases drew them (registration's reasons on every platform), for a
   * host replaying what those releases planned. The outcome, day and time drawn are the same either way.
   */
  reasonTexts?: 'step' | 'shared';
}

const DEFAULT_PROBABILITIES: OutcomeProbabilities = { accept: 0.7, supplement: 0.2, reject: 0.1 };
const ACCEPT_ONLY: OutcomeProbabilities = { accept: 1, supplement: 0, reject: 0 };
const ESTIMATE = { estimate: true } as const; // plans may look past published years; they are simulations
const HOUR_MS = 3_600_000;
/** 09:00 Asia/Shanghai, from the start of the day (day arithmetic, not parsing an ISO string per plan). */
const WORKDAY_START_MS = 9 * HOUR_MS;
const WORKDAY_MINUTES = 8 * 60;

function pickSome<T>(rand: () => number, list: readonly T[], max: number): T[] {
  const pool = [...list];
  const count = 1 + Math.floor(rand() * Math.min(max, pool.length));
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(...pool.splice(Math.floor(rand() * pool.length), 1));
  return out;
}

/** The last day an official may act: the step's due date, or an open-ended window. */
function lastDay(instance: WorkflowInstance, today: string, opts: PlanOptions): string {
  const d = instance.deadline;
  if (d && d.unit !== 'hours' && !d.overdue && d.dueDate >= today) return d.dueDate;
  return opts.calendar.addWorkingDays(today, opts.openEndedDays ?? 5, ESTIMATE);
}

/**
 * The answer when no official acts: one shared empty list (never changed: the answer is
 * read-only), already of the elements kind of a list of plans. A new `[]` is a list of small
 * integers, another array shape: the loop over the plans, optimized on the lists of an open phase
 * (which all hold a plan), was deoptimized (wrong map) by the first instance of a clock advance
 * that ends where no official acts; and a helper making a new list of that kind was a call first
 * reached there, deoptimized in turn.
 */
const NO_PLANS: readonly PlannedDispatch[] = (() => {
  const none: PlannedDispatch[] = [{} as PlannedDispatch];
  none.length = 0;
  return none;
})();

/**
 * Accept with probability `accept` (of the three weights' total); otherwise one of the negative
 * outcomes the step offers, by their relative weights (accept when it offers none).
 */
function decide(step: OfficialStep, rand: () => number, how: Behaviour): 'accept' | 'supplement' | 'reject' {
  const { weights: w, total } = how;
  if (total === 0 || rand() * total < w.accept) return 'accept';
  // The two negatives by name, not a filtered list read by key (a keyed read of a new name
  // deoptimized this code): a weight left out counts 0, which draws as leaving it out did.
  const supplement = step.supplement !== undefined ? w.supplement : 0;
  const reject = step.reject !== undefined ? w.reject : 0;
  let r = rand() * (supplement + reject);
  if (supplement > 0 && (r -= supplement) < 0) return 'supplement';
  if (reject > 0 && (r -= reject) < 0) return 'reject';
  return 'accept';
}

function payloadFor(step: OfficialStep, outcome: 'accept' | 'supplement' | 'reject', rand: () => number, shared: boolean): Record<string, unknown> | undefined {
  if (outcome === 'supplement') return { items: pickSome(rand, SUPPLEMENT_ITEMS, 3) };
  if (outcome === 'reject') {
    const reasons = pickSome(rand, (shared ? undefined : step.reasons) ?? REJECTION_REASONS, 2);
    return step.rejectWithItems ? { reasons, items: pickSome(rand, SUPPLEMENT_ITEMS, 2) } : { reasons };
  }
  if (step.answer) {
    const answers = (shared ? undefined : step.answers) ?? ANSWERS;
    return { answer: answers[Math.floor(rand() * answers.length)] };
  }
  return undefined;
}

function dispatch(instance: WorkflowInstance, step: OfficialStep, at: number, event: string, payload?: Record<string, unknown>): PlannedDispatch {
  // One literal, `payload` always present (undefined when there is none): every plan has one
  // shape, so the code completing and queueing plans (run after every state change of a clock
  // advance) is not deoptimized when a phase of the year first plans the other kind.
  return { at, instanceId: instance.id, event, actor: { role: step.role }, payload };
}

/**
 * Plans what the platform's side does next for an instance that just entered a state:
 * - `auto`: on a working day within the step's limit (random, first or last; seeded: same seed,
 *   object and step → same plan), at a time between 09:00 and 17:00, accept / request
 *   supplements / reject by the configured probabilities, with the reasons or items the rules require;
 * - `late`: act `overdueByWorkingDays` (default 1) working days after the deadline (after
 *   explaining the delay where the rule requires it), to exercise overdue handling;
 * - `manual`: nothing; tests act through the simulation API.
 * An approval or delivery that would fall after the instance's period of use ended is replaced by
 * the step's `periodEnded` event (reject, uphold the rejection, revoke) with the reason `PERIOD_ENDED`.
 * The host schedules the answer with `engine.plan()`. A plan overtaken by events is simply
 * refused when it fires. The list answered is read-only (the empty one is shared); its plans are
 * new each call and the caller's to complete.
 *
 * @example
 * for (const p of planOfficialActions(engine.get('rga_1'), { policy: 'auto', seed: 7, calendar })) engine.plan(p);
 */
export function planOfficialActions(instance: WorkflowInstance, opts: PlanOptions): readonly PlannedDispatch[] {
  const how = behaviour(opts);
  const step = officialStep(instance.machine, instance.state, instance.data);
  const entered = instance.events.at(-1);
  if (how.mode === 'manual' || !step || !entered) return NO_PLANS;
  // A generic read (`Reflect.get`, the same value): events of several shapes reach here (created,
  // changed, with or without data), a new one in each phase of a clock advance, and a property
  // read optimized for the shapes seen so far was deoptimized by each new one.
  // `instantOf`: the event was just recorded, so its time is usually the kernel's last formatted
  // instant, answered without a parse (if another instant was formatted since, it is parsed: the same number).
  const enteredAt = instantOf(Reflect.get(entered, 'at') as string);
  const today = shanghaiDay(enteredAt);
  // The shared generator, reseeded (valid until the next plan: it is only drawn from in this call).
  const rand = reseeded(hashSeedOf(opts.seed, instance.id, instance.events.length));
  const last = lastDay(instance, today, opts);

  if (how.mode === 'late') {
    const day = opts.calendar.addWorkingDays(last, how.overdueBy, ESTIMATE);
    const at = startOfShanghaiDay(day) + 10 * HOUR_MS;
    const explain = step.explainWhenLate && instance.deadline
      ? [dispatch(instance, step, at, 'explain_overdue', { reasons: [OVERDUE_EXPLANATIONS[0]] })]
      : [];
    return [...explain, decision(instance, step, at + 60_000, rand, how, opts)];
  }

  if (step.atOnce) {
    // The first working day on or after today: one working day after yesterday.
    const day = opts.calendar.addWorkingDays(addDays(today, -1), 1, ESTIMATE);
    return [decision(instance, step, Math.max(enteredAt, startOfShanghaiDay(day) + WORKDAY_START_MS), rand, how, opts)];
  }
  const day = how.decideOn === 'first_day' ? firstDay(today, last, opts) : pickDay(today, last, opts, how.decideOn, rand);
  const at = day === undefined ? enteredAt + HOUR_MS : startOfShanghaiDay(day) + WORKDAY_START_MS + Math.floor(rand() * WORKDAY_MINUTES) * 60_000;
  return [decision(instance, step, at, rand, how, opts)];
}

/** The first working day after `today`, unless it is past `last`: one calendar step, not the list of every day up to the deadline. */
function firstDay(today: string, last: string, opts: PlanOptions): string | undefined {
  const day = opts.calendar.addWorkingDays(today, 1, ESTIMATE);
  return day > last ? undefined : day;
}

/** The last, or a random one, of the working days after `today` up to `last` (at most 366 of them). */
function pickDay(today: string, last: string, opts: PlanOptions, decideOn: 'last_day' | 'random', rand: () => number): string | undefined {
  const count = workingDaysUpTo(today, last, opts);
  // `rand` is drawn for `random` even when no day is left: the seeded draws that follow stay as they were.
  const k = decideOn === 'last_day' ? count : Math.floor(rand() * count) + 1;
  return count === 0 ? undefined : opts.calendar.addWorkingDays(today, k, ESTIMATE);
}

/** A calendar that can count working days in (from, to] at once: a `WorkingCalendar`, or one shaped like it. */
type CountingCalendar = Calendar & Pick<WorkingCalendar, 'workingDaysBetween'>;

function counts(calendar: Calendar): calendar is CountingCalendar {
  return typeof (calendar as Partial<CountingCalendar>).workingDaysBetween === 'function';
}

/**
 * How many working days follow `today` up to `last`, at most 366: the k for which
 * `addWorkingDays(today, k)` is not after `last`. One count on a `WorkingCalendar` (officials plan
 * after every state change of a clock advance, and listing the days of a 20-working-day review
 * one call each was most of the planning); a calendar that cannot count is asked day by day.
 */
function workingDaysUpTo(today: string, last: string, opts: PlanOptions): number {
  const calendar = opts.calendar;
  if (counts(calendar)) return Math.min(366, Math.max(0, calendar.workingDaysBetween(today, last, ESTIMATE)));
  let k = 0;
  while (k < 366 && calendar.addWorkingDays(today, k + 1, ESTIMATE) <= last) k += 1;
  return k;
}

function decision(instance: WorkflowInstance, step: OfficialStep, at: number, rand: () => number, how: Behaviour, opts: PlanOptions): PlannedDispatch {
  const drawn = decide(step, rand, how);
  // 一次性告知: the one supplement notice was given and the resubmission answers it, so the
  // registry accepts (the machine would refuse a second notice and the application wait for ever).
  const outcome = drawn === 'supplement' && supplementNoticed(instance) ? 'accept' : drawn;
  const ends = periodOfUseEnds(instance);
  // Acting after the period of use ended, an official cannot grant it (the machine refuses): it ends the request, saying why.
  if (outcome === 'accept' && step.periodEnded && ends !== undefined && shanghaiDay(at) > ends) {
    return dispatch(instance, step, at, step.periodEnded, { reasons: [periodEndedReason(ends)] });
  }
  const event = outcome === 'accept' ? step.accept : ((outcome === 'supplement' ? step.supplement : step.reject) ?? step.accept);
  return dispatch(instance, step, at, event, payloadFor(step, outcome, rand, opts.reasonTexts === 'shared'));
}
