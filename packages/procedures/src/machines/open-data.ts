import type { MachineDefinition } from '@gdx/kernel';
import type { Profile } from '../profile-schema.js';
import { answerDutyMachine } from './answer-duty.js';
import { WHILE_PERIOD_RUNS } from './period-of-use.js';
import { explainOverdue, profileLimit } from './profile-limit.js';

const OPERATOR = ['platform_operator'];
const DECIDERS = ['data_authority', 'data_provider'];

/**
 * An open-data application (依申请开放, Xiamen 第二十三条) on two sequential clocks: the initial
 * review (3 WD from the application day, platform operator) and, once passed, the substantive
 * review (7 WD from that day, data authority with the provider). Returned and rejected
 * applications carry reasons (rejections are published: `data.published`); an approval issues a
 * grant (`payload.grant`) that can be suspended, reinstated or expire. Approval is refused once the
 * period of use in `data.periodOfUseEnds` is over (`PERIOD_ENDED`, see `WHILE_PERIOD_RUNS`).
 *
 * @example
 * engine.create('open-data.application', { id: 'oda_1', actor: { role: 'applicant' } });
 */
export function openDataApplicationMachine(profile: Profile): MachineDefinition {
  return {
    id: 'open-data.application',
    initial: 'submitted',
    states: {
      submitted: { always: 'start_initial_review', label: { zh: '已提交', en: 'Submitted' } },
      initial_review: { step: 'initial_review', label: { zh: '初审', en: 'Initial review' } },
      returned: { terminal: true, label: { zh: '已退回', en: 'Returned' } },
      substantive_review: { step: 'substantive_review', label: { zh: '审核答复', en: 'Substantive review' } },
      approved: { label: { zh: '已同意', en: 'Approved' } },
      rejected: { terminal: true, label: { zh: '不予同意（理由公开）', en: 'Rejected (reasons published)' } },
      suspended: { label: { zh: '已暂停', en: 'Suspended' } },
      expired: { terminal: true, label: { zh: '已到期', en: 'Expired' } },
    },
    transitions: [
      { from: 'submitted', event: 'start_initial_review', to: 'initial_review', by: ['clock'] },
      { from: 'initial_review', event: 'pass_initial_review', to: 'substantive_review', by: OPERATOR },
      { from: 'initial_review', event: 'return', to: 'returned', by: OPERATOR, requires: ['reasons'] },
      explainOverdue('initial_review', OPERATOR),
      { from: 'substantive_review', event: 'approve', to: 'approved', by: DECIDERS, assign: ['grant'], eventType: 'grant_issued', ...WHILE_PERIOD_RUNS },
      { from: 'substantive_review', event: 'reject', to: 'rejected', by: DECIDERS, requires: ['reasons'], set: { published: true } },
      explainOverdue('substantive_review', DECIDERS),
      { from: 'approved', event: 'suspend', to: 'suspended', by: ['data_authority'], requires: ['reasons'] },
      { from: 'suspended', event: 'reinstate', to: 'approved', by: ['data_authority'] },
      { from: ['approved', 'suspended'], event: 'expire', to: 'expired', by: ['clock'] },
    ],
    limits: {
      initial_review: profileLimit(profile, 'open_data.initial_review', 'initial_review', 'flag_overdue'),
      substantive_review: profileLimit(profile, 'open_data.substantive_review', 'substantive_review', 'flag_overdue'),
    },
  };
}

/**
 * Usage reporting under a grant with a usage-feedback condition (第二十四条): a report is due
 * every `open_data.usage_report` period (choice: 90 calendar days); a late one is flagged
 * overdue; each report starts the next period where the previous one ended (`extendFrom:
 * 'period'`): period n ends n periods after the start, and only its report's due date moves off a
 * rest day (民法典 第二百零三条), so no day is left out and the grid does not drift. The host
 * creates one per such grant and ends it when the grant ends, or with the last report
 * (`submit_last_report`) when the next period would end after the grant.
 *
 * @example
 * engine.create('open-data.usage-reporting', { id: 'use_1', actor: { role: 'platform_operator' }, data: { grantId: 'gr_1' } });
 */
export function usageReportingMachine(profile: Profile): MachineDefinition {
  return {
    id: 'open-data.usage-reporting',
    initial: 'due',
    states: {
      due: { step: 'usage_report', label: { zh: '待提交使用报告', en: 'Usage report due' } },
      ended: { terminal: true, label: { zh: '已结束', en: 'Ended' } },
    },
    transitions: [
      { from: 'due', event: 'submit_report', to: 'due', by: ['applicant'], requires: ['report'], deadline: 'extend', eventType: 'usage_report_submitted' },
      // The last report: the next period would end after the grant, so no further report is due.
      { from: 'due', event: 'submit_last_report', to: 'ended', by: ['applicant'], requires: ['report'], eventType: 'usage_report_submitted' },
      { from: 'due', event: 'end', to: 'ended', by: ['clock', 'data_authority', 'platform_operator'] },
    ],
    limits: { usage_report: profileLimit(profile, 'open_data.usage_report', 'usage_report', 'flag_overdue', { extendFrom: 'period' }) },
  };
}

/**
 * The open-data platform's machines: applications, usage reporting, demand requests
 * (需求受理反馈, choice 10 WD), data-subject objections (5 WD) and spot checks of a grant with
 * a usage-feedback condition (接受抽查, 第二十四条), which its holder answers (choice 10 WD).
 *
 * @example
 * openDataMachines(profile).demand.id; // 'open-data.demand'
 */
export function openDataMachines(profile: Profile): {
  application: MachineDefinition;
  usageReporting: MachineDefinition;
  demand: MachineDefinition;
  dataObjection: MachineDefinition;
  spotCheck: MachineDefinition;
} {
  return {
    application: openDataApplicationMachine(profile),
    usageReporting: usageReportingMachine(profile),
    demand: answerDutyMachine(profile, 'open-data.demand', 'open_data.demand_answer', ['data_authority', 'data_provider', 'platform_operator']),
    dataObjection: answerDutyMachine(profile, 'open-data.data-objection', 'open_data.data_objection', ['data_provider', 'data_authority', 'platform_operator']),
    spotCheck: answerDutyMachine(profile, 'open-data.spot-check', 'open_data.spot_check', ['applicant']),
  };
}
