import { formatInstant, type ActorRef } from '@gdx/kernel';
import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { applyOfficialAction, illegalTransition, officialOrganisation, unknownActionObject, wireEvent, type ActionTarget } from '../workflow-host/index.js';
import { checkIssueCode, registryActing } from './issue-code.js';
import { checkRevocationGround } from './revocation-ground.js';
import { fileObjection, type ObjectionInput } from './objections.js';
import { publishObjection } from './registration-binding.js';
import type { RegistrationState } from './registration-state.js';
import { decideObjection } from './side-effects.js';
import { applicationView, objectionView, registrationView } from './wire-views.js';

type Ctx = SimCommandContext<RegistrationState>;
type Body = Record<string, unknown> & { objectType: string; objectId: string; action: string };

const OBJECTION_DECISIONS = ['uphold_objection', 'dismiss_objection'];


/**
 * An objection decision on one objection: with others still pending only this one is decided;
 * the last (or an upheld one) decides the application (upheld → `terminated`).
 */
function actOnObjection(ctx: Ctx, body: Body): OperationResult {
  const { state } = ctx;
  const o = state.objections.get(body.objectId) ?? unknownActionObject(body);
  const notice = state.notices.get(o.noticeId) ?? unknownActionObject(body);
  if (o.state !== 'filed' || !OBJECTION_DECISIONS.includes(body.action)) {
    throw illegalTransition(o.state, body.action, o.state === 'filed' ? OBJECTION_DECISIONS : []);
  }
  const organizationId = typeof body['organizationId'] === 'string' ? body['organizationId'] : officialOrganisation(ctx.sandbox, 'registry')?.id;
  const actor: ActorRef = { role: 'registry', ...(organizationId !== undefined ? { organizationId } : {}) };
  const others = notice.objectionIds.filter((id) => id !== o.id && state.objections.get(id)?.state === 'filed');
  if (body.action === 'dismiss_objection' && others.length > 0) {
    decideObjection(o, 'dismissed', { at: formatInstant(state.sandbox.now()), actor, reason: null, data: body.reasons === undefined ? {} : { reasons: body.reasons } });
    publishObjection(state, o);
  } else {
    applyOfficialAction(ctx as SimCommandContext<unknown>, state.host, { instanceId: notice.applicationId, role: 'registry', view: () => null });
  }
  return { status: 200, body: { platform: 'registration', objectType: body.objectType, objectId: body.objectId, from: 'filed', to: o.state, event: wireEvent(o.events.at(-1)!), object: objectionView(o) } };
}

/** The application or registration an action names, acted on by the registry. */
function target(state: RegistrationState, body: Body): ActionTarget {
  if (body.objectType === 'application') {
    const app = state.applications.get(body.objectId) ?? unknownActionObject(body);
    if (body.action === 'issue_code') checkIssueCode(state, app.id, body);
    return { instanceId: app.id, ...registryActing(state), view: () => applicationView(state, app) };
  }
  if (body.objectType === 'registration') {
    const reg = state.registrations.get(body.objectId) ?? unknownActionObject(body);
    checkRevocationGround(state, body);
    return { instanceId: reg.id, ...registryActing(state), view: () => registrationView(state, reg) };
  }
  return unknownActionObject(body);
}

/**
 * The registry's actions of the simulation API on this platform: `application` (accept,
 * request_supplements, not_accept, approve_review, fail_review, explain_overdue,
 * uphold_objection, dismiss_objection, and `issue_code` where the profile codes `by_registry`),
 * `registration` (cancel, revoke) and `objection`
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
  if (body.objectType === 'objection') return actOnObjection(ctx, body);
  return applyOfficialAction(ctx as SimCommandContext<unknown>, ctx.state.host, target(ctx.state, body));
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
  const objection = fileObjection(ctx.state, body, null, { notice: '/noticeId', objector: '/objector' });
  return { status: 201, body: { kind: 'notice', platform: 'registration', objectType: 'objection', objectId: objection.id, object: objectionView(objection) } };
}
