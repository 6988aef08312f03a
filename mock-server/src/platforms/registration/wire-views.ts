import { shanghaiDay, type Deadline, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { renewalWindow } from '@gdx/procedures';
import type { RegistrationState } from './registration-state.js';
import type { ApplicationRecord, NoticeRecord, ObjectionRecord, RegistrationRecord } from './records.js';

type Json = Record<string, unknown>;

/** Event types of docs/design.md for transitions the machines record as plain `state_changed`. */
const TYPED_EVENTS: Readonly<Record<string, string>> = { request_supplements: 'supplement_requested', object: 'objection_filed' };

/**
 * The contract's event type of a kernel event: `supplement_requested`, `objection_filed`,
 * `code_issued` (a registration's first event) where the machine says `state_changed`.
 *
 * @example
 * ```ts
 * eventType({ type: 'state_changed', event: 'request_supplements', … }); // 'supplement_requested'
 * ```
 */
export function eventType(event: WorkflowEvent): string {
  if (event.type !== 'state_changed') return event.type;
  if (event.from === null && event.to === 'registered') return 'code_issued';
  return (event.event && TYPED_EVENTS[event.event]) ?? event.type;
}

/**
 * A kernel event as the contract's `WorkflowEvent` (the clock and anonymous actors get
 * `organizationId: null`).
 *
 * @example
 * ```ts
 * eventView(instance.events[0]).actor; // { role: 'registrant', organizationId: 'org_provider' }
 * ```
 */
export function eventView(event: WorkflowEvent, startTrigger?: string): Json {
  const { role, organizationId } = event.actor;
  return {
    seq: event.seq,
    type: eventType(event),
    at: event.at,
    actor: { role, organizationId: typeof organizationId === 'string' ? organizationId : null },
    from: event.from,
    to: event.to,
    reason: event.reason,
    deadline: event.deadline && startTrigger ? { ...event.deadline, startTrigger } : event.deadline,
    ...(event.data ? { data: event.data } : {}),
  };
}

/** An acceptance clock restarted by a resubmission says so (`startTrigger: resubmitted`, 第十条). */
function triggerOf(event: WorkflowEvent): string | undefined {
  return event.event === 'resubmit' && event.deadline?.step === 'acceptance' ? 'resubmitted' : undefined;
}

/** The events of an instance in the contract's shape. */
export function eventsView(instance: WorkflowInstance): Json[] {
  return instance.events.map((e) => eventView(e, triggerOf(e)));
}

function deadlineView(instance: WorkflowInstance): Deadline | null {
  const d = instance.deadline;
  if (!d) return null;
  const started = [...instance.events].reverse().find((e) => e.deadline?.step === d.step && e.deadline.dueAt === d.dueAt && e.from !== e.to);
  const trigger = started ? triggerOf(started) : undefined;
  return trigger ? { ...d, startTrigger: trigger } : d;
}

function reasonsOf(instance: WorkflowInstance, types: readonly string[]): Json[] {
  const last = [...instance.events].reverse().find((e) => e.event !== undefined && types.includes(e.event));
  const raw = last?.data?.['reasons'];
  return Array.isArray(raw) ? raw.map((r) => (typeof r === 'string' ? { text: r } : (r as Json))) : [];
}

/**
 * An application as the contract's `Application`.
 *
 * @example
 * ```ts
 * applicationView(state, state.applications.get('rga_1')!).deadline; // { step: 'acceptance', … }
 * ```
 */
export function applicationView(state: RegistrationState, app: ApplicationRecord): Json {
  const instance = state.engine.get(app.id);
  const explained = [...instance.events].reverse().find((e) => e.type === 'overdue_explained');
  return {
    id: app.id,
    type: app.type,
    registrationId: app.registrationId,
    state: instance.state,
    submission: app.submission,
    supplementItems: app.supplementItems,
    reasons: reasonsOf(instance, ['not_accept', 'fail_review', 'uphold_objection']),
    overdueExplanation: explained?.reason?.text ?? null,
    noticeId: app.noticeId,
    registrationCode: app.registrationCode,
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    deadline: deadlineView(instance),
    events: eventsView(instance),
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
  const instance = state.engine.get(reg.id);
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
    renewalWindowOpensOn: renewalWindow({ dueDate: reg.validUntil }, state.procedures.profile).opensOn,
    renewals: reg.renewals,
    ...(reg.cancellationGround ? { cancellationGround: reg.cancellationGround } : {}),
    ...(reg.revocationGround ? { revocationGround: reg.revocationGround } : {}),
    reasons: reasonsOf(instance, ['cancel', 'revoke']),
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    deadline: instance.deadline,
    events: eventsView(instance),
  };
}

/** `running`, `under_objection` (an objection is pending) or `closed`. */
export function noticeStatus(state: RegistrationState, notice: NoticeRecord): 'running' | 'under_objection' | 'closed' {
  const current = state.engine.get(notice.applicationId).state;
  if (current === 'objection_review') return 'under_objection';
  return current === 'in_public_notice' ? 'running' : 'closed';
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
    events: o.events.map((e) => eventView(e)),
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
  const current = state.engine.get(reg.id).state;
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
