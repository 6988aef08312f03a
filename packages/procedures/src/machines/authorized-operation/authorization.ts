import type { MachineDefinition, TransitionDefinition } from '@gdx/kernel';
import { termRefusal } from '../../authorized-operation/term-check.js';
import { termEndedReasons } from '../../authorized-operation/term-ended.js';
import type { Profile } from '../../profile-schema.js';
import { explainOverdue, profileLimit } from '../profile-limit.js';

const AUTHORITY = ['data_authority'];
const GRANTOR = ['grantor'];
const PRICE = ['price_authority', 'data_authority'];
/** States in which the authorization runs and its pricing may be decided. */
const RUNNING = ['active', 'amending', 'suspended', 'under_evaluation', 'rectifying', 'termination_requested'];

/**
 * The pricing decisions of 65号 recorded on the authorization (they change neither state nor
 * deadline): a year's MAR inputs (发展改革 with the data authority, 三(一)), a product's ceiling
 * fee (the grantor, 二), the grantor's formal-fee application and its assessment (二), which
 * decides a pending application only.
 */
const PRICING: readonly Omit<TransitionDefinition, 'from' | 'to'>[] = [
  { event: 'set_mar', by: PRICE, requires: ['mar'], eventType: 'mar_set' },
  { event: 'set_ceiling', by: GRANTOR, requires: ['ceiling'], eventType: 'ceiling_set' },
  // 授权主体…提出书面申请 (65号 二): the grantor applies. The operator is named, behind the guard
  // `grantorApplies` that refuses it, so that an application older versions took from it (a
  // host's journal) can still be replayed as it was answered.
  { event: 'apply_formal_fees', by: [...GRANTOR, 'operator'], guard: 'grantorApplies', guardError: 'ACTOR_NOT_ALLOWED', eventType: 'formal_fees_applied' },
  // Only a pending application is assessed (guard `formalFeesPending`, read from the log).
  { event: 'approve_formal_fees', by: PRICE, guard: 'formalFeesPending', guardError: 'NO_PENDING_APPLICATION', eventType: 'formal_fees_approved' },
  { event: 'reject_formal_fees', by: PRICE, guard: 'formalFeesPending', guardError: 'NO_PENDING_APPLICATION', requires: ['reasons'], eventType: 'formal_fees_rejected' },
  // 书面报告发展改革部门、数据管理部门 (65号 二): the grantor reports the ceilings set since its last
  // report (guard `ceilingsAwaitReport`); the host plans `ceiling_report_overdue` for each period's
  // end (choice 10 WD, `ceilingReportDuty`), which flags it unless reported meanwhile.
  { event: 'report_ceilings', by: GRANTOR, guard: 'ceilingsAwaitReport', guardError: 'NO_CEILING_TO_REPORT', requires: ['report'], set: { ceilingReportOverdue: false }, eventType: 'ceilings_reported' },
  { event: 'ceiling_report_overdue', by: ['clock'], guard: 'ceilingReportStillDue', set: { ceilingReportOverdue: true }, eventType: 'ceiling_report_overdue' },
  // 每年3月底前…报告上一年度 (65号 五; 101号 第十六条): the host plans `annual_report_overdue` for
  // 24:00 of a year's due day (`annualReportDue`) with `payload.year` and `payload.dueAt`, and
  // withdraws the plan when the report on that year is filed first (the reports are the host's
  // records, not events of this log), so the clock records the missed report once.
  { event: 'annual_report_overdue', by: ['clock'], requires: ['year', 'dueAt'], eventType: 'annual_report_overdue' },
];

/**
 * The disclosures, in every running state. The implementing body's of 授权对象、内容、范围和时限 (27号 第十八条):
 * `disclose` records where it was published (`payload.disclosure`) and meets the running
 * period; the host plans the clock's `disclosure_overdue` for each period's end (`payload.since`:
 * the log position the period starts after), which flags it once (`data.disclosureOverdue`) unless
 * a disclosure came meanwhile (guard `disclosureStillDue`). The periods themselves are
 * `disclosureDuty`'s, read from the log.
 */
const DISCLOSURE: readonly Omit<TransitionDefinition, 'from' | 'to'>[] = [
  { event: 'disclose', by: ['implementing_body'], requires: ['disclosure'], assign: ['disclosure'], set: { disclosureDuty: true, disclosureOverdue: false }, eventType: 'authorization_disclosed' },
  { event: 'disclosure_overdue', by: ['clock'], guard: 'disclosureStillDue', set: { disclosureOverdue: true }, eventType: 'disclosure_overdue' },
  // The operator's own disclosure of its product list and its use of public data (27号 第十九条),
  // alike: `disclose_operation` (`payload.operationDisclosure`) meets the running period
  // (`operatorDisclosureDuty`), the clock's `operator_disclosure_overdue` flags one run out.
  { event: 'disclose_operation', by: ['operator'], requires: ['operationDisclosure'], assign: ['operationDisclosure'], set: { operatorDisclosureDuty: true, operatorDisclosureOverdue: false }, eventType: 'operation_disclosed' },
  { event: 'operator_disclosure_overdue', by: ['clock'], guard: 'operatorDisclosureStillDue', set: { operatorDisclosureOverdue: true }, eventType: 'operator_disclosure_overdue' },
];

/**
 * Xiamen's status report (厦门办法 第二十四条 "一级开发主体应当定期向市大数据主管部门报告公共数据授权运营情况"),
 * in every running state of a profile whose `statusReport` option is on: the operator (the 一级开发主体)
 * files `report_status` (`payload.statusReport`), meeting the running period (`statusReportDuty`);
 * the clock's `status_report_overdue` flags one run out (guard `statusReportStillDue`), as for the
 * disclosures.
 */
const STATUS_REPORT: readonly Omit<TransitionDefinition, 'from' | 'to'>[] = [
  { event: 'report_status', by: ['operator'], requires: ['statusReport'], assign: ['statusReport'], set: { statusReportDuty: true, statusReportOverdue: false }, eventType: 'status_reported' },
  { event: 'status_report_overdue', by: ['clock'], guard: 'statusReportStillDue', set: { statusReportOverdue: true }, eventType: 'status_report_overdue' },
];

/**
 * The authorization in force (授权运营, 27号 第十四条; 101号 第八、三十二–三十七条), created `active`
 * at signing with `data.termEnd` (the agreed term's last day) and `data.signedOn`. While `active`
 * the `term` step runs from `signedOn` to `termEnd` (plain date arithmetic; without it, the
 * profile's cap of 5 years) and the clock then expires it. Suspension (choice 30 calendar days to fix and file `feedback` with
 * `file_feedback`; `reinstate` only after it: `FEEDBACK_REQUIRED`), yearly evaluation (choice 30 WD
 * after the annual report: `payload.annualReportOn` of `start_evaluation`, else from its start until
 * the clock's `annual_report_filed` restarts it from the report; `payload.evaluatedYear` names the year
 * evaluated, the host deciding which and refusing a year already decided), rectification (30 calendar days
 * from the notice, then re-evaluation by the clock; a second `order_rectification` in one evaluation
 * terminates: `failed`), amendment (choice 20 WD; a new `termEnd` comes with `payload.term`, held to
 * the cap as at signing: `TERM_JUSTIFICATION_REQUIRED` / `TERM_EXCEEDS_CAP`), the operator's early
 * termination request (choice 20 WD) and revocation. The term's end expires it from any running
 * state (`expire` by the clock, guard `termEnded`, reasons coded `TERM_ENDED`: `termEndedReasons`):
 * in `active` its `term` step's timer sends it; elsewhere the host plans that event for 24:00 of
 * `data.termEnd` when the authorization leaves `active` (the mock: `authorization-effects.ts`). Every refusal, suspension,
 * revocation and failure needs `reasons`. While it runs, the pricing decisions (`set_mar` with
 * `payload.mar`, `set_ceiling` with `payload.ceiling`, `apply_formal_fees`, `approve_formal_fees`, `reject_formal_fees`,
 * the grantor's `report_ceilings` and the clock's `ceiling_report_overdue` and `annual_report_overdue`)
 * are recorded as events in the state it is in, as the implementing body's `disclose` and the
 * clock's `disclosure_overdue` are (27号 第十八条; see `DISCLOSURE`).
 *
 * @example
 * engine.create('authorized-operation.authorization', { id: 'aoa_1', actor: { role: 'implementing_body' }, data: { termEnd: '2029-01-04' } });
 */
export function authorizationMachine(profile: Profile): MachineDefinition {
  const reports = profile.options.authorizedOperation.statusReport ? STATUS_REPORT : [];
  return {
    id: 'authorized-operation.authorization',
    initial: 'active',
    states: {
      active: { step: 'term', label: { zh: '运营中', en: 'Active' } },
      amending: { step: 'amendment', label: { zh: '协议变更中', en: 'Amending' } },
      suspended: { step: 'suspension', label: { zh: '已暂停', en: 'Suspended' } },
      under_evaluation: { step: 'evaluation', label: { zh: '评估中', en: 'Under evaluation' } },
      rectifying: { step: 'rectification', label: { zh: '限期整改', en: 'Rectifying' } },
      termination_requested: { step: 'termination_request', label: { zh: '申请提前终止', en: 'Termination requested' } },
      expired: { terminal: true, label: { zh: '已期满', en: 'Expired' } },
      terminated: { terminal: true, label: { zh: '已终止', en: 'Terminated' } },
    },
    transitions: [
      { from: 'active', event: 'amend', to: 'amending', by: ['implementing_body'], requires: ['amendment'], assign: ['amendment'] },
      // An amended term (`payload.term`) is held to the cap as the signed one.
      {
        from: 'amending',
        event: 'approve_amendment',
        to: 'active',
        by: ['implementing_body'],
        guard: 'amendedTermAcceptable',
        guardError: termRefusal(profile),
        assign: ['termEnd'],
      },
      explainOverdue('amending', ['implementing_body']),
      // 101号 第三十二条: the operator fixes the breach and feeds back within the limit (its duty then
      // met: the deadline clears); only fed back may it be reinstated. Each suspension wants its own.
      { from: 'active', event: 'suspend', to: 'suspended', by: AUTHORITY, requires: ['reasons'], set: { feedback: null } },
      { from: 'suspended', event: 'file_feedback', to: 'suspended', by: ['operator'], requires: ['feedback'], assign: ['feedback'], deadline: 'clear', eventType: 'feedback_filed' },
      { from: 'suspended', event: 'reinstate', to: 'active', by: AUTHORITY, guard: 'data.feedback', guardError: 'FEEDBACK_REQUIRED' },
      { from: 'suspended', event: 'revoke', to: 'terminated', by: GRANTOR, requires: ['reasons'] },
      // The evaluation runs from the annual report it follows (`annualReportOn`, the evaluated year's),
      // or from its start until that report is filed (`annual_report_filed` restarts it).
      // `payload.evaluatedYear`: the ended year of the term it evaluates (101号 第三十四条, one a year), kept through its rectification.
      { from: 'active', event: 'start_evaluation', to: 'under_evaluation', by: AUTHORITY, set: { rectified: false, annualReportOn: null, evaluatedYear: null }, assign: ['annualReportOn', 'evaluatedYear'] },
      { from: 'under_evaluation', event: 'annual_report_filed', to: 'under_evaluation', by: ['clock'], guard: '!data.annualReportOn', requires: ['annualReportOn'], assign: ['annualReportOn'], deadline: 'restart', eventType: 'annual_report_filed' },
      { from: 'under_evaluation', event: 'pass_evaluation', to: 'active', by: AUTHORITY, assign: ['evaluation'], set: { rectified: false } },
      // A second rectification in the same evaluation counts as failed (101号 第三十六条).
      { from: 'under_evaluation', event: 'order_rectification', to: 'terminated', by: AUTHORITY, guard: 'data.rectified', requires: ['reasons'], set: { result: 'failed' } },
      { from: 'under_evaluation', event: 'order_rectification', to: 'rectifying', by: AUTHORITY, requires: ['reasons'], set: { rectified: true } },
      { from: 'under_evaluation', event: 'fail_evaluation', to: 'terminated', by: AUTHORITY, requires: ['reasons'], set: { result: 'failed' } },
      explainOverdue('under_evaluation', AUTHORITY),
      // A re-evaluation follows the rectification, not the annual report: it runs from its start.
      { from: 'rectifying', event: 'report_rectification', to: 'under_evaluation', by: ['operator'], requires: ['report'], assign: ['report'], set: { annualReportOn: null } },
      { from: 'rectifying', event: 'reevaluate', to: 'under_evaluation', by: ['clock'], set: { annualReportOn: null } },
      { from: 'active', event: 'request_termination', to: 'termination_requested', by: ['operator'], requires: ['reasons'] },
      { from: 'termination_requested', event: 'approve_termination', to: 'terminated', by: GRANTOR },
      explainOverdue('termination_requested', GRANTOR),
      { from: 'active', event: 'revoke', to: 'terminated', by: GRANTOR, requires: ['reasons'] },
      // The term bounds the authorization in every running state (27号 第十四条(二)): in `active` its
      // `term` step's timer sends `expire`; elsewhere the host plans it for the term's end, and
      // what was pending there (an amendment, a suspension, an evaluation, a rectification, an
      // early termination request) lapses with it. Guarded, so an expiry planned for an end
      // since amended does nothing.
      { from: RUNNING, event: 'expire', to: 'expired', by: ['clock'], guard: 'termEnded', guardError: 'TERM_NOT_ENDED' },
      ...RUNNING.flatMap((state) => [...PRICING, ...DISCLOSURE, ...reports].map((p) => ({ ...p, from: state, to: state }))),
    ],
    limits: {
      // From the signing day (`data.signedOn`) whenever `active` is re-entered (after a suspension,
      // an evaluation, an amendment): the term does not restart.
      // The expiry carries its reason from `active` too, as the host's planned one does elsewhere.
      term: { ...profileLimit(profile, 'authorized_operation.term', 'term', { event: 'expire', payload: { reasons: termEndedReasons('active') } }), startField: 'signedOn', dueField: 'termEnd', holidayExtension: 'none' },
      amendment: profileLimit(profile, 'authorized_operation.amendment', 'amendment', 'flag_overdue'),
      suspension: profileLimit(profile, 'authorized_operation.suspension', 'suspension', 'flag_overdue'),
      evaluation: { ...profileLimit(profile, 'authorized_operation.evaluation', 'evaluation', 'flag_overdue'), startField: 'annualReportOn' },
      rectification: profileLimit(profile, 'authorized_operation.rectification', 'rectification', { event: 'reevaluate' }),
      termination_request: profileLimit(profile, 'authorized_operation.termination_request', 'termination_request', 'flag_overdue'),
    },
  };
}
