import type { Limit, MachineDefinition, TransitionDefinition } from '@gdx/kernel';
import type { Profile } from '../profile-schema.js';
import { explainOverdue, profileLimit } from './profile-limit.js';
import { OVERDUE_REVIEW_EXPLAINED } from './overdue-explanation.js';
import { SUPPLEMENT_NOTICED } from './supplement-notice.js';

/** Registration types (第九条). */
export type RegistrationType = 'initial' | 'change' | 'correction' | 'cancellation';

/** The registration types, in the order of 第九条. */
export const REGISTRATION_TYPES: readonly RegistrationType[] = ['initial', 'change', 'correction', 'cancellation'];

const REGISTRY = ['registry'];

/**
 * The acceptance's supplement notice (补正通知). Under `supplementNotice: once` (一次性告知, 26号
 * 第十条) it is given once per application: it marks `data.supplementNoticed` and the named guard
 * `supplementNotYetNoticed` refuses a second one (`SUPPLEMENT_ALREADY_REQUESTED`); the guard is
 * named so that a journal an older version wrote, holding a second notice, replays as answered.
 */
function supplementNotice(profile: Profile): TransitionDefinition {
  const t: TransitionDefinition = { from: 'submitted', event: 'request_supplements', to: 'supplement_required', by: REGISTRY, requires: ['items'], assign: ['items'] };
  if (profile.options.supplementNotice === 'repeatable') return t;
  return { ...t, guard: 'supplementNotYetNoticed', guardError: 'SUPPLEMENT_ALREADY_REQUESTED', set: { [SUPPLEMENT_NOTICED]: true } };
}

/** What a passed review leads to for each type (choice defaults of the domain file, per profile). */
function afterReview(profile: Profile, type: RegistrationType): 'in_public_notice' | 'registered' | 'cancelled' {
  if (type === 'cancellation') return 'cancelled';
  if (type === 'initial') return 'in_public_notice';
  return profile.options.noticeFor[type] ? 'in_public_notice' : 'registered';
}

/**
 * The notice's end under `by_registry` coding: the application stays in `in_public_notice` with
 * the notice closed (no deadline) until the registry's `issue_code`; no objection is taken any more.
 */
function registryCoding(): TransitionDefinition[] {
  return [
    { from: 'in_public_notice', event: 'notice_closed', to: 'in_public_notice', by: ['clock'], set: { noticeClosed: true }, eventType: 'notice_closed', deadline: 'clear' },
    { from: 'in_public_notice', event: 'issue_code', to: 'registered', by: REGISTRY, guard: 'data.noticeClosed', guardError: 'NOTICE_RUNNING' },
    { from: 'in_public_notice', event: 'object', to: 'objection_review', by: ['interested_party'], requires: ['evidence'], guard: '!data.noticeClosed', guardError: 'OBJECTION_WINDOW_CLOSED' },
    // Dismissed after the notice closed meanwhile → back to the closed notice, awaiting the code.
    { from: 'objection_review', event: 'dismiss_objection', to: 'in_public_notice', by: REGISTRY, guard: 'data.noticeClosed', deadline: 'clear' },
  ];
}

/** The notice's end codes the registration at once (`on_notice_close`). */
function codingOnNoticeClose(): TransitionDefinition[] {
  return [
    { from: 'in_public_notice', event: 'notice_closed', to: 'registered', by: ['clock'] },
    { from: 'in_public_notice', event: 'object', to: 'objection_review', by: ['interested_party'], requires: ['evidence'] },
    // Dismissed after the notice closed meanwhile → coded at once.
    { from: 'objection_review', event: 'dismiss_objection', to: 'registered', by: REGISTRY, guard: 'data.noticeClosed' },
  ];
}

function noticeTransitions(profile: Profile): TransitionDefinition[] {
  return [
    ...(profile.options.codeIssuance === 'by_registry' ? registryCoding() : codingOnNoticeClose()),
    // A further objection while the notice still runs joins the pending review.
    {
      from: 'objection_review', event: 'object', to: 'objection_review', by: ['interested_party'], requires: ['evidence'],
      guard: '!data.noticeClosed', guardError: 'OBJECTION_WINDOW_CLOSED', eventType: 'objection_filed',
    },
    // The notice ends under objection: nothing runs any more (the objection review has no limit),
    // so no deadline is left to show as running.
    { from: 'objection_review', event: 'notice_closed', to: 'objection_review', by: ['clock'], set: { noticeClosed: true }, eventType: 'notice_closed', deadline: 'clear' },
    // Dismissed while the notice still runs → back to the running notice; a notice the objection
    // paused runs on with the days it had left.
    { from: 'objection_review', event: 'dismiss_objection', to: 'in_public_notice', by: REGISTRY, ...(profile.options.objectionPausesNotice ? { deadline: 'resume' as const } : {}) },
    { from: 'objection_review', event: 'uphold_objection', to: 'terminated', by: REGISTRY, requires: ['reasons'] },
  ];
}

/** The states an application waits in before it completes or is refused: every type's, and those of a notice. */
const PENDING_STATES = ['submitted', 'supplement_required', 'under_review'];
const NOTICE_STATES = ['in_public_notice', 'objection_review'];

/**
 * A change, correction or cancellation requires an existing registration (223号 第十条): when the
 * registration ends (expired, cancelled, revoked) while the application is pending, the platform
 * ends the application (终止登记) at that instant, with the reason. Sent as the clock — the
 * consequence of the registration's end, as its expiry is, not an official's decision — because
 * no official transition leaves every pending state (a notice, a supplement notice have none).
 */
function registrationEnded(hasNotice: boolean): TransitionDefinition {
  return { from: hasNotice ? [...PENDING_STATES, ...NOTICE_STATES] : PENDING_STATES, event: 'registration_ended', to: 'terminated', by: ['clock'], requires: ['reasons'] };
}

/**
 * The registration application machine of one type (申请 → 受理 → 形式审核 → 公示 → 赋码,
 * 发改数据规〔2025〕26号 第八–十三条). Event names follow the OpenAPI `x-gdx-state-machine` actions.
 * A cancellation application ends in `cancelled` (10 WD from acceptance); a correction has no
 * notice by default; `review_failed` returns to `supplement_required` when the profile says so.
 * An overdue formal review is decided only after `explain_overdue` (第十一条 说明原因; guard
 * `overdueReviewExplained`, `OVERDUE_EXPLANATION_REQUIRED`).
 * A pending change, correction or cancellation is `terminated` by `registration_ended` (clock)
 * when the registration it names ends.
 *
 * @example
 * const m = registrationApplicationMachine(resolveProfile('national'), 'initial');
 * m.states.submitted.step; // 'acceptance'
 */
export function registrationApplicationMachine(profile: Profile, type: RegistrationType): MachineDefinition {
  const passTo = afterReview(profile, type);
  const reviewStep = type === 'cancellation' ? 'cancellation' : 'formal_review';
  const hasNotice = passTo === 'in_public_notice';
  const noticeStep = profile.options.objectionPausesNotice ? {} : { step: 'public_notice' };
  // Change, correction and cancellation end with the registration they name (see registrationEnded).
  const endsWithRegistration = type !== 'initial';
  // 第十一条: an overdue formal review is decided only after the registry recorded why it is late
  // (the cancellation's 10 WD carry no such duty, 第九条(四)).
  const decided: Pick<TransitionDefinition, 'guard' | 'guardError'> = type === 'cancellation' ? {} : { guard: OVERDUE_REVIEW_EXPLAINED, guardError: 'OVERDUE_EXPLANATION_REQUIRED' };
  const failTransition: TransitionDefinition = profile.options.reviewFailedReturnsToSupplement
    ? { from: 'under_review', event: 'fail_review', to: 'supplement_required', by: REGISTRY, requires: ['reasons', 'items'], assign: ['items'], ...decided }
    : { from: 'under_review', event: 'fail_review', to: 'review_failed', by: REGISTRY, requires: ['reasons'], ...decided };
  return {
    id: `registration.application.${type}`,
    initial: 'submitted',
    states: {
      submitted: { step: 'acceptance', label: { zh: '已提交', en: 'Submitted' } },
      supplement_required: { label: { zh: '待补正', en: 'Supplement required' } },
      not_accepted: { terminal: true, label: { zh: '不予受理', en: 'Not accepted' } },
      under_review: { step: reviewStep, label: { zh: type === 'cancellation' ? '注销办理' : '形式审核', en: 'Under review' } },
      review_failed: { terminal: true, label: { zh: '审核未通过', en: 'Review failed' } },
      ...(hasNotice
        ? {
            in_public_notice: { step: 'public_notice', label: { zh: '公示中', en: 'In public notice' } },
            objection_review: { ...noticeStep, label: { zh: '异议处理', en: 'Objection review' } },
          }
        : {}),
      ...(hasNotice || endsWithRegistration ? { terminated: { terminal: true, label: { zh: '终止登记', en: 'Terminated' } } } : {}),
      [passTo === 'cancelled' ? 'cancelled' : 'registered']: { terminal: true, label: passTo === 'cancelled' ? { zh: '已注销', en: 'Cancelled' } : { zh: '已赋码', en: 'Registered' } },
    },
    transitions: [
      { from: 'submitted', event: 'accept', to: 'under_review', by: REGISTRY },
      supplementNotice(profile),
      { from: 'submitted', event: 'not_accept', to: 'not_accepted', by: REGISTRY, requires: ['reasons'] },
      explainOverdue('submitted', REGISTRY),
      // A correction may be filed by an interested party (利害关系人), who answers its supplement notice too.
      { from: 'supplement_required', event: 'resubmit', to: 'submitted', by: type === 'correction' ? ['registrant', 'interested_party'] : ['registrant'] },
      { from: 'under_review', event: 'approve_review', to: passTo, by: REGISTRY, ...decided },
      failTransition,
      explainOverdue('under_review', REGISTRY),
      ...(hasNotice ? noticeTransitions(profile) : []),
      ...(endsWithRegistration ? [registrationEnded(hasNotice)] : []),
    ],
    limits: {
      acceptance: profileLimit(profile, 'registration.acceptance', 'acceptance', 'flag_overdue'),
      [reviewStep]: profileLimit(profile, type === 'cancellation' ? 'registration.cancellation' : 'registration.formal_review', reviewStep, 'flag_overdue'),
      ...(hasNotice ? { public_notice: profileLimit(profile, 'registration.public_notice', 'public_notice', { event: 'notice_closed' }) } : {}),
    },
  };
}

/** The validity limit's cap and rest-day rule (see `registrationRecordMachine`). */
function validityExtension(profile: Profile): Pick<Limit, 'capField' | 'estimate' | 'holidayExtension'> {
  const holidayExtension = profile.options.validityEndExtension;
  // Plain date arithmetic needs no schedule; a moved end looks at its (often unpublished) end year.
  return holidayExtension === 'none' ? { capField: 'authorisedTermEnd', holidayExtension } : { capField: 'authorisedTermEnd', holidayExtension, estimate: true };
}

/**
 * The registration record (登记结果) machine: valid 3 years from coding or until the authorised
 * term in `data.authorisedTermEnd` if earlier (第十五条), renewable in the window before expiry
 * (guard `renewalWindowOpen`, each renewal from the previous expiry), amended by an approved change
 * or correction (`apply_amendment`, recorded as `amended`), expired by the clock, cancelled or revoked by the
 * registry with reasons.
 *
 * The 3-year period ends on the corresponding day (民法典 第二百零二条), moved off a rest day as
 * `options.validityEndExtension` says (default `rest_days`, 民法典 第二百零三条); an end year whose
 * holiday schedule is not loaded yet is estimated (Monday–Friday, the calendar's explicit
 * estimate), so coding never waits for it. The authorised term caps the extended end and is never
 * moved itself: it is a day the agreement fixes, not a period the law counts (第二百零四条 leaves
 * such agreed days to the parties). A renewal may carry a new `authorisedTermEnd`, which caps the
 * renewed period.
 *
 * @example
 * engine.create('registration.record', { id: 'reg_1', actor: { role: 'registry' }, data: { authorisedTermEnd: '2027-06-30' } });
 */
export function registrationRecordMachine(profile: Profile): MachineDefinition {
  return {
    id: 'registration.record',
    initial: 'registered',
    states: {
      registered: { step: 'validity', label: { zh: '有效', en: 'Registered' } },
      expired: { terminal: true, label: { zh: '期满未续展', en: 'Expired' } },
      cancelled: { terminal: true, label: { zh: '已注销', en: 'Cancelled' } },
      revoked: { terminal: true, label: { zh: '已撤销', en: 'Revoked' } },
    },
    transitions: [
      {
        from: 'registered', event: 'renew', to: 'registered', by: ['registrant'], guard: 'renewalWindowOpen',
        guardError: 'RENEWAL_WINDOW_NOT_OPEN', deadline: 'extend', eventType: 'renewed', assign: ['authorisedTermEnd'],
      },
      // A change (变更) or correction (更正) application that reaches `registered` rewrites the described fields:
      // the registration's own log says when and by which application (全留痕).
      { from: 'registered', event: 'apply_amendment', to: 'registered', by: REGISTRY, eventType: 'amended' },
      { from: 'registered', event: 'expire', to: 'expired', by: ['clock'] },
      { from: 'registered', event: 'cancel', to: 'cancelled', by: REGISTRY, requires: ['reasons'] },
      { from: 'registered', event: 'revoke', to: 'revoked', by: REGISTRY, requires: ['reasons'] },
    ],
    limits: {
      validity: profileLimit(profile, 'registration.validity', 'validity', { event: 'expire' }, validityExtension(profile)),
    },
  };
}

/**
 * The registration platform's machines: one application machine per type and the record.
 *
 * @example
 * registrationMachines(profile).application.correction.id; // 'registration.application.correction'
 */
export function registrationMachines(profile: Profile): {
  application: Record<RegistrationType, MachineDefinition>;
  record: MachineDefinition;
} {
  const application = Object.fromEntries(REGISTRATION_TYPES.map((t) => [t, registrationApplicationMachine(profile, t)]));
  return { application: application as Record<RegistrationType, MachineDefinition>, record: registrationRecordMachine(profile) };
}
