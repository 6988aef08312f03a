import type { MachineDefinition } from '@gdx/kernel';
import type { Profile } from '../../profile-schema.js';
import { explainOverdue, profileLimit } from '../profile-limit.js';

const IMPLEMENTING_BODY = ['implementing_body'];
const GRANTOR = ['grantor'];

/**
 * An implementation plan (实施方案, 27号 第八–十一条): drafted by the implementing body, deliberated
 * by the 本级人民政府 or 部务会 ("三重一大", choice 30 WD, overdue never approves), filed with the
 * provincial data authority (choice 10 WD). A major change is deliberated again
 * (`change_deliberation`, payload `change`) while the approved version stays in force; the host
 * raises the version when `approve_plan` ends a change. A refused change leaves the plan approved
 * without a new filing; an approved one must be filed again.
 *
 * @example
 * engine.create('authorized-operation.plan', { id: 'aop_1', actor: { role: 'implementing_body' } });
 * engine.dispatch('aop_1', 'submit', { actor: { role: 'implementing_body' } }); // deliberation due in 30 WD
 */
export function planMachine(profile: Profile): MachineDefinition {
  return {
    id: 'authorized-operation.plan',
    initial: 'drafting',
    states: {
      drafting: { label: { zh: '编制中', en: 'Drafting' } },
      under_deliberation: { step: 'plan_deliberation', label: { zh: '审议中', en: 'Under deliberation' } },
      approved: { step: 'plan_filing', label: { zh: '已批准', en: 'Approved' } },
      change_deliberation: { step: 'plan_change_deliberation', label: { zh: '变更审议中', en: 'Change under deliberation' } },
      rejected: { terminal: true, label: { zh: '未通过', en: 'Rejected' } },
    },
    transitions: [
      { from: 'drafting', event: 'submit', to: 'under_deliberation', by: IMPLEMENTING_BODY },
      { from: 'under_deliberation', event: 'approve_plan', to: 'approved', by: GRANTOR, set: { filed: false } },
      { from: 'under_deliberation', event: 'reject_plan', to: 'rejected', by: GRANTOR, requires: ['reasons'] },
      explainOverdue('under_deliberation', GRANTOR),
      { from: 'approved', event: 'file_plan', to: 'approved', by: ['data_authority'], guard: '!data.filed', guardError: 'ALREADY_FILED', set: { filed: true }, deadline: 'clear', eventType: 'plan_filed' },
      { from: 'approved', event: 'propose_change', to: 'change_deliberation', by: IMPLEMENTING_BODY, requires: ['change'], assign: ['change'] },
      { from: 'change_deliberation', event: 'approve_plan', to: 'approved', by: GRANTOR, set: { filed: false, change: null } },
      { from: 'change_deliberation', event: 'reject_change', to: 'approved', by: GRANTOR, requires: ['reasons'], set: { change: null }, deadline: 'clear' },
      explainOverdue('change_deliberation', GRANTOR),
    ],
    limits: {
      plan_deliberation: profileLimit(profile, 'authorized_operation.plan_deliberation', 'plan_deliberation', 'flag_overdue'),
      // A change "按原流程重新报请审议": its own limit, the plan's by default, from the change's submission.
      plan_change_deliberation: profileLimit(profile, 'authorized_operation.plan_change_deliberation', 'plan_change_deliberation', 'flag_overdue'),
      plan_filing: profileLimit(profile, 'authorized_operation.plan_filing', 'plan_filing', 'flag_overdue'),
    },
  };
}
