import { shanghaiDay } from '@gdx/kernel';
import type { OperationContext, OperationHandler, OperationResult, Organisation } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { listEvents, requireRole } from '../workflow-host/index.js';
import { filingOf } from './initial-filing.js';
import { pendingApplications } from './pending-applications.js';
import { filerRole, JOINT, namesJointRegistrants, nextN, type ApplicationRecord, type FilerRole, type RegistrationRecord, type Submission } from './records.js';
import type { RegistrationState } from './registration-state.js';
import { APPLICATION } from './object-kinds.js';
import { applicationRegistrants, holdsRegistration, isNamedRegistrant } from './co-registrants.js';
import { checkRegistrants, checkRightsTerm, checkStatesChange } from './submission-checks.js';
import { applicationView } from './wire-views.js';

type Ctx = OperationContext<RegistrationState>;

/** The caller; the core only routes signed requests here. */
function callerOf(ctx: Ctx) {
  if (!ctx.caller) throw new PlatformProblem('SIGNATURE_MISSING');
  return ctx.caller;
}

/**
 * The caller's own application — filed by it, or a joint application filed by another of the
 * registrants it names (第七条, `applicationRegistrants`) — else 404 (another organisation's object
 * does not exist for it).
 */
function ownApplication(ctx: Ctx): ApplicationRecord {
  const id = ctx.params['applicationId'] ?? '';
  const app = ctx.state.applications.get(id);
  const caller = callerOf(ctx);
  const own = app !== undefined && (app.owner === caller.id || isNamedRegistrant(caller, applicationRegistrants(ctx.state, app)));
  if (!own) throw new PlatformProblem('NOT_FOUND', unknownId('/path/applicationId', APPLICATION, id));
  return app;
}

/**
 * The registration a change, correction or cancellation names, which must be valid: one the
 * caller holds (filed by it, or a joint registration naming it), or, for a correction, anyone's (an interested party may ask for a correction,
 * 利害关系人可申请更正). Another organisation's registration does not exist for any other type.
 */
function checkTarget(ctx: Ctx, submission: Submission): RegistrationRecord | undefined {
  if (submission.type === 'initial') return undefined;
  const target = ctx.state.registrations.get(submission.registrationId ?? '');
  if (!target || (!holdsRegistration(callerOf(ctx), target) && submission.type !== 'correction')) {
    throw new PlatformProblem('NOT_FOUND', {
      detail: `registration ${String(submission.registrationId)} does not exist`,
      errors: [{ pointer: '/registrationId', code: 'NOT_FOUND', message: { zh: '登记结果不存在', en: 'The registration does not exist' } }],
    });
  }
  const current = ctx.state.host.engine.get(target.id).state;
  // The contract gives this operation no 409: a registration that is no longer valid is a field error.
  if (current !== 'registered') {
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: `a registration in state ${current} cannot be ${submission.type === 'cancellation' ? 'cancelled' : 'changed'}`,
      errors: [{ pointer: '/registrationId', code: 'REGISTRATION_NOT_VALID', message: { zh: `登记结果状态为 ${current}，不能${submission.type === 'cancellation' ? '注销' : '变更或更正'}`, en: `The registration is ${current}` } }],
    });
  }
  return target;
}

/**
 * One cancellation of a registration at a time: a second one while the first is pending would be
 * decided on a registration the first may already have cancelled (409 naming the pending one).
 */
function checkNoPendingCancellation(ctx: Ctx, submission: Submission, target: RegistrationRecord | undefined): void {
  if (submission.type !== 'cancellation' || target === undefined) return;
  const pending = pendingApplications(ctx.state, target.id).find((a) => a.type === 'cancellation');
  if (!pending) return;
  throw new PlatformProblem('CANCELLATION_PENDING', {
    detail: `登记结果 ${target.registrationCode} 已有办理中的注销申请 ${pending.id} / registration ${target.registrationCode} already has a pending cancellation application, ${pending.id}`,
    errors: [{ pointer: '/registrationId', code: 'CANCELLATION_PENDING', message: { zh: `已有办理中的注销申请 ${pending.id}`, en: `Cancellation application ${pending.id} is already pending` } }],
    extensions: { pendingApplicationId: pending.id },
  });
}

/**
 * Who files an application: its registrant (for a change, correction or cancellation, one holding
 * the registration: its filer, or a unit a joint registration names that has the registrant
 * role), or an interested party correcting another organisation's registration, who needs no
 * registrant role but must attach the registrant's written consent or evidence of the error
 * (`consent`, 经登记主体书面同意或提供错误证明). A named unit without the role corrects as an
 * interested party, as before joint registrations were shared.
 */
function filerOf(ctx: Ctx, submission: Submission, target: RegistrationRecord | undefined): { caller: Organisation; role: FilerRole } {
  const caller = callerOf(ctx);
  const registrant = target === undefined || target.owner === caller.id || (isNamedRegistrant(caller, target.registrants) && caller.roles.includes('registrant'));
  if (registrant) return { caller: requireRole(ctx, 'registrant'), role: 'registrant' };
  if (submission['consent'] === undefined) {
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: "a correction of another organisation's registration needs the registrant's written consent or evidence of the error",
      errors: [{ pointer: '/consent', code: 'CONSENT_REQUIRED', message: { zh: '利害关系人申请更正登记，须提供登记主体书面同意或错误证明材料', en: "An interested party's correction needs the registrant's written consent or evidence of the error" } }],
    });
  }
  return { caller, role: 'interested_party' };
}

/**
 * The kernel machine of each application type, as constant strings: a name built per create was a
 * fresh string that the host's machine lookups hashed anew and every instance kept a copy of.
 */
const MACHINES: Readonly<Record<ApplicationRecord['type'], string>> = Object.freeze({
  initial: 'registration.application.initial',
  change: 'registration.application.change',
  correction: 'registration.application.correction',
  cancellation: 'registration.application.cancellation',
});

const submit: OperationHandler<RegistrationState> = (ctx) => {
  const { state } = ctx;
  // The body is this request's own parse (nothing else holds it), so it is stored as it is: a
  // deep copy here was a tenth of a signed in-process create (CPU profile, bench/HISTORY.md).
  const submission = ctx.body as Submission;
  // Only a correction may come from outside the registrants: anything else is refused first, changing nothing.
  if (submission.type !== 'correction') requireRole(ctx, 'registrant');
  const target = checkTarget(ctx, submission);
  checkNoPendingCancellation(ctx, submission, target);
  const { caller, role } = filerOf(ctx, submission, target);
  checkRegistrants(submission.registrants, role === 'registrant' ? caller : null, '/registrants');
  // Live only: a change of nothing an older version acknowledged replays as it was answered.
  if (!ctx.replaying && target && (submission.type === 'change' || submission.type === 'correction')) checkStatesChange(submission, target.registrants);
  checkRightsTerm(submission['rights'], shanghaiDay(state.sandbox.now()), { pointer: '/rights', ended: submission.type === 'cancellation' });
  const type = submission.type as ApplicationRecord['type'];
  // The schema admits only these types; anything else would still name its own (unknown) machine.
  const machine = MACHINES[type] ?? `registration.application.${type}`;
  const actor = { role, organizationId: caller.id };
  state.host.check(machine, { actor });
  const initialFiling = filingOf(state, submission, state.sandbox.now(), '/operationStartedOn');
  const id = state.sandbox.ids.next('rga');
  const app: ApplicationRecord = {
    id,
    n: nextN(state),
    owner: caller.id,
    type,
    submission,
    supplementItems: [],
    noticeId: null,
    registrationId: target?.id ?? null,
    registrationCode: null,
    initialFiling,
    filedAs: role,
    [JOINT]: namesJointRegistrants(submission),
  };
  state.applications.set(id, app);
  // The registration record's init has the same fields in the same order (`issueRegistration`):
  // the kernel's create, optimized on applications, is not deoptimized by the first record.
  state.host.create(machine, { id, actor, data: { type }, payload: undefined });
  return { status: 201, location: `/applications/${id}`, body: applicationView(state, app) };
};

const list: OperationHandler<RegistrationState> = (ctx) => {
  const caller = callerOf(ctx);
  const wanted = typeof ctx.query['state'] === 'string' ? ctx.query['state'] : undefined;
  const read = (id: string) => applicationView(ctx.state, ctx.state.applications.get(id) as ApplicationRecord);
  return { status: 200, body: ctx.state.host.listPage(ctx, 'application', caller.id, wanted, read) };
};

const get: OperationHandler<RegistrationState> = (ctx) => ({ status: 200, body: applicationView(ctx.state, ownApplication(ctx)) });

/**
 * 补正: `changes` replaces the named content fields; the 3 WD acceptance clock restarts today
 * (第十条). A changed `operationStartedOn` recomputes `initialFiling` against the original receipt:
 * the filing was made then, only the acceptance clock restarts. Any registrant of a joint
 * application may answer its supplement notice; the event names the one that did.
 */
const resubmit: OperationHandler<RegistrationState> = (ctx): OperationResult => {
  const { state } = ctx;
  const app = ownApplication(ctx);
  const body = ctx.body as { note?: string; changes: Record<string, unknown> };
  const role = filerRole(state, app);
  const input = { actor: { role, organizationId: callerOf(ctx).id }, payload: { ...(body.note ? { note: body.note } : {}), changedFields: Object.keys(body.changes) } };
  state.host.checkDispatch(app.id, 'resubmit', input);
  const registrants = body.changes['registrants'] as Submission['registrants'] | undefined;
  if (registrants) checkRegistrants(registrants, role === 'registrant' ? callerOf(ctx) : null, '/changes/registrants');
  checkRightsTerm(body.changes['rights'], shanghaiDay(state.sandbox.now()), { pointer: '/changes/rights', ended: app.type === 'cancellation' });
  const submission = { ...app.submission, ...structuredClone(body.changes) } as Submission;
  const received = Date.parse(state.host.engine.get(app.id).createdAt);
  const initialFiling = 'operationStartedOn' in body.changes ? filingOf(state, submission, received, '/changes/operationStartedOn') : app.initialFiling;
  app.submission = submission;
  // A supplement may change the registrants: the feed's joint flag follows them.
  app[JOINT] = namesJointRegistrants(submission);
  app.initialFiling = initialFiling;
  state.host.dispatch(app.id, 'resubmit', input);
  return { status: 200, body: applicationView(state, app) };
};

const events: OperationHandler<RegistrationState> = (ctx) => {
  const app = ownApplication(ctx);
  return { status: 200, body: listEvents(ctx, ctx.state.host, ctx.state.host.engine.get(app.id)) };
};

/**
 * The registrant's application operations (by operationId).
 *
 * @example
 * ```ts
 * applicationOperations.submitApplication(ctx); // { status: 201, body: Application }
 * ```
 */
export const applicationOperations: Readonly<Record<string, OperationHandler<RegistrationState>>> = {
  submitApplication: submit,
  listApplications: list,
  getApplication: get,
  resubmitApplication: resubmit,
  listApplicationEvents: events,
};
