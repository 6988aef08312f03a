import type { MachineDefinition, TransitionDefinition } from '@gdx/kernel';
import type { SelectionMethod } from '../../authorized-operation/profile-part.js';
import { termRefusal } from '../../authorized-operation/term-check.js';
import type { Profile } from '../../profile-schema.js';
import { explainOverdue, profileLimit } from '../profile-limit.js';

const IMPLEMENTING_BODY = ['implementing_body'];
const TENDERS: readonly SelectionMethod[] = ['open_tender', 'invited_tender', 'negotiation'];

/**
 * An operator selection (27号 第十二、十三条), built with the transitions of the profile's
 * `selectionMethods` (created with `data.method`): a tender or negotiation selects in
 * `selecting` (a tender only once its bid period has passed — 20 calendar days, or to the later
 * `data.bidsCloseOn` it was created with: `TENDER_PERIOD_RUNNING` — and takes no bid after it:
 * `TENDER_CLOSED`; a negotiation runs no such period: it is created without it, and the clock's
 * `negotiation_started` drops it from one a host created with it);
 * Inner Mongolia publishes a call (its closing day `payload.closesOn`, "在规定时间内", else the
 * profile's 20 calendar days) whose period ends by the clock in `review` (choice 20 WD), then
 * `government_approval` (choice 20 WD) — states that exist only in profiles selecting by call;
 * Xiamen's government designates. The agreement is then
 * deliberated (choice 20 WD) and signed (`payload.agreement` with `term`; over the 5-year cap a
 * `warning` profile needs `payload.justification`, an `error` profile refuses:
 * `TERM_JUSTIFICATION_REQUIRED` / `TERM_EXCEEDS_CAP`), then filed (choice 10 WD).
 *
 * @example
 * engine.create('authorized-operation.selection', { id: 'aos_1', actor: { role: 'implementing_body' }, data: { method: 'open_tender' } });
 */
export function selectionMachine(profile: Profile): MachineDefinition {
  const options = profile.options.authorizedOperation;
  const methods = new Set(options.selectionMethods);
  const tenders = TENDERS.some((m) => methods.has(m));
  const call = methods.has('call_and_review');
  const designation = methods.has('designation');
  const bid = (state: string): TransitionDefinition => ({ from: state, event: 'bid', to: state, by: ['operator'], requires: ['bid'], eventType: 'bid_submitted' });
  const tenderSteps: TransitionDefinition[] = tenders
    ? [
        // A negotiation's bid keeps it without a period (entering `selecting` would start one); when
        // neither bid passes, it is a tender's after its close.
        { ...bid('selecting'), guard: 'negotiationWithoutPeriod', guardError: 'TENDER_CLOSED', deadline: 'clear' },
        // A tender's bid period ends its bidding (投标截止), as a call's period ends its applications.
        { ...bid('selecting'), guard: 'tenderOpen', guardError: 'TENDER_CLOSED' },
        { from: 'selecting', event: 'close_tender', to: 'selecting', by: ['clock'], set: { tenderClosed: true }, deadline: 'clear', eventType: 'tender_closed' },
        { from: 'selecting', event: 'select', to: 'selected', by: IMPLEMENTING_BODY, guard: 'tenderPeriodOver', guardError: 'TENDER_PERIOD_RUNNING', requires: ['operator'], assign: ['operator'] },
        // 招标投标法 第二十四条's minimum is a tender's: a negotiation (谈判) runs no bid period (the
        // sources set it none of its own). It is created without it (`negotiationOpensWithoutPeriod`);
        // one a host created with it (a journal of a version that did) has the clock drop it here.
        { from: 'selecting', event: 'start_negotiation', to: 'selecting', by: ['clock'], guard: 'negotiationRunsNoPeriod', deadline: 'clear', eventType: 'negotiation_started' },
      ]
    : [];
  const callSteps: TransitionDefinition[] = call
    ? [
        // The call sets its own closing day (`payload.closesOn`, 101号 第七条 "在规定时间内"); without one the profile's period applies.
        { from: 'selecting', event: 'publish_call', to: 'call_published', by: IMPLEMENTING_BODY, guard: 'data.method=call_and_review', guardError: 'SELECTION_METHOD_NOT_ALLOWED', assign: ['closesOn'] },
        bid('call_published'),
        { from: 'call_published', event: 'close_call', to: 'review', by: ['clock'] },
        { from: 'review', event: 'pass_review', to: 'government_approval', by: ['data_authority'], requires: ['operator'], assign: ['operator'] },
        { from: 'review', event: 'fail_selection', to: 'failed', by: ['data_authority'], requires: ['reasons'] },
        explainOverdue('review', ['data_authority']),
        { from: 'government_approval', event: 'approve_selection', to: 'selected', by: ['grantor'] },
        { from: 'government_approval', event: 'fail_selection', to: 'failed', by: ['grantor'], requires: ['reasons'] },
        explainOverdue('government_approval', ['grantor']),
      ]
    : [];
  const designationSteps: TransitionDefinition[] = designation
    ? [{ from: 'selecting', event: 'designate', to: 'selected', by: ['grantor'], guard: 'data.method=designation', guardError: 'SELECTION_METHOD_NOT_ALLOWED', requires: ['operator'], assign: ['operator'] }]
    : [];
  const transitions: TransitionDefinition[] = [
    ...tenderSteps,
    ...callSteps,
    ...designationSteps,
    { from: 'selecting', event: 'fail_selection', to: 'failed', by: IMPLEMENTING_BODY, requires: ['reasons'] },
    { from: 'selected', event: 'deliberate_agreement', to: 'agreement_deliberation', by: IMPLEMENTING_BODY, requires: ['agreement'], assign: ['agreement'] },
    {
      from: 'agreement_deliberation',
      event: 'sign',
      to: 'signed',
      by: IMPLEMENTING_BODY,
      guard: 'termAcceptable',
      guardError: termRefusal(profile),
      requires: ['agreement'],
      assign: ['agreement', 'justification'],
      eventType: 'agreement_signed',
    },
    explainOverdue('agreement_deliberation', IMPLEMENTING_BODY),
    { from: 'signed', event: 'file_agreement', to: 'signed', by: ['data_authority'], guard: '!data.filed', guardError: 'ALREADY_FILED', set: { filed: true }, deadline: 'clear', eventType: 'agreement_filed' },
  ];
  return {
    id: 'authorized-operation.selection',
    initial: 'selecting',
    states: {
      // Only a tender runs the minimum bid period in `selecting` (a negotiation enters without it).
      selecting: { ...(tenders ? { step: 'tender_period', always: 'start_negotiation' } : {}), label: { zh: '选择中', en: 'Selecting' } },
      // The call's states exist only where the profile selects by call and review (Inner Mongolia).
      ...(call
        ? {
            call_published: { step: 'call_period', label: { zh: '公开征集中', en: 'Call published' } },
            review: { step: 'qualification_review', label: { zh: '资格审查与专家评审', en: 'Review' } },
            government_approval: { step: 'government_approval', label: { zh: '政府审定', en: 'Government approval' } },
          }
        : {}),
      selected: { label: { zh: '已确定运营机构', en: 'Operator selected' } },
      agreement_deliberation: { step: 'agreement_deliberation', label: { zh: '协议审议', en: 'Agreement under deliberation' } },
      signed: { step: 'agreement_filing', label: { zh: '已签订协议', en: 'Agreement signed' } },
      failed: { terminal: true, label: { zh: '选择失败', en: 'Failed' } },
    },
    transitions,
    // A negotiation is created without the tender period, so not even its first event shows one.
    ...(tenders ? { creations: [{ guard: 'negotiationOpensWithoutPeriod', deadline: 'clear' as const }] } : {}),
    limits: {
      // A tender may state a later bid deadline (`data.bidsCloseOn`, 招标投标法 第二十四条 sets only the minimum).
      tender_period: { ...profileLimit(profile, 'authorized_operation.tender_period', 'tender_period', { event: 'close_tender' }), dueField: 'bidsCloseOn' },
      // Ends at 24:00 of the day the call states (`data.closesOn`), else after the profile's period (choice 20 calendar days).
      call_period: { ...profileLimit(profile, 'authorized_operation.call_period', 'call_period', { event: 'close_call' }), dueField: 'closesOn' },
      qualification_review: profileLimit(profile, 'authorized_operation.qualification_review', 'qualification_review', 'flag_overdue'),
      government_approval: profileLimit(profile, 'authorized_operation.government_approval', 'government_approval', 'flag_overdue'),
      agreement_deliberation: profileLimit(profile, 'authorized_operation.agreement_deliberation', 'agreement_deliberation', 'flag_overdue'),
      agreement_filing: profileLimit(profile, 'authorized_operation.agreement_filing', 'agreement_filing', 'flag_overdue'),
    },
  };
}
