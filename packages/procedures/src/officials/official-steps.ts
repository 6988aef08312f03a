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
}

const ANSWER: OfficialStep = { role: 'data_provider', accept: 'answer', answer: true };

const STEPS: Record<string, Record<string, OfficialStep>> = {
  'registration.application': {
    submitted: { role: 'registry', accept: 'accept', supplement: 'request_supplements', reject: 'not_accept', explainWhenLate: true },
    under_review: { role: 'registry', accept: 'approve_review', reject: 'fail_review', explainWhenLate: true, rejectWithItems: true },
    objection_review: { role: 'registry', accept: 'dismiss_objection', reject: 'uphold_objection' },
  },
  'sharing.request': {
    under_review: { role: 'data_authority', accept: 'approve', reject: 'reject' },
    approved: { role: 'data_provider', accept: 'deliver' },
    disputed: { role: 'data_authority', accept: 'coordinate' },
    coordinating: { role: 'data_authority', accept: 'approve', reject: 'uphold_rejection' },
    escalated: { role: 'city_government', accept: 'approve', reject: 'uphold_rejection' },
  },
  'sharing.data-objection': { submitted: ANSWER },
  'sharing.quality-issue': { submitted: ANSWER },
  'open-data.data-objection': { submitted: ANSWER },
  'open-data.demand': { submitted: { ...ANSWER, role: 'data_authority' } },
  'open-data.application': {
    initial_review: { role: 'platform_operator', accept: 'pass_initial_review', reject: 'return' },
    substantive_review: { role: 'data_authority', accept: 'approve', reject: 'reject' },
  },
  'catalog.entry': {
    submitted: { role: 'data_authority', accept: 'publish', reject: 'return' },
    change_submitted: { role: 'data_authority', accept: 'publish', reject: 'return' },
  },
};

/**
 * The official step of a machine's state, if an official acts there.
 *
 * @example
 * officialStep('registration.application.initial', 'submitted')?.role; // 'registry'
 */
export function officialStep(machineId: string, state: string): OfficialStep | undefined {
  const key = machineId.startsWith('registration.application.') ? 'registration.application' : machineId;
  return STEPS[key]?.[state];
}
