import { shanghaiDay, type WorkflowEvent } from '@gdx/kernel';
import { formatRegistrationCode } from '@gdx/procedures';
import { closedObjectionReasons } from './pending-applications.js';
import { nextN, NO_OBJECTION_IDS, NO_RENEWALS, type ApplicationRecord, type ObjectionRecord, type RegistrationRecord } from './records.js';
import type { RegistrationState } from './registration-state.js';

const REGISTRY = { role: 'registry' } as const;

/** The resource an application submits (initial filings): its data name and summary. */
type SubmittedResource = { name?: string; summary?: string } | undefined;

/** The registration an application changes, if it names one. */
function targetOf(state: RegistrationState, app: ApplicationRecord): RegistrationRecord | undefined {
  return app.registrationId ? state.registrations.get(app.registrationId) : undefined;
}

/**
 * Data name of an application: its resource's, else the registration it changes. With
 * `summaryOf`, what a notice and a registration describe the data by: two strings read where they
 * are stored, not an object made per notice and per registration to carry them.
 */
function dataNameOf(state: RegistrationState, app: ApplicationRecord): string {
  return (app.submission['resource'] as SubmittedResource)?.name ?? targetOf(state, app)?.dataName ?? '';
}

/** Summary of an application: its resource's, else the registration it changes (see `dataNameOf`). */
function summaryOf(state: RegistrationState, app: ApplicationRecord): string {
  return (app.submission['resource'] as SubmittedResource)?.summary ?? targetOf(state, app)?.summary ?? '';
}

function openNotice(state: RegistrationState, app: ApplicationRecord, event: WorkflowEvent): void {
  const id = state.sandbox.ids.next('ntc');
  // The notice runs with the clock the event started; the event's day only when it has none
  // (parsing the event's instant was most of a notice's cost, paid by every passed review).
  const startedOn = event.deadline?.startedOn;
  const endsOn = event.deadline?.dueDate;
  const today = startedOn == null || endsOn == null ? shanghaiDay(Date.parse(event.at)) : '';
  state.notices.set(id, {
    id,
    n: nextN(state),
    applicationId: app.id,
    registrants: app.submission.registrants,
    registrationType: app.type,
    dataName: dataNameOf(state, app),
    summary: summaryOf(state, app),
    startedOn: startedOn ?? today,
    endsOn: endsOn ?? today,
    objectionIds: NO_OBJECTION_IDS,
  });
  app.noticeId = id;
}

/**
 * Back in the notice after a dismissed objection: the public notice ends when the notice's clock
 * now does (a profile that pauses the notice resumes it with the days it had left).
 */
function resumeNotice(state: RegistrationState, app: ApplicationRecord, event: WorkflowEvent): void {
  const notice = app.noticeId ? state.notices.get(app.noticeId) : undefined;
  if (notice && event.deadline) notice.endsOn = event.deadline.dueDate;
}

/** The next code under the profile's coding rule. */
function nextCode(state: RegistrationState, year: number): string {
  state.counters.code += 1;
  return formatRegistrationCode(state.host.procedures.profile, { year, seq: state.counters.code });
}

/** The code the registry issued (`issue_code` may name it), else the next code. */
function codeOf(state: RegistrationState, year: number, issued: Readonly<Record<string, unknown>>): string {
  const named = issued['registrationCode'];
  return typeof named === 'string' ? named : nextCode(state, year);
}

/** The 登记证书 number the registry issued with `code` (`issue_code` may name it), else one where the profile issues certificates. */
function certificateOf(state: RegistrationState, code: string, issued: Readonly<Record<string, unknown>>): string | null {
  const given = issued['certificateNumber'];
  if (typeof given === 'string') return given;
  return state.host.procedures.profile.options.registrationEvidence === 'certificate' ? `${code}-ZS` : null;
}

/** The year of a `YYYY-MM-DD` day, from its four digits (no substring made per registration). */
function yearOf(day: string): number {
  return (day.charCodeAt(0) - 48) * 1000 + (day.charCodeAt(1) - 48) * 100 + (day.charCodeAt(2) - 48) * 10 + (day.charCodeAt(3) - 48);
}

/**
 * A registration record's data without an authorised term, shared: the kernel reads it and copies
 * it into the instance, never writes it. Not frozen, as the kernel's copy is a spread (a spread of
 * a frozen object takes V8's slow path).
 */
const NO_TERM: Record<string, unknown> = {};

/** The event's data, or none (shared) when it has none. */
const NO_ISSUED: Readonly<Record<string, unknown>> = Object.freeze({});

function issueRegistration(state: RegistrationState, app: ApplicationRecord, event: WorkflowEvent): void {
  const today = shanghaiDay(state.sandbox.now());
  const id = state.sandbox.ids.next('reg');
  const issued = event.data ?? NO_ISSUED;
  const code = codeOf(state, yearOf(today), issued);
  const certificate = certificateOf(state, code, issued);
  const term = (app.submission['rights'] as { term?: { to?: string } } | undefined)?.term?.to ?? null;
  const record: RegistrationRecord = {
    id,
    n: nextN(state),
    owner: app.owner,
    applicationId: app.id,
    registrationCode: code,
    certificateNumber: certificate,
    registrationType: app.type,
    registrants: app.submission.registrants,
    dataName: dataNameOf(state, app),
    summary: summaryOf(state, app),
    codedOn: today,
    validUntil: today,
    authorisedTermEnd: term,
    renewals: NO_RENEWALS,
  };
  app.registrationId = id;
  app.registrationCode = code;
  state.registrations.set(id, record);
  const data = term ? { authorisedTermEnd: term } : NO_TERM;
  // Two literals, not a spread of a conditional object (the same fields in the same order).
  const payload = certificate ? { registrationCode: code, certificateNumber: certificate } : { registrationCode: code };
  // `createOnly`: the record's effects are run, not listed (nothing here reads them).
  const created = state.host.engine.createOnly('registration.record', { id, actor: REGISTRY, data, payload });
  if (!created.ok) throw new Error(`registration record ${id}: ${created.error.code}`);
}

/**
 * A change or correction updates the registration's described fields (its code stays); the
 * registrants it names now hold it (their lists place it again), and the registration records an
 * `amended` event naming the application.
 */
function amendRegistration(state: RegistrationState, app: ApplicationRecord): void {
  const target = targetOf(state, app);
  if (!target) return;
  // Both read before either is written (a field the change leaves out keeps the registration's).
  const dataName = dataNameOf(state, app);
  const summary = summaryOf(state, app);
  target.registrants = app.submission.registrants;
  target.dataName = dataName;
  target.summary = summary;
  app.registrationCode = target.registrationCode;
  // Recorded on the registration too (its view is read when the event is published, so it shows
  // the new fields; the event places it in the lists again). A registration that has ended takes
  // no event, but its lists still follow its registrants.
  const amended = state.host.engine.dispatch(target.id, 'apply_amendment', { actor: REGISTRY, payload: { applicationId: app.id, applicationType: app.type } });
  if (!amended.ok) state.host.touch(target.id);
}

function cancelRegistration(state: RegistrationState, app: ApplicationRecord): void {
  const target = app.registrationId ? state.registrations.get(app.registrationId) : undefined;
  if (!target) return;
  const cancellation = app.submission['cancellation'] as { ground: string; description: string };
  app.registrationCode = target.registrationCode;
  target.cancellationGround = cancellation.ground;
  // The registration may have ended meanwhile (expired, revoked): then there is nothing to cancel.
  state.host.engine.dispatch(target.id, 'cancel', { actor: REGISTRY, payload: { reasons: [{ text: cancellation.description }], ground: cancellation.ground } });
}

/** An objection's end: the registry's decision, or `closed` undecided when the application ended with its registration. */
type ObjectionEnd = Exclude<ObjectionRecord['state'], 'filed'>;

/**
 * How an application event settles the objections still filed on its notice: the registry's
 * objection decision applies to every one (`upheld` / `dismissed`); an application terminated
 * because the registration it names ended (`registration_ended`) closes every one undecided, as
 * the clock, with the reason (nothing is left to decide it on). `undefined` for other events.
 */
function objectionEnd(state: RegistrationState, app: ApplicationRecord, event: WorkflowEvent): { to: ObjectionEnd; cause: ObjectionCause } | undefined {
  if (event.event === 'dismiss_objection' || event.event === 'uphold_objection') return { to: event.event === 'uphold_objection' ? 'upheld' : 'dismissed', cause: event };
  if (event.event !== 'registration_ended') return undefined;
  // The registration's instance is already in the state it ended in (its transition is what sent this event).
  const ended = app.registrationId ? state.host.get(app.registrationId)?.state : undefined;
  const reasons = closedObjectionReasons(ended ?? 'ended');
  return { to: 'closed', cause: { at: event.at, actor: event.actor, reason: reasons[0] ?? null, data: { reasons } } };
}

/**
 * Settles the objections still filed on an application's notice when one of its events decides
 * them (see `objectionEnd`); answers the objections it settled (none for other events).
 *
 * @example
 * ```ts
 * for (const o of resolveObjections(state, app, event)) publishObjection(state, o);
 * ```
 */
export function resolveObjections(state: RegistrationState, app: ApplicationRecord, event: WorkflowEvent): readonly ObjectionRecord[] {
  const end = objectionEnd(state, app, event);
  const notice = end && app.noticeId ? state.notices.get(app.noticeId) : undefined;
  if (!end || !notice) return NO_OBJECTIONS;
  const resolved: ObjectionRecord[] = [];
  for (const id of notice.objectionIds) {
    const o = state.objections.get(id);
    if (o?.state !== 'filed') continue;
    decideObjection(o, end.to, end.cause);
    resolved.push(o);
  }
  return resolved;
}

/** None settled (shared: the answer for almost every application event). */
const NO_OBJECTIONS: readonly ObjectionRecord[] = [];

/** What ends an objection: when, by whom, and the written reasons in `data.reasons`. */
type ObjectionCause = Pick<WorkflowEvent, 'at' | 'actor' | 'reason' | 'data'>;

/**
 * Records the end of one objection (its own event log): the registry's decision, or its closing.
 *
 * @example
 * ```ts
 * decideObjection(objection, 'dismissed', applicationEvent);
 * ```
 */
export function decideObjection(o: ObjectionRecord, to: ObjectionEnd, cause: ObjectionCause): void {
  const raw = cause.data?.['reasons'];
  o.reasons = Array.isArray(raw) ? raw.map((r) => (typeof r === 'string' ? { text: r } : (r as { text: string }))) : [];
  o.state = to;
  o.updatedAt = cause.at;
  o.events.push({ seq: o.events.length + 1, type: 'state_changed', at: cause.at, actor: cause.actor, from: 'filed', to, reason: cause.reason, deadline: null });
}

/**
 * What an application's transition means beyond its own state (the binding calls it before the
 * event is published): a supplement request (or a failed review the profile returns to
 * supplement) lists its items on the application; a passed review opens the public notice, and a
 * return to it after a dismissed objection moves the notice's end with its clock; reaching
 * `registered` codes an initial registration (a new record, valid 3 years or to the authorised
 * term) or amends the registration a change / correction names; an approved cancellation cancels
 * the registration.
 * The pending objections an objection decision settles are `resolveObjections`'s.
 *
 * @example
 * ```ts
 * applyApplicationEffects(state, app, event);
 * ```
 */
export function applyApplicationEffects(state: RegistrationState, app: ApplicationRecord, event: WorkflowEvent): void {
  // A supplement request, or a failed review the profile sends back to supplement, lists every item at once (一次性告知).
  if (event.to === 'supplement_required' && event.from !== event.to) app.supplementItems = structuredClone((event.data?.['items'] ?? []) as ApplicationRecord['supplementItems']);
  if (event.from === 'under_review' && event.to === 'in_public_notice') openNotice(state, app, event);
  else if (event.from !== event.to && event.to === 'in_public_notice') resumeNotice(state, app, event);
  if (event.from !== event.to && event.to === 'registered') {
    if (app.type === 'initial') issueRegistration(state, app, event);
    else amendRegistration(state, app);
  }
  if (event.from !== event.to && event.to === 'cancelled') cancelRegistration(state, app);
}
