import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';

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
}

/** 赋码 under `by_registry` coding: the registry codes a closed notice without an objection. */
const CODING: OfficialStep = { role: 'registry', accept: 'issue_code', atOnce: true };

const ANSWER: OfficialStep = { role: 'data_provider', accept: 'answer', answer: true };

const STEPS: Record<string, Record<string, OfficialStep>> = {
  'registration.application': {
    submitted: { role: 'registry', accept: 'accept', supplement: 'request_supplements', reject: 'not_accept', explainWhenLate: true },
    under_review: { role: 'registry', accept: 'approve_review', reject: 'fail_review', explainWhenLate: true, rejectWithItems: true },
    objection_review: { role: 'registry', accept: 'dismiss_objection', reject: 'uphold_objection' },
  },
  'sharing.request': {
    compliance_review: { role: 'platform_operator', accept: 'pass_compliance_review', reject: 'fail_compliance_review' },
    under_review: { role: 'data_authority', accept: 'approve', reject: 'reject', periodEnded: 'reject' },
    approved: { role: 'data_provider', accept: 'deliver', periodEnded: 'revoke' },
    disputed: { role: 'data_authority', accept: 'coordinate' },
    coordinating: { role: 'data_authority', accept: 'approve', reject: 'uphold_rejection', periodEnded: 'uphold_rejection' },
    escalated: { role: 'city_government', accept: 'approve', reject: 'uphold_rejection', periodEnded: 'uphold_rejection' },
  },
  'sharing.data-objection': { submitted: ANSWER },
  'sharing.quality-issue': { submitted: ANSWER },
  'open-data.data-objection': { submitted: ANSWER },
  'open-data.demand': { submitted: { ...ANSWER, role: 'data_authority' } },
  'open-data.application': {
    initial_review: { role: 'platform_operator', accept: 'pass_initial_review', reject: 'return' },
    substantive_review: { role: 'data_authority', accept: 'approve', reject: 'reject', periodEnded: 'reject' },
  },
  'catalog.entry': {
    submitted: { role: 'data_authority', accept: 'publish', reject: 'return' },
    change_submitted: { role: 'data_authority', accept: 'publish', reject: 'return' },
  },
  // The grantor's deliberations, the data authority's filings, reviews and evaluations. Selecting,
  // deliberating and signing are the implementing body's choices and stay with the simulation API.
  'authorized-operation.plan': {
    under_deliberation: { role: 'grantor', accept: 'approve_plan', reject: 'reject_plan' },
    approved: { role: 'data_authority', accept: 'file_plan' },
    change_deliberation: { role: 'grantor', accept: 'approve_plan', reject: 'reject_change' },
  },
  'authorized-operation.selection': {
    government_approval: { role: 'grantor', accept: 'approve_selection', reject: 'fail_selection' },
    signed: { role: 'data_authority', accept: 'file_agreement' },
  },
  'authorized-operation.authorization': {
    under_evaluation: { role: 'data_authority', accept: 'pass_evaluation', reject: 'order_rectification' },
    termination_requested: { role: 'grantor', accept: 'approve_termination' },
  },
  'authorized-operation.data-access': {
    submitted: { role: 'data_authority', accept: 'approve_data_access', reject: 'reject_data_access' },
  },
  'authorized-operation.product': {
    compliance_review: { role: 'data_authority', accept: 'pass_compliance_review', reject: 'fail_compliance_review' },
  },
};

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
  const key = machineId.startsWith('registration.application.') ? 'registration.application' : machineId;
  if (key === 'registration.application' && state === 'in_public_notice' && data['noticeClosed'] === true) return CODING;
  const step = STEPS[key]?.[state];
  if (step && key === DATA_ACCESS && typeof data['reviewer'] === 'string') return { ...step, role: data['reviewer'] };
  return step;
}

/**
 * Whether officials plan after this event: it changed the state, or it opened an official step
 * in the same state (a notice closed under `by_registry` coding; an approval reopened by the
 * clock, `reopen_approval` / `resume_access`). Only the last event of a
 * chain counts, so officials act once on the state the chain ends in; an `action_blocked`
 * record (the calendar refused an action) never counts, or officials would plan it again.
 *
 * @example
 * engine.subscribe(({ instanceId, event }) => { if (officialsActAfter(engine.get(instanceId), event)) plan(); });
 */
export function officialsActAfter(instance: WorkflowInstance, event: WorkflowEvent): boolean {
  if (event.seq !== instance.events.length || event.type === 'action_blocked') return false;
  if (event.from !== event.to) return true;
  if (event.event !== undefined && REOPENING.has(event.event)) return officialStep(instance.machine, instance.state, instance.data) !== undefined;
  return event.event === 'notice_closed' && officialStep(instance.machine, instance.state, instance.data) === CODING;
}
