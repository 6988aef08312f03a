import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { ROLE_NAMES_ZH } from '@gdx/protocol';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownActionObject } from './missing-reference.js';
import { actingRole, offeredActions, type OfficialActing } from './offered-actions.js';
import type { WorkflowHost } from './workflow-host.js';
import { wireEvent } from './wire.js';

/**
 * The workflow instance an action's `objectType` / `objectId` names, and how to show it; `role`
 * and `refuses` as the object's timeline offers its actions (the same `OfficialActing`).
 */
export interface ActionTarget extends OfficialActing {
  instanceId: string;
  /** The object as its platform returns it, after the action. */
  view(): unknown;
  /** Payload members the platform builds from the action (e.g. the selected operator's reference). */
  payload?: Record<string, unknown>;
}

/** Members of an `OfficialAction` the machines read from the payload (the rest names the target). */
const PAYLOAD_KEYS = ['reasons', 'items', 'ground', 'note', 'answer', 'grant', 'resourceCode', 'registrationCode', 'certificateNumber', 'sharing'] as const;

/**
 * The kernel payload of an official action: its payload members, the explanation as a reason,
 * and a ground without reasons as the reason (a cancellation may be given only its ground).
 */
function payloadOf(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of PAYLOAD_KEYS) if (body[key] !== undefined) payload[key] = body[key];
  if (typeof body.explanation === 'string') payload.reasons = [{ text: body.explanation }];
  if (payload.reasons === undefined && typeof body.ground === 'string') payload.reasons = [{ code: body.ground, text: body.ground }];
  return payload;
}

/**
 * The acting organisation an action names (`organizationId`), or `null` for the sandbox's
 * official of the role; an organisation the sandbox does not have is a 400 on the field, and so
 * is one that does not hold `role`, the role the action is sent as (the contract's "acting
 * official organisation": a provider publishing its own catalog entry as the data authority would
 * be recorded as an authority it is not). The role is checked live only: an action an older
 * version acknowledged replays as it was answered (`SimCommandContext.replaying`).
 *
 * @example
 * ```ts
 * const organizationId = namedOrganisation(ctx, 'data_authority') ?? officialOrganisation(ctx.sandbox, 'data_authority')?.id;
 * ```
 */
export function namedOrganisation(ctx: Pick<SimCommandContext<unknown>, 'body' | 'sandbox' | 'replaying'>, role: string): string | null {
  const named = ctx.body.organizationId;
  if (typeof named !== 'string') return null;
  const organisation = ctx.sandbox.organisation(named);
  if (!organisation) {
    throw new PlatformProblem('VALIDATION_FAILED', { errors: [{ pointer: '/organizationId', code: 'UNKNOWN_ORGANIZATION', message: { zh: '沙箱中没有该组织', en: 'No such organisation in the sandbox' } }] });
  }
  if (!ctx.replaying && !organisation.roles.includes(role)) {
    const zh = `${organisation.name}不具备${ROLE_NAMES_ZH[role] ?? role}（${role}）角色，不能以该角色办理此操作`;
    const en = `${organisation.name} does not hold the ${role} role this action is sent as`;
    throw new PlatformProblem('VALIDATION_FAILED', { detail: en, errors: [{ pointer: '/organizationId', code: 'ROLE_NOT_HELD', message: { zh, en } }], extensions: { requiredRole: role } });
  }
  return named;
}

/**
 * Applies an official's action (`POST /_sim/v1/sandboxes/{id}/actions`) to a workflow
 * instance: the acting role is the one `offeredActions` offers it as (`actingRole`: the
 * platform's, else the machine's — e.g. `approve` in `escalated` is the city government's, a
 * Xiamen data access review the operator's), the organisation is the one named or the sandbox's
 * official for that role. Answers the simulation API's `ActionResult`; a refused action throws
 * its problem (409 `ILLEGAL_TRANSITION` with the current state and allowed events), whose
 * `allowedEvents` are the actions `offeredActions` lists — what the object's timeline offers.
 *
 * @example
 * ```ts
 * act: (ctx) => applyOfficialAction(ctx, host, { instanceId: id, view: () => requestView(id) }),
 * ```
 */
export function applyOfficialAction(ctx: SimCommandContext<unknown>, host: WorkflowHost, target: ActionTarget): OperationResult {
  const { body } = ctx;
  const before = host.get(target.instanceId);
  if (!before) unknownActionObject(body);
  const event = String(body.action);
  const role = actingRole(host, before, event, target);
  const organizationId = namedOrganisation(ctx, role);
  const after = host.dispatch(
    target.instanceId,
    event,
    {
      actor: { role, ...(organizationId ? { organizationId } : host.officialActor(before, role)) },
      payload: target.payload ? { ...payloadOf(body), ...target.payload } : payloadOf(body),
    },
    {
      // A journaled action was acknowledged: it replays as answered (`CHECKS_SINCE_JOURNALS`).
      replayed: ctx.replaying === true,
      // The kernel lists what the refused role may send; the simulation API offers what any role it acts as may.
      allowed: () => offeredActions(host, before, target).map((a) => a.action).filter((a) => a !== event),
    },
  );
  // An action may start a deadline from a past day (an evaluation counted from the annual report)
  // that has already run out: flag it now, at its due instant, so the answer shows the deadline as
  // it stands, as the next read does. Only then: firing on every action would move other timers
  // due now ahead of the actions an older journal replays. `after` stays the answer's event.
  if (after.deadline && !after.deadline.overdue && Date.parse(after.deadline.dueAt) <= ctx.sandbox.now()) host.fireDue();
  const last = after.events.at(-1);
  return {
    status: 200,
    body: {
      platform: ctx.platform,
      objectType: body.objectType,
      objectId: body.objectId,
      from: before.state,
      to: after.state,
      event: last ? wireEvent(last, host.wireOf(after)) : null,
      object: target.view(),
    },
  };
}
