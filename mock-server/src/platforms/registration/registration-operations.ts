import { addDays } from '@gdx/calendar';
import { formatInstant } from '@gdx/kernel';
import type { OperationContext, OperationHandler } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { holdsRegistration } from './co-registrants.js';
import type { RegistrationRecord } from './records.js';
import { REGISTRATION } from './object-kinds.js';
import { checkRenewalTerm } from './submission-checks.js';
import type { RegistrationState } from './registration-state.js';
import { registrationView } from './wire-views.js';

type Ctx = OperationContext<RegistrationState>;

/**
 * The caller's own registration — coded for its application, or a joint registration naming it
 * among the registrants (第七条) — else 404.
 */
function ownRegistration(ctx: Ctx): RegistrationRecord {
  const id = ctx.params['registrationId'] ?? '';
  const reg = ctx.state.registrations.get(id);
  const caller = ctx.caller;
  if (!reg || !caller || !holdsRegistration(caller, reg)) throw new PlatformProblem('NOT_FOUND', unknownId('/path/registrationId', REGISTRATION, id));
  return reg;
}

const list: OperationHandler<RegistrationState> = (ctx) => {
  const wanted = typeof ctx.query['state'] === 'string' ? ctx.query['state'] : undefined;
  const read = (id: string) => registrationView(ctx.state, ctx.state.registrations.get(id) as RegistrationRecord);
  // Signed only: without a caller no registration is the caller's.
  return { status: 200, body: ctx.state.host.listPage(ctx, 'registration', ctx.caller?.id, wanted, read) };
};

const get: OperationHandler<RegistrationState> = (ctx) => ({ status: 200, body: registrationView(ctx.state, ownRegistration(ctx)) });

/**
 * 续展 within the 60 calendar days before expiry (第十五条): the new period runs from the day
 * after the previous expiry, up to 3 years and never past the (new) authorised term; a term that
 * ends by the current expiry is refused (400 on `/authorisedTermEnd`), as it would extend nothing.
 * Any registrant of a joint registration may renew it; the event names the one that did.
 */
const renew: OperationHandler<RegistrationState> = (ctx) => {
  const { state } = ctx;
  const reg = ownRegistration(ctx);
  const body = ctx.body as { authorisedTermEnd?: string; note?: string };
  const input = {
    actor: { role: 'registrant', organizationId: ctx.caller?.id ?? reg.owner },
    payload: { ...(body.authorisedTermEnd ? { authorisedTermEnd: body.authorisedTermEnd } : {}), ...(body.note ? { note: body.note } : {}) },
  };
  // The window (`renewalWindowOpen`) is checked live only: an older journal's renewal on a 61st day replays as answered.
  const replay = { replayed: ctx.replaying };
  state.host.checkDispatch(reg.id, 'renew', input, replay);
  checkRenewalTerm(body.authorisedTermEnd ?? reg.authorisedTermEnd, reg.validUntil, '/authorisedTermEnd');
  const previousValidUntil = reg.validUntil;
  const id = state.sandbox.ids.next('rnw');
  const renewed = state.host.dispatch(reg.id, 'renew', input, replay);
  const renewal = {
    id,
    registrationId: reg.id,
    renewedAt: formatInstant(state.sandbox.now()),
    previousValidUntil,
    validFrom: addDays(previousValidUntil, 1),
    validUntil: renewed.deadline?.dueDate ?? previousValidUntil,
  };
  // Replaced, not pushed into: a registration never renewed shares one frozen empty list.
  reg.renewals = [...reg.renewals, renewal];
  return { status: 201, body: renewal };
};

/**
 * The registrant's registration operations (by operationId).
 *
 * @example
 * ```ts
 * registrationOperations.renewRegistration(ctx); // { status: 201, body: Renewal }
 * ```
 */
export const registrationOperations: Readonly<Record<string, OperationHandler<RegistrationState>>> = {
  listRegistrations: list,
  getRegistration: get,
  renewRegistration: renew,
};
