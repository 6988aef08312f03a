import { shanghaiDay, type Calendar, type PlannedDispatch, type WorkflowInstance } from '@gdx/kernel';
import { officialStep, type OfficialStep } from './official-steps.js';
import { hashSeed, mulberry32 } from './prng.js';
import { ANSWERS, OVERDUE_EXPLANATIONS, REJECTION_REASONS, SUPPLEMENT_ITEMS } from './reason-texts.js';

/** How simulated officials behave in a sandbox. */
export type ReviewerPolicy = 'auto' | 'manual' | 'late';

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
}

const DEFAULT_PROBABILITIES: OutcomeProbabilities = { accept: 0.7, supplement: 0.2, reject: 0.1 };
const ESTIMATE = { estimate: true } as const; // plans may look past published years; they are simulations
const WORKDAY_START = 'T09:00:00+08:00';
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

function decide(step: OfficialStep, rand: () => number, weights: OutcomeProbabilities): 'accept' | 'supplement' | 'reject' {
  const options = (['accept', 'supplement', 'reject'] as const).filter((o) => o === 'accept' || step[o] !== undefined);
  const total = options.reduce((sum, o) => sum + Math.max(0, weights[o]), 0);
  let r = rand() * total;
  for (const o of options) {
    r -= Math.max(0, weights[o]);
    if (r < 0) return o;
  }
  return 'accept';
}

function payloadFor(step: OfficialStep, outcome: 'accept' | 'supplement' | 'reject', rand: () => number): Record<string, unknown> | undefined {
  if (outcome === 'supplement') return { items: pickSome(rand, SUPPLEMENT_ITEMS, 3) };
  if (outcome === 'reject') {
    const reasons = pickSome(rand, REJECTION_REASONS, 2);
    return step.rejectWithItems ? { reasons, items: pickSome(rand, SUPPLEMENT_ITEMS, 2) } : { reasons };
  }
  if (step.answer) return { answer: ANSWERS[Math.floor(rand() * ANSWERS.length)] };
  return undefined;
}

function dispatch(instance: WorkflowInstance, step: OfficialStep, at: number, event: string, payload?: Record<string, unknown>): PlannedDispatch {
  return { at, instanceId: instance.id, event, actor: { role: step.role }, ...(payload ? { payload } : {}) };
}

/**
 * Plans what the platform's side does next for an instance that just entered a state:
 * - `auto`: on a working day within the step's limit (seeded: same seed, object and step → same
 *   plan), at a time between 09:00 and 17:00, accept / request supplements / reject by the
 *   configured probabilities, with the reasons or items the rules require;
 * - `late`: act on the first working day after the deadline (after explaining the delay where
 *   the rule requires it), to exercise overdue handling;
 * - `manual`: nothing; tests act through the simulation API.
 * The host schedules the answer with `engine.plan()`. A plan overtaken by events is simply
 * refused when it fires.
 *
 * @example
 * for (const p of planOfficialActions(engine.get('rga_1'), { policy: 'auto', seed: 7, calendar })) engine.plan(p);
 */
export function planOfficialActions(instance: WorkflowInstance, opts: PlanOptions): PlannedDispatch[] {
  const step = officialStep(instance.machine, instance.state);
  const entered = instance.events.at(-1);
  if (opts.policy === 'manual' || !step || !entered) return [];
  const enteredAt = Date.parse(entered.at);
  const today = shanghaiDay(enteredAt);
  const rand = mulberry32(hashSeed(`${opts.seed}|${instance.id}|${instance.events.length}`));
  const last = lastDay(instance, today, opts);

  if (opts.policy === 'late') {
    const day = opts.calendar.addWorkingDays(last, 1, ESTIMATE);
    const at = Date.parse(`${day}T10:00:00+08:00`);
    const explain = step.explainWhenLate && instance.deadline
      ? [dispatch(instance, step, at, 'explain_overdue', { reasons: [OVERDUE_EXPLANATIONS[0]] })]
      : [];
    return [...explain, dispatch(instance, step, at + 60_000, step.accept, payloadFor(step, 'accept', rand))];
  }

  const days: string[] = [];
  for (let k = 1; k <= 366; k++) {
    const day = opts.calendar.addWorkingDays(today, k, ESTIMATE);
    if (day > last) break;
    days.push(day);
  }
  const day = days[Math.floor(rand() * days.length)];
  const at = day === undefined ? enteredAt + 3_600_000 : Date.parse(`${day}${WORKDAY_START}`) + Math.floor(rand() * WORKDAY_MINUTES) * 60_000;
  const outcome = decide(step, rand, opts.probabilities ?? DEFAULT_PROBABILITIES);
  const event = outcome === 'accept' ? step.accept : (step[outcome] ?? step.accept);
  return [dispatch(instance, step, at, event, payloadFor(step, outcome, rand))];
}
