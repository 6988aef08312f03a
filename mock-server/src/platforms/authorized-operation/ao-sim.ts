import { isIsoDate } from '@gdx/calendar';
import { shanghaiDay } from '@gdx/kernel';
import { assessTerm } from '@gdx/procedures';
import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { applyOfficialAction, illegalTransition, offeredActions, unknownActionObject, type ActionTarget } from '../workflow-host/index.js';
import { invalid, refused } from './ao-access.js';
import type { AuthorizationRecord, AuthorizedOperationState, SelectionRecord } from './ao-records.js';
import { checkAgreement } from './agreement-check.js';
import { checkBidder } from './bidder-check.js';
import { annualReportOn } from './authorization-effects.js';
import { pricingPayload } from './pricing-actions.js';
import { evaluatedYear } from './pricing-view.js';
import { authorizationActing, evaluationRefusal } from './evaluation-check.js';
import { authorizationView, dataAccessView, planView, productView, selectionView } from './wire-views.js';

type Sim = SimCommandContext<AuthorizedOperationState>;
const CHOOSING = new Set(['select', 'pass_review', 'designate']);


/**
 * `payload.operator` of a choice: the sandbox organisation named by `operatorId`, which must hold
 * the `operator` role and, where a tender or call chooses, have bid (`checkBidder`; live only, so
 * a choice an older version acknowledged replays as answered).
 */
function operatorPayload(ctx: Sim, selection: SelectionRecord): Record<string, unknown> {
  const id = ctx.body.operatorId;
  if (typeof id !== 'string') throw invalid('/operatorId', 'REQUIRED', '须指定运营机构（operatorId）', 'operatorId is required');
  const org = ctx.sandbox.organisation(id);
  if (!org || !org.roles.includes('operator')) throw invalid('/operatorId', 'NOT_AN_OPERATOR', '沙箱中没有该运营机构（须具备 operator 角色）', 'No organisation of the sandbox with the operator role has this id');
  const instance = ctx.state.host.get(selection.id);
  if (instance && !ctx.replaying) {
    checkBidder(selection, instance, String(ctx.body.action), org.id, ctx.state.host.procedures.profile.options.authorizedOperation.eligibilityStatements, '/operatorId');
  }
  return { operator: { id: org.id, creditCode: org.creditCode, name: org.name } };
}

/**
 * A term that ended before today is refused (400 `TERM_ALREADY_ENDED` at `pointer`): signed or
 * amended so, the authorization would be in force already expired, its expiry dated before it
 * existed. Live only: an older journal that signed or amended so replays as answered.
 */
function checkTermNotEnded(termEnd: string, today: string, pointer: string): void {
  if (termEnd >= today) return;
  throw invalid(pointer, 'TERM_ALREADY_ENDED', `授权期限已于 ${termEnd} 届满，早于今日（${today}）`, `The term ended on ${termEnd}, before today (${today})`);
}

/**
 * `payload` of `publish_call`: the closing day the call sets (`closesOn`, 101号 第七条 "在规定时间内";
 * without it the profile's `call_period`, choice 20 calendar days), a day not before today (400
 * `PERIOD_INVALID` at `/closesOn`): a call closed before it was published would take no application.
 */
function callPayload(ctx: Sim): Record<string, unknown> | undefined {
  const { closesOn } = ctx.body;
  if (closesOn === undefined) return undefined;
  const today = shanghaiDay(ctx.sandbox.now());
  if (typeof closesOn !== 'string' || !isIsoDate(closesOn) || closesOn < today) {
    throw invalid('/closesOn', 'PERIOD_INVALID', `征集截止日须为不早于今日（${today}）的日期`, `closesOn must be a day not before today (${today})`);
  }
  return { closesOn };
}

function selectionPayload(ctx: Sim, selectionId: string): Record<string, unknown> | undefined {
  const { body, state, sandbox } = ctx;
  const selection = state.selections.get(selectionId)!;
  const action = String(body.action);
  if (CHOOSING.has(action)) return operatorPayload(ctx, selection);
  if (action === 'publish_call') return callPayload(ctx);
  if (action === 'deliberate_agreement') return { agreement: checkAgreement(state, sandbox, body.agreement, selection.owner, ctx.replaying) };
  if (action !== 'sign') return undefined;
  // Signing the deliberated text needs no agreement; a different one is checked as on deliberation.
  const agreement = body.agreement === undefined ? (selection.agreement ?? undefined) : checkAgreement(state, sandbox, body.agreement, selection.owner, ctx.replaying);
  if (agreement && !ctx.replaying) checkTermNotEnded(agreement.term.to, shanghaiDay(sandbox.now()), '/agreement/term/to');
  return { ...(agreement ? { agreement } : {}), ...(typeof body.justification === 'string' ? { justification: body.justification } : {}) };
}

/**
 * `payload` of `approve_amendment`: a new `termEnd` with the amended `term` and `justification`
 * for the machine's cap guard, refused here first with the field it concerns (27号 第十四条(二)
 * binds an amended term as the signed one; the cap counted from the signing day when the term
 * started after it — live only, as the guard's, so an older journal replays as answered).
 */
function amendmentPayload(ctx: Sim, authorization: AuthorizationRecord): Record<string, unknown> | undefined {
  const { termEnd, justification } = ctx.body;
  if (termEnd === undefined) return undefined;
  const { from } = authorization.agreement.term;
  if (typeof termEnd !== 'string' || !isIsoDate(termEnd) || termEnd < from) {
    throw invalid('/termEnd', 'PERIOD_INVALID', '变更后的届满日须为不早于授权期限起始日的日期', 'termEnd must be a day not before the term starts');
  }
  if (!ctx.replaying) checkTermNotEnded(termEnd, shanghaiDay(ctx.sandbox.now()), '/termEnd');
  const term = { from, to: termEnd };
  const check = assessTerm(ctx.state.host.procedures.profile, term, typeof justification === 'string' ? justification : null, ctx.replaying ? null : authorization.signedOn);
  if (check.code === 'TERM_EXCEEDS_CAP') throw refused(check.code, '/termEnd', `变更后的期限超过 ${check.capYears} 年上限（至 ${check.capEndsOn}）`, `The amended term exceeds the ${check.capYears}-year cap (to ${check.capEndsOn})`);
  if (check.code === 'TERM_JUSTIFICATION_REQUIRED') throw refused(check.code, '/justification', `变更后的期限超过 ${check.capYears} 年，须说明理由`, `An amended term over ${check.capYears} years needs a justification`);
  return { termEnd, term, ...(typeof justification === 'string' ? { justification } : {}) };
}

/**
 * `payload` of `start_evaluation`: the year it evaluates (`evaluatedYear`: the year before, within
 * the term) and the day its annual report was filed. Where the machine would start one (`active`),
 * `evaluationRefusal` answers 409 `ILLEGAL_TRANSITION` with its reasonCode (`NO_YEAR_TO_EVALUATE`,
 * `YEAR_ALREADY_EVALUATED`) and the reason in zh and en at `/action`; nothing changes. Live only:
 * an evaluation an older version started replays as answered.
 */
function evaluationPayload(ctx: Sim, authorization: AuthorizationRecord): Record<string, unknown> | undefined {
  const today = shanghaiDay(ctx.sandbox.now());
  const instance = ctx.state.host.get(authorization.id);
  const refusal = ctx.replaying || instance?.state !== 'active' ? null : evaluationRefusal(authorization, today);
  if (refusal) {
    const allowed = offeredActions(ctx.state.host, instance!, authorizationActing(authorization, today)).map((a) => a.action);
    const { options } = illegalTransition('active', 'start_evaluation', allowed, refusal.reasonCode);
    throw new PlatformProblem('ILLEGAL_TRANSITION', {
      ...options,
      detail: `${refusal.en} (${refusal.reasonCode}); allowed: ${allowed.join(', ') || 'none'}`,
      errors: [{ pointer: '/action', code: refusal.reasonCode, message: { zh: refusal.zh, en: refusal.en } }],
    });
  }
  const year = evaluatedYear(authorization, today);
  const reportedOn = annualReportOn(authorization, today);
  const payload = { ...(year === null ? {} : { evaluatedYear: year }), ...(reportedOn === undefined ? {} : { annualReportOn: reportedOn }) };
  return Object.keys(payload).length === 0 ? undefined : payload;
}

function authorizationPayload(ctx: Sim, authorizationId: string): Record<string, unknown> | undefined {
  const { body, state } = ctx;
  const authorization = state.authorizations.get(authorizationId)!;
  switch (body.action) {
    case 'amend':
      return typeof body.amendment === 'string' ? { amendment: body.amendment } : undefined;
    case 'approve_amendment':
      return amendmentPayload(ctx, authorization);
    case 'start_evaluation':
      return evaluationPayload(ctx, authorization);
    case 'pass_evaluation':
      // The decision the event records either way (全留痕): without `evaluation`, the default one, `passed`.
      return { evaluation: body.evaluation === undefined ? { result: 'passed' } : structuredClone(body.evaluation) };
    default:
      return pricingPayload(ctx, authorization);
  }
}

/** The kernel instance an action targets, the payload it carries beyond the common members, and the object it answers. */
function target(ctx: Sim): ActionTarget {
  const { state, body } = ctx;
  const id = String(body.objectId);
  switch (body.objectType) {
    case 'plan': {
      const plan = state.plans.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => planView(state, plan) };
    }
    case 'selection': {
      const selection = state.selections.get(id) ?? unknownActionObject(ctx.body);
      const payload = selectionPayload(ctx, id);
      return { instanceId: id, view: () => selectionView(state, selection), ...(payload ? { payload } : {}) };
    }
    case 'authorization': {
      const authorization = state.authorizations.get(id) ?? unknownActionObject(ctx.body);
      const payload = authorizationPayload(ctx, id);
      return { instanceId: id, ...authorizationActing(authorization, shanghaiDay(ctx.sandbox.now())), view: () => authorizationView(state, authorization), ...(payload ? { payload } : {}) };
    }
    case 'data_access_request': {
      const request = state.requests.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => dataAccessView(state, request) };
    }
    case 'product': {
      const product = state.products.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => productView(state, product) };
    }
    default:
      throw new PlatformProblem('VALIDATION_FAILED', {
        errors: [{ pointer: '/objectType', code: 'OBJECT_TYPE_UNKNOWN', message: { zh: '授权运营平台的对象类型为 plan、selection、authorization、data_access_request、product', en: 'Authorized-operation object types are plan, selection, authorization, data_access_request and product' } }],
      });
  }
}

/**
 * Officials' actions on the authorized-operation platform (`POST /_sim/v1/sandboxes/{id}/actions`
 * with `platform: authorized-operation`): the grantor's, data authority's, price authority's and
 * implementing body's decisions on plans, selections, authorizations (with the pricing),
 * data access requests and products. Every check runs before the machine sees the event.
 *
 * @example
 * ```ts
 * POST /_sim/v1/sandboxes/sbx/actions { platform: 'authorized-operation', objectType: 'selection', objectId, action: 'select', operatorId }
 * ```
 */
export function actOnAuthorizedOperation(ctx: Sim): OperationResult {
  return applyOfficialAction(ctx as SimCommandContext<unknown>, ctx.state.host, target(ctx));
}
