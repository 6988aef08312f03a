import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import {
  AO_DATA_ACCESS_REASONS,
  AO_PLAN_REASONS,
  AO_PRODUCT_REASONS,
  AO_RECTIFICATION_REASONS,
  AO_SELECTION_REASONS,
  CATALOG_RETURN_REASONS,
  DATA_CORRECTION_ANSWERS,
  DEMAND_ANSWERS,
  OPEN_DATA_REJECTION_REASONS,
  OPEN_DATA_RETURN_REASONS,
  SHARING_COMPLIANCE_REASONS,
  SHARING_REVIEW_REASONS,
  type ReasonText,
} from './reason-texts.js';

/**
 * What the platform's side can do in a state awaiting an official: who acts, and which event
 * means accept, supplement or reject. Keyed by machine id (or its prefix) and state.
 */
export interface OfficialStep {
  role: string;
  accept: string;
  supplement?: string;
  reject?: string;
  /** The rule requires a recorded explanation when the step is late (registration, 第十一条). */
  explainWhenLate?: boolean;
  /** The accept event needs a written answer (`payload.answer`). */
  answer?: boolean;
  /** The reject event also lists items (a failed review may return to supplements, per profile). */
  rejectWithItems?: boolean;
  /** `auto` acts at the start of the first working day on or after the day the step opened (no spread over a limit). */
  atOnce?: boolean;
  /**
   * The event (with a written reason) the official sends instead of `accept` when it would act
   * after the instance's period of use ended: the accept event grants use and is refused then
   * (`WHILE_PERIOD_RUNS`).
   */
  periodEnded?: string;
  /** The written reasons of a negative outcome, drawn from this list (else `REJECTION_REASONS`): what this step judges. */
  reasons?: readonly ReasonText[];
  /** The written answers of an answer step, drawn from this list (else `ANSWERS`). */
  answers?: readonly string[];
}

/**
 * A step with every field present, in one order (absent ones `undefined`): every step reaching
 * the officials' planning has one shape, so the code reading them (`planOfficialActions`, run after
 * every state change of a clock advance) is not deoptimized by a step of a new shape in a later
 * phase of the year (acceptance, then review, objections, coding).
 */
function step(s: OfficialStep): OfficialStep {
  // Frozen: one step object is shared by every instance in its state (and answered by `officialStep`).
  return Object.freeze({
    role: s.role,
    accept: s.accept,
    supplement: s.supplement,
    reject: s.reject,
    explainWhenLate: s.explainWhenLate,
    answer: s.answer,
    rejectWithItems: s.rejectWithItems,
    atOnce: s.atOnce,
    periodEnded: s.periodEnded,
    reasons: s.reasons,
    answers: s.answers,
  });
}

/** 赋码 under `by_registry` coding: the registry codes a closed notice without an objection. */
const CODING: OfficialStep = step({ role: 'registry', accept: 'issue_code', atOnce: true });

/** A data objection or quality issue, answered by the provider of the data. */
const ANSWER: OfficialStep = step({ role: 'data_provider', accept: 'answer', answer: true, answers: DATA_CORRECTION_ANSWERS });

const STEP_TABLE: Record<string, Record<string, OfficialStep>> = {
  'registration.application': {
    submitted: { role: 'registry', accept: 'accept', supplement: 'request_supplements', reject: 'not_accept', explainWhenLate: true },
    under_review: { role: 'registry', accept: 'approve_review', reject: 'fail_review', explainWhenLate: true, rejectWithItems: true },
    objection_review: { role: 'registry', accept: 'dismiss_objection', reject: 'uphold_objection' },
  },
  'sharing.request': {
    compliance_review: { role: 'platform_operator', accept: 'pass_compliance_review', reject: 'fail_compliance_review', reasons: SHARING_COMPLIANCE_REASONS },
    under_review: { role: 'data_authority', accept: 'approve', reject: 'reject', periodEnded: 'reject', reasons: SHARING_REVIEW_REASONS },
    approved: { role: 'data_provider', accept: 'deliver', periodEnded: 'revoke' },
    disputed: { role: 'data_authority', accept: 'coordinate' },
    coordinating: { role: 'data_authority', accept: 'approve', reject: 'uphold_rejection', periodEnded: 'uphold_rejection', reasons: SHARING_REVIEW_REASONS },
    escalated: { role: 'city_government', accept: 'approve', reject: 'uphold_rejection', periodEnded: 'uphold_rejection', reasons: SHARING_REVIEW_REASONS },
  },
  'sharing.data-objection': { submitted: ANSWER },
  'sharing.quality-issue': { submitted: ANSWER },
  'open-data.data-objection': { submitted: ANSWER },
  'open-data.demand': { submitted: step({ ...ANSWER, role: 'data_authority', answers: DEMAND_ANSWERS }) },
  'open-data.application': {
    initial_review: { role: 'platform_operator', accept: 'pass_initial_review', reject: 'return', reasons: OPEN_DATA_RETURN_REASONS },
    substantive_review: { role: 'data_authority', accept: 'approve', reject: 'reject', periodEnded: 'reject', reasons: OPEN_DATA_REJECTION_REASONS },
  },
  'catalog.entry': {
    submitted: { role: 'data_authority', accept: 'publish', reject: 'return', reasons: CATALOG_RETURN_REASONS },
    change_submitted: { role: 'data_authority', accept: 'publish', reject: 'return', reasons: CATALOG_RETURN_REASONS },
  },
  // The grantor's deliberations, the data authority's filings, reviews and evaluations. Selecting,
  // deliberating and signing are the implementing body's choices and stay with the simulation API.
  'authorized-operation.plan': {
    under_deliberation: { role: 'grantor', accept: 'approve_plan', reject: 'reject_plan', reasons: AO_PLAN_REASONS },
    approved: { role: 'data_authority', accept: 'file_plan' },
    change_deliberation: { role: 'grantor', accept: 'approve_plan', reject: 'reject_change', reasons: AO_PLAN_REASONS },
  },
  'authorized-operation.selection': {
    government_approval: { role: 'grantor', accept: 'approve_selection', reject: 'fail_selection', reasons: AO_SELECTION_REASONS },
    signed: { role: 'data_authority', accept: 'file_agreement' },
  },
  'authorized-operation.authorization': {
    under_evaluation: { role: 'data_authority', accept: 'pass_evaluation', reject: 'order_rectification', reasons: AO_RECTIFICATION_REASONS },
    termination_requested: { role: 'grantor', accept: 'approve_termination' },
  },
  'authorized-operation.data-access': {
    submitted: { role: 'data_authority', accept: 'approve_data_access', reject: 'reject_data_access', reasons: AO_DATA_ACCESS_REASONS },
  },
  'authorized-operation.product': {
    compliance_review: { role: 'data_authority', accept: 'pass_compliance_review', reject: 'fail_compliance_review', reasons: AO_PRODUCT_REASONS },
  },
};

/**
 * The steps by machine id and state, as maps: a property read keyed by a state name (a new name
 * each phase of the year) deoptimized the planning code (`wrong name`); a map's `get` does not.
 */
const STEPS = new Map(Object.entries(STEP_TABLE).map(([machine, states]) => [machine, new Map(Object.entries(states).map(([state, s]) => [state, step(s)]))]));

/** Steps of Xiamen's data-access reviews, one per reviewer and step (the same object each time it is asked for). */
const reviewerSteps = new WeakMap<OfficialStep, Map<string, OfficialStep>>();

/** `s` acted on by `reviewer` (a step of one shape, made once). */
function reviewedBy(s: OfficialStep, reviewer: string): OfficialStep {
  let byReviewer = reviewerSteps.get(s);
  if (byReviewer === undefined) reviewerSteps.set(s, (byReviewer = new Map()));
  let found = byReviewer.get(reviewer);
  if (found === undefined) byReviewer.set(reviewer, (found = step({ ...s, role: reviewer })));
  return found;
}

/**
 * Clock events that open an official's decision again in the same state (an authorized-operation
 * request or product whose approval was held while its authorization was suspended, amended or
 * evaluated): a decision planned before was refused meanwhile, so officials plan again.
 */
const REOPENING = new Set(['reopen_approval', 'resume_access']);

/** Xiamen's 一级开发主体 reviews 二级 applications: the data-access reviewer is the instance's `data.reviewer`. */
const DATA_ACCESS = 'authorized-operation.data-access';

/**
 * The official step of an instance's state, if an official acts there (a registration
 * application whose notice closed under `by_registry` coding waits for the registry's code).
 *
 * @example
 * officialStep('registration.application.initial', 'submitted')?.role; // 'registry'
 * officialStep('registration.application.initial', 'in_public_notice', { noticeClosed: true })?.accept; // 'issue_code'
 */
export function officialStep(machineId: string, state: string, data: Readonly<Record<string, unknown>> = {}): OfficialStep | undefined {
  // Read for every instance, not only in a notice (a read first reached when the first notice
  // opened, in a later phase of a clock advance, deoptimized the officials' planning there), and
  // by `Reflect.get`: a generic read, so each new shape of `data` a phase brings (a registration's,
  // a closed notice's) does not deoptimize it either.
  const noticeClosed = Reflect.get(data, 'noticeClosed') === true;
  const key = machineId.startsWith('registration.application.') ? 'registration.application' : machineId;
  if (noticeClosed && key === 'registration.application' && state === 'in_public_notice') return CODING;
  const found = STEPS.get(key)?.get(state);
  if (found !== undefined && key === DATA_ACCESS && typeof data['reviewer'] === 'string') return reviewedBy(found, data['reviewer']);
  return found;
}

/**
 * Whether officials plan after this event: it changed the state, or it opened an official step
 * in the same state (a notice closed under `by_registry` coding; an approval reopened by the
 * clock, `reopen_approval` / `resume_access`). Only the last event of a
 * chain counts, so officials act once on the state the chain ends in; an `action_blocked`
 * record (the calendar refused an action) never counts, or officials would plan it again.
 *
 * @example
 * engine.subscribe(({ instance, event }) => { if (officialsActAfter(instance, event)) plan(); });
 */
export function officialsActAfter(instance: WorkflowInstance, event: WorkflowEvent): boolean {
  if (event.seq !== instance.events.length || event.type === 'action_blocked') return false;
  if (event.from !== event.to) return true;
  if (event.event !== undefined && REOPENING.has(event.event)) return officialStep(instance.machine, instance.state, instance.data) !== undefined;
  return event.event === 'notice_closed' && officialStep(instance.machine, instance.state, instance.data) === CODING;
}
