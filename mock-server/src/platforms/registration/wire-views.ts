import { shanghaiDay, type WorkflowInstance } from '@gdx/kernel';
import { renewalWindow } from '@gdx/procedures';
import { wireEvent } from '../workflow-host/index.js';
import type { AnnouncedEnd } from './announcements.js';
import type { RegistrationState } from './registration-state.js';
import type { ApplicationRecord, NoticeRecord, ObjectionRecord, RegistrationRecord } from './records.js';

type Json = Record<string, unknown>;

function reasonsOf(instance: WorkflowInstance, types: readonly string[]): Json[] {
  const last = instance.events.findLast((e) => e.event !== undefined && types.includes(e.event));
  const raw = last?.data?.['reasons'];
  return Array.isArray(raw) ? raw.map((r) => (typeof r === 'string' ? { text: r } : (r as Json))) : [];
}

/** The events whose written reasons an application shows (the latest of them). */
const APPLICATION_REASONS: readonly string[] = ['not_accept', 'fail_review', 'uphold_objection', 'registration_ended'];

/**
 * An application as the contract's `Application`.
 *
 * @example
 * ```ts
 * applicationView(state, state.applications.get('rga_1')!).deadline; // { step: 'acceptance', … }
 * ```
 */
export function applicationView(state: RegistrationState, app: ApplicationRecord): Json {
  const instance = state.host.engine.get(app.id);
  const explained = instance.events.findLast((e) => e.type === 'overdue_explained');
  return {
    id: app.id,
    type: app.type,
    registrationId: app.registrationId,
    state: instance.state,
    submission: app.submission,
    supplementItems: app.supplementItems,
    reasons: reasonsOf(instance, APPLICATION_REASONS),
    overdueExplanation: explained?.reason?.text ?? null,
    noticeId: app.noticeId,
    registrationCode: app.registrationCode,
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    initialFiling: app.initialFiling ?? null,
    deadline: state.host.deadline(instance),
    events: state.host.events(instance),
  };
}

/**
 * A registration as the contract's `Registration`.
 *
 * @example
 * ```ts
 * registrationView(state, record).validUntil; // '2028-11-05'
 * ```
 */
export function registrationView(state: RegistrationState, reg: RegistrationRecord): Json {
  const instance = state.host.engine.get(reg.id);
  return {
    id: reg.id,
    registrationCode: reg.registrationCode,
    certificateNumber: reg.certificateNumber,
    state: instance.state,
    registrationType: reg.registrationType,
    applicationId: reg.applicationId,
    registrants: reg.registrants,
    dataName: reg.dataName,
    summary: reg.summary,
    codedOn: reg.codedOn,
    validFrom: reg.codedOn,
    validUntil: reg.validUntil,
    authorisedTermEnd: reg.authorisedTermEnd,
    // The current period started on coding or, once renewed, on the previous expiry (the validity deadline's `startedOn`, kept after it ends).
    renewalWindowOpensOn: renewalWindow({ startedOn: reg.renewals.at(-1)?.previousValidUntil ?? reg.codedOn, dueDate: reg.validUntil }, state.host.procedures.profile).opensOn,
    renewals: [...reg.renewals], // a copy: renewals are pushed later, and feed entries keep this view
    ...(reg.cancellationGround ? { cancellationGround: reg.cancellationGround } : {}),
    ...(reg.revocationGround ? { revocationGround: reg.revocationGround } : {}),
    reasons: reasonsOf(instance, ['cancel', 'revoke']),
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    deadline: state.host.deadline(instance),
    events: state.host.events(instance),
  };
}

/** `running`, `under_objection` (an objection is pending) or `closed` (also while a closed notice awaits the registry's code). */
export function noticeStatus(state: RegistrationState, notice: NoticeRecord): 'running' | 'under_objection' | 'closed' {
  const application = state.host.engine.get(notice.applicationId);
  if (application.state === 'objection_review') return 'under_objection';
  return application.state === 'in_public_notice' && application.data['noticeClosed'] !== true ? 'running' : 'closed';
}

/**
 * A notice as the contract's `PublicNotice` (public fields only, 第十二条).
 *
 * @example
 * ```ts
 * noticeView(state, notice).status; // 'running'
 * ```
 */
export function noticeView(state: RegistrationState, notice: NoticeRecord): Json {
  return {
    id: notice.id,
    status: noticeStatus(state, notice),
    registrants: notice.registrants,
    registrationType: notice.registrationType,
    dataName: notice.dataName,
    summary: notice.summary,
    startedOn: notice.startedOn,
    endsOn: notice.endsOn,
    objectionCount: notice.objectionIds.length,
  };
}

/**
 * An objection as the contract's `NoticeObjection` (no limit in the sources: `deadline` is null).
 *
 * @example
 * ```ts
 * objectionView(objection).state; // 'filed'
 * ```
 */
export function objectionView(o: ObjectionRecord): Json {
  return {
    id: o.id,
    noticeId: o.noticeId,
    state: o.state,
    objector: o.objector,
    text: o.text,
    evidence: o.evidence,
    reasons: o.reasons,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    deadline: null,
    events: o.events.map((e) => wireEvent(e)),
  };
}

/**
 * The public lookup answer (`LookupResult`): public fields and the current validity.
 *
 * @example
 * ```ts
 * lookupView(state, record).valid; // true while registered and within the term
 * ```
 */
export function lookupView(state: RegistrationState, reg: RegistrationRecord): Json {
  const current = state.host.engine.get(reg.id).state;
  const today = shanghaiDay(state.sandbox.now());
  return {
    registrationCode: reg.registrationCode,
    certificateNumber: reg.certificateNumber,
    state: current,
    valid: current === 'registered' && today >= reg.codedOn && today <= reg.validUntil,
    registrants: reg.registrants,
    registrationType: reg.registrationType,
    dataName: reg.dataName,
    summary: reg.summary,
    codedOn: reg.codedOn,
    validFrom: reg.codedOn,
    validUntil: reg.validUntil,
  };
}

/**
 * A registry announcement (`Announcement`): the public fields of a registration that ended by
 * expiry or revocation, with a revocation's ground and written reasons.
 *
 * @example
 * ```ts
 * announcementView(state, record, { kind: 'revocation', at }).revocationGround; // 'false_materials'
 * ```
 */
export function announcementView(state: RegistrationState, reg: RegistrationRecord, end: AnnouncedEnd): Json {
  const revoked = end.kind === 'revocation';
  return {
    kind: end.kind,
    announcedAt: end.at,
    registrationCode: reg.registrationCode,
    certificateNumber: reg.certificateNumber,
    registrants: reg.registrants,
    registrationType: reg.registrationType,
    dataName: reg.dataName,
    validUntil: reg.validUntil,
    revocationGround: revoked ? (reg.revocationGround ?? null) : null,
    reasons: revoked ? reasonsOf(state.host.engine.get(reg.id), ['revoke']) : [],
  };
}
