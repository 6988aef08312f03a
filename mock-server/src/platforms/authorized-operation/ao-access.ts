import type { OperationContext } from '../../app/platform-module.js';
import type { PricingError } from '@gdx/procedures';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import type { ReferencedKind } from '../workflow-host/index.js';
import type { AuthorizationRecord, AuthorizedOperationState } from './ao-records.js';

type Ctx = OperationContext<AuthorizedOperationState>;

/** An authorization a body names (`authorizationId` of a product or a data access request). */
export const AUTHORIZATION: ReferencedKind = { zh: '授权运营协议', en: 'authorization' };

/** An approved plan a selection names (`planId`). */
export const PLAN: ReferencedKind = { zh: '实施方案', en: 'plan' };

/** What each path parameter of the platform names, for the messages of its 404. */
const PATH_KINDS = {
  planId: PLAN,
  selectionId: { zh: '运营机构选择', en: 'selection' },
  authorizationId: AUTHORIZATION,
  requestId: { zh: '数据使用申请', en: 'data access request' },
  productId: { zh: '数据产品和服务', en: 'product' },
} as const satisfies Record<string, ReferencedKind>;

/**
 * A record by its path parameter, or 404 `NOT_FOUND` at `/path/<param>` when it does not exist or
 * the caller may not see it (another organisation's object is not revealed, never 403).
 *
 * @example
 * ```ts
 * const plan = visible(ctx, ctx.state.plans, 'planId', (p) => p.owner === ctx.caller?.id);
 * ```
 */
export function visible<R>(ctx: Ctx, records: ReadonlyMap<string, R>, param: keyof typeof PATH_KINDS, may: (record: R) => boolean): R {
  const id = ctx.params[param] ?? '';
  const record = records.get(id);
  if (!record || !may(record)) throw new PlatformProblem('NOT_FOUND', unknownId(`/path/${param}`, PATH_KINDS[param], id));
  return record;
}

/** Whether the caller is a party of the authorization (its operator or its implementing body). */
export function isParty(ctx: Ctx, authorization: AuthorizationRecord): boolean {
  return ctx.caller?.id === authorization.operatorId || ctx.caller?.id === authorization.implementingBodyId;
}

/** Whether the caller is the authorization's grantor (授权主体), who sets its ceilings and reports on it (65号 二、五). */
export function isGrantor(ctx: Ctx, authorization: AuthorizationRecord): boolean {
  return ctx.caller !== undefined && ctx.caller.id === authorization.grantorId;
}

/**
 * A field error as a 400 `VALIDATION_FAILED`.
 *
 * @example
 * ```ts
 * throw invalid('/chargingUnit', 'CHARGING_UNIT_REQUIRED', '产业类产品须填写计费单位', 'An industry product needs a charging unit');
 * ```
 */
export function invalid(pointer: string, code: string, zh: string, en: string): PlatformProblem {
  return new PlatformProblem('VALIDATION_FAILED', { detail: `${zh} / ${en}`, errors: [{ pointer, code, message: { zh, en } }] });
}

/** A refusal by a rule (422 or 409 by its code), pointing at the field. */
export function refused(code: ConstructorParameters<typeof PlatformProblem>[0], pointer: string, zh: string, en: string): PlatformProblem {
  return new PlatformProblem(code, { detail: `${zh} / ${en}`, errors: [{ pointer, code, message: { zh, en } }] });
}

/**
 * A `PricingError` of `@gdx/procedures` as the problem the contract names: `RATE_ABOVE_CAP` and
 * `CARRY_OVER_EXCEEDS_MAR` are 422 refusals, a bad amount or period a 400.
 */
export function pricingProblem(error: PricingError): PlatformProblem {
  const pointer = `/${error.field.split('/')[0]}`;
  if (error.code === 'RATE_ABOVE_CAP' || error.code === 'CARRY_OVER_EXCEEDS_MAR') return refused(error.code, pointer, error.messageZh, error.message);
  return invalid(pointer, error.code, error.messageZh, error.message);
}
