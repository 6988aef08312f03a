import type { ActorRef } from '@gdx/kernel';
import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { publishObjection } from './engine-bridge.js';
import { dispatchOrThrow, nowInstant } from './engine-ops.js';
import { fileObjection, type ObjectionInput } from './objections.js';
import type { RegistrationState } from './registration-state.js';
import { decideObjection } from './side-effects.js';
import { applicationView, eventView, objectionView, registrationView } from './wire-views.js';

type Ctx = SimCommandContext<RegistrationState>;
type Body = Record<string, unknown> & { objectType: string; objectId: string; action: string };

/** The kernel payload of an action: reasons, items, the explanation as a reason, grounds. */
function payloadOf(body: Body): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of ['reasons', 'items', 'ground', 'note'] as const) if (body[key] !== undefined) payload[key] = body[key];
  if (typeof body['explanation'] === 'string') payload['reasons'] = [{ text: body['explanation'] }];
  // A cancellation may be given only a ground; the kernel wants a written reason.
  if (body.action === 'cancel' && payload['reasons'] === undefined && typeof body['ground'] === 'string') payload['reasons'] = [{ code: body['ground'], text: body['ground'] }];
  return payload;
}

function notFound(body: Body): never {
  throw new PlatformProblem('NOT_FOUND', { detail: `${body.objectType} ${body.objectId} does not exist on the registration platform` });
}

function result(body: Body, from: string | null, to: string | null, event: Record<string, unknown>, object: unknown): OperationResult {
  return { status: 200, body: { platform: 'registration', objectType: body.objectType, objectId: body.objectId, from, to, event, object } };
}

function actOnApplication(state: RegistrationState, body: Body, actor: ActorRef): OperationResult {
  const app = state.applications.get(body.objectId) ?? notFound(body);
  const from = state.engine.get(app.id).state;
  const instance = dispatchOrThrow(state, app.id, body.action, { actor, payload: payloadOf(body) }, 'application');
  return result(body, from, instance.state, eventView(instance.events.at(-1)!), applicationView(state, app));
}

function actOnRegistration(state: RegistrationState, body: Body, actor: ActorRef): OperationResult {
  const reg = state.registrations.get(body.objectId) ?? notFound(body);
  const from = state.engine.get(reg.id).state;
  const instance = dispatchOrThrow(state, reg.id, body.action, { actor, payload: payloadOf(body) }, 'registration');
  if (body.action === 'revoke' && typeof body['ground'] === 'string') reg.revocationGround = body['ground'];
  if (body.action === 'cancel' && typeof body['ground'] === 'string') reg.cancellationGround = body['ground'];
  return result(body, from, instance.state, eventView(instance.events.at(-1)!), registrationView(state, reg));
}

/**
 * An objection decision on one objection: with others still pending only this one is decided;
 * the last (or an upheld one) decides the application (upheld → `terminated`).
 */
function actOnObjection(state: RegistrationState, body: Body, actor: ActorRef): OperationResult {
  const o = state.objections.get(body.objectId) ?? notFound(body);
  const notice = state.notices.get(o.noticeId) ?? notFound(body);
  if (o.state !== 'filed' || (body.action !== 'uphold_objection' && body.action !== 'dismiss_objection')) {
    throw new PlatformProblem('ILLEGAL_TRANSITION', {
      detail: `an objection in state ${o.state} does not allow ${body.action}`,
      extensions: { state: o.state, allowed: o.state === 'filed' ? ['uphold_objection', 'dismiss_objection'] : [] },
    });
  }
  const others = notice.objectionIds.filter((id) => id !== o.id && state.objections.get(id)?.state === 'filed');
  if (body.action === 'dismiss_objection' && others.length > 0) {
    const payload = payloadOf(body);
    decideObjection(o, 'dismissed', { at: nowInstant(state), actor, reason: null, data: payload });
    publishObjection(state, o);
  } else {
    dispatchOrThrow(state, notice.applicationId, body.action, { actor, payload: payloadOf(body) }, 'application');
  }
  return result(body, 'filed', o.state, eventView(o.events.at(-1)!), objectionView(o));
}

/**
 * The registry's actions of the simulation API on this platform: `application` (accept,
 * request_supplements, not_accept, approve_review, fail_review, explain_overdue,
 * uphold_objection, dismiss_objection), `registration` (cancel, revoke) and `objection`
 * (uphold_objection, dismiss_objection). Refusals are the kernel's (409 naming the state and
 * the allowed events, 400 for missing reasons or items).
 *
 * @example
 * ```ts
 * actAsRegistry({ sandbox, state, platform: 'registration', body: { objectType: 'application', objectId, action: 'accept' }, … });
 * ```
 */
export function actAsRegistry(ctx: Ctx): OperationResult {
  const body = ctx.body as Body;
  const actor: ActorRef = { role: 'registry', ...(typeof body['organizationId'] === 'string' ? { organizationId: body['organizationId'] } : {}) };
  switch (body.objectType) {
    case 'application':
      return actOnApplication(ctx.state, body, actor);
    case 'registration':
      return actOnRegistration(ctx.state, body, actor);
    case 'objection':
      return actOnObjection(ctx.state, body, actor);
    default:
      return notFound(body);
  }
}

/**
 * A third party's notice objection (`POST /_sim/v1/sandboxes/{id}/objections`, `kind: notice`).
 *
 * @example
 * ```ts
 * objectAsThirdParty({ sandbox, state, platform: 'registration', body: { kind: 'notice', noticeId, objector, text, evidence }, … });
 * ```
 */
export function objectAsThirdParty(ctx: Ctx): OperationResult {
  const body = ctx.body as unknown as ObjectionInput;
  const objection = fileObjection(ctx.state, body, null, '/objector');
  return { status: 201, body: { kind: 'notice', platform: 'registration', objectType: 'objection', objectId: objection.id, object: objectionView(objection) } };
}
