import type { IsoDate } from '@gdx/calendar';
import { isRecord, type HttpResponse } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, justAfter, type ExpectedDeadline } from '../../rules/deadlines.js';
import { LIMITS, type ProfileName } from '../../rules/limits.js';
import type { CheckContext } from '../../runner/types.js';
import { createObject, validBody } from '../fixtures.js';
import { indexWithRole } from '../roles.js';
import { expectStatus, missingFromSeed, postJson, readList } from '../requests.js';
import { act, AOP_ACTIONS } from './officials.js';
import { expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

/** The platform's URL segment. */
export const AOP = 'authorized-operation';

/** The authorized-operation scenarios start on Friday 2025-09-26, 10:00 (as the contract's examples). */
export const AOP_START = '2025-09-26T10:00:00+08:00';

/** Who acts in a scenario: indexes among the sandbox's organisations. */
export interface AopCast {
  /** 实施机构: drafts plans, runs selections. */
  implementingBody: number;
  /** 运营机构: bids, lists products, reports. */
  operator: number;
}

/** One published catalog entry as a scope item (`ScopeItem`) of a plan or agreement. */
export type ScopeItem = Record<string, unknown> & { entryId: string };

/**
 * Runs a scenario in a fresh sandbox of a profile (virtual clock from `startAt`, {@link AOP_START} by default), with the
 * organisations acting as implementing body and operator; skips when the sandbox has none for a role.
 *
 * @example
 * ```ts
 * await inAopSandbox(ctx, 'national', async (sbx, cast) => { … });
 * ```
 */
export function inAopSandbox(ctx: CheckContext, profile: ProfileName, scenario: (sbx: Sandbox, cast: AopCast) => Promise<void>, startAt = AOP_START): Promise<void> {
  return withSandbox(ctx, { profile, startAt }, async (sbx) => {
    const implementingBody = indexWithRole(sbx.organizations, 'implementing_body') ?? ctx.skip('no organisation of the sandbox holds the implementing_body role');
    const operator = indexWithRole(sbx.organizations, 'operator') ?? ctx.skip('no organisation of the sandbox holds the operator role');
    await scenario(sbx, { implementingBody, operator });
  });
}

/**
 * A published catalog entry of the sandbox as a scope item (the search's first, or its `index`-th):
 * collected by its holder (no consent needed), or `shared` with no consent when asked (the case
 * 27号 第五条 refuses). Fails when the search fails or the sandbox's catalog has no such entry.
 *
 * @example
 * ```ts
 * const item = await publishedScopeItem(ctx, sbx);
 * ```
 */
export async function publishedScopeItem(ctx: CheckContext, sbx: Sandbox, source: 'collected' | 'shared' = 'collected', index = 0): Promise<ScopeItem> {
  const items = await readList(ctx, sbx.http(0), 'catalog', '/search', { limit: 20 }, false);
  const hit = items.filter((i) => typeof i.id === 'string')[index];
  if (!hit) return missingFromSeed(ctx, `published catalog entry ${index + 1}`, 'GET /catalog/v1/search');
  const name = typeof hit.name === 'string' ? hit.name.slice(0, 200) : '公共数据资源';
  return { entryId: String(hit.id), name, source, consentGrantId: null, updateCycle: 'monthly', grade: 'general' };
}

/** A term of `years` from a day, ending the day before its anniversary (e.g. 2025-09-26 … 2028-09-25). */
export function termOf(from: IsoDate, years: number): { from: IsoDate; to: IsoDate } {
  const end = new Date(Date.UTC(Number(from.slice(0, 4)) + years, Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)) - 1));
  return { from, to: end.toISOString().slice(0, 10) };
}

/**
 * Drafts a plan as the implementing body: the contract's example with the sandbox's own catalog
 * entry as its scope and a 3-year term from today; returns its id.
 *
 * @example
 * ```ts
 * const planId = await draftPlan(ctx, sbx, cast);
 * ```
 */
export async function draftPlan(ctx: CheckContext, sbx: Sandbox, cast: AopCast): Promise<string> {
  const item = await publishedScopeItem(ctx, sbx);
  const term = termOf(await sandboxToday(ctx, sbx), 3);
  const body = validBody(ctx, AOP, 'post', '/plans', { scope: [item], term }, sbx.organizations[cast.implementingBody]?.creditCode);
  return (await createObject(ctx, sbx.http(cast.implementingBody), AOP, '/plans', body)).id;
}

/**
 * Drafts a plan and submits it for deliberation today; returns its id.
 *
 * @example
 * ```ts
 * const planId = await submittedPlan(ctx, sbx, cast);
 * ```
 */
export async function submittedPlan(ctx: CheckContext, sbx: Sandbox, cast: AopCast): Promise<string> {
  const id = await draftPlan(ctx, sbx, cast);
  const res = await postJson(ctx, sbx.http(cast.implementingBody), AOP, `/plans/${encodeURIComponent(id)}/submissions`, { note: 'conformance: 报请审议' });
  expectStatus(ctx, res, 200, 'the implementing body submits the plan');
  return id;
}

/**
 * A plan approved by the grantor today; returns its id.
 *
 * @example
 * ```ts
 * const planId = await approvedPlan(ctx, sbx, cast);
 * ```
 */
export async function approvedPlan(ctx: CheckContext, sbx: Sandbox, cast: AopCast): Promise<string> {
  const id = await submittedPlan(ctx, sbx, cast);
  expectStatus(ctx, await act(sbx, AOP, 'plan', id, AOP_ACTIONS.approvePlan), 200, 'the grantor approves the plan');
  return id;
}

/** Reads a plan, selection, authorization, product or data-access request as organisation `org`. */
export const readAop = (ctx: CheckContext, sbx: Sandbox, path: string, org: number) => readObject(ctx, sbx, AOP, path, org);

/**
 * Starts an operator selection of an approved plan as the implementing body; returns its id.
 *
 * @example
 * ```ts
 * const selectionId = await startSelection(ctx, sbx, cast, planId, 'open_tender');
 * ```
 */
export async function startSelection(ctx: CheckContext, sbx: Sandbox, cast: AopCast, planId: string, method: string): Promise<string> {
  return (await createObject(ctx, sbx.http(cast.implementingBody), AOP, '/selections', { planId, method })).id;
}

/**
 * The cast's operator bids in the selection (the contract's example bid, every eligibility
 * statement met): a tender selects and a call's review passes only a bidder (27号 第十二条; 101号
 * 第七、九条).
 *
 * @example
 * ```ts
 * await submitBid(ctx, sbx, cast, selectionId);
 * ```
 */
export async function submitBid(ctx: CheckContext, sbx: Sandbox, cast: AopCast, selectionId: string): Promise<void> {
  const bid = validBody(ctx, AOP, 'post', '/selections/{selectionId}/bids', {}, sbx.organizations[cast.operator]?.creditCode);
  await createObject(ctx, sbx.http(cast.operator), AOP, `/selections/${encodeURIComponent(selectionId)}/bids`, bid);
}

/**
 * An Inner Mongolia selection (101号 第七、九条) from an approved plan: the implementing body
 * publishes a call today, the operator applies with its eligibility, and the call closes by the
 * clock when its period ends. Returns the selection's id and the call's expected end.
 *
 * @example
 * ```ts
 * const { id, callEnd } = await closedCall(ctx, sbx, cast);
 * ```
 */
export async function closedCall(ctx: CheckContext, sbx: Sandbox, cast: AopCast): Promise<{ id: string; callEnd: ExpectedDeadline }> {
  const id = await startSelection(ctx, sbx, cast, await approvedPlan(ctx, sbx, cast), 'call_and_review');
  expectStatus(ctx, await act(sbx, AOP, 'selection', id, AOP_ACTIONS.publishCall), 200, 'the implementing body publishes the call');
  const callEnd = expectedDeadline(await sandboxToday(ctx, sbx), LIMITS['inner-mongolia'].authorizedOperation.callPeriod);
  await submitBid(ctx, sbx, cast, id);
  await sbx.advance({ to: justAfter(callEnd) });
  return { id, callEnd };
}

/**
 * The agreement the implementing body deliberates and signs (27号 第十四条, every section), over
 * `scope` for `term`; in Inner Mongolia with the sections 101号 adds: 合理收益的测算方法, 期限届满后
 * 资产处置 (第四条(五)) and the 数据安全承诺书 (第三十二条).
 */
export function agreementOf(scope: ScopeItem[], term: { from: IsoDate; to: IsoDate }, profile: ProfileName = 'national'): Record<string, unknown> {
  const text = 'conformance: 一致性检查协议条款';
  const sections = {
    scope, term, productList: text, platform: text, assetOwnership: text, disclosure: text, accounting: text, revenueSharing: text,
    security: text, evaluation: text, liability: text, disputeResolution: text, changeTermination: text,
  };
  if (profile !== 'inner-mongolia') return sections;
  const commitment = { name: 'security-commitment.pdf', mediaType: 'application/pdf', digest: `sha256:${'0'.repeat(64)}`, size: 1024 };
  return { ...sections, reasonableReturnMethod: text, assetDisposal: text, securityCommitment: commitment };
}

/**
 * From an approved plan to an `active` authorization: a negotiation (national, Inner Mongolia's
 * selection is another check's subject) or a designation (Xiamen) names the operator, the agreement
 * is deliberated and signed today for `years` (ending `years` from today; starting `from` when given,
 * e.g. a term already running, whose first year has ended, so it can be evaluated). Returns the
 * authorization's id.
 *
 * @example
 * ```ts
 * const authorizationId = await activeAuthorization(ctx, sbx, cast, 'national');
 * ```
 */
export async function activeAuthorization(ctx: CheckContext, sbx: Sandbox, cast: AopCast, profile: ProfileName, years = 3, from?: IsoDate): Promise<string> {
  const planId = await approvedPlan(ctx, sbx, cast);
  const designation = profile === 'xiamen';
  const selectionId = await startSelection(ctx, sbx, cast, planId, designation ? 'designation' : 'negotiation');
  const operatorId = sbx.organizations[cast.operator]?.id;
  const named = await act(sbx, AOP, 'selection', selectionId, designation ? AOP_ACTIONS.designate : AOP_ACTIONS.select, { operatorId });
  expectStatus(ctx, named, 200, designation ? 'the city government designates the operator' : 'the implementing body selects the operator');
  const term = termOf(await sandboxToday(ctx, sbx), years);
  const agreement = agreementOf([await publishedScopeItem(ctx, sbx)], { from: from ?? term.from, to: term.to });
  expectStatus(ctx, await act(sbx, AOP, 'selection', selectionId, AOP_ACTIONS.deliberateAgreement, { agreement }), 200, 'the agreement goes to deliberation');
  expectStatus(ctx, await act(sbx, AOP, 'selection', selectionId, AOP_ACTIONS.sign, { agreement }), 200, 'the implementing body signs the agreement');
  const selection = await readAop(ctx, sbx, `/selections/${encodeURIComponent(selectionId)}`, cast.implementingBody);
  expectState(ctx, selection, 'signed', 'after signing');
  ctx.expect.that(typeof selection.authorizationId === 'string', 'signing starts an authorization', 'an authorizationId', selection.authorizationId);
  return String(selection.authorizationId);
}

/**
 * A product of an active authorization drafted by the operator and submitted to compliance review
 * today (an `industry` product charged per call, over the agreement's first scope entry); returns its id.
 *
 * @example
 * ```ts
 * const productId = await submittedProduct(ctx, sbx, cast, authorizationId);
 * ```
 */
export async function submittedProduct(ctx: CheckContext, sbx: Sandbox, cast: AopCast, authorizationId: string): Promise<string> {
  const authorization = await readAop(ctx, sbx, `/authorizations/${encodeURIComponent(authorizationId)}`, cast.operator);
  const agreement = isRecord(authorization.agreement) ? authorization.agreement : {};
  const scope = Array.isArray(agreement.scope) ? agreement.scope.filter(isRecord) : [];
  const body = validBody(ctx, AOP, 'post', '/products', {
    authorizationId, useCategory: 'industry', chargingUnit: 'per_service', plannedVolume: 1000, scopeEntryIds: scope.slice(0, 1).map((s) => s.entryId), basedOn: null,
  }, sbx.organizations[cast.operator]?.creditCode);
  const { id } = await createObject(ctx, sbx.http(cast.operator), AOP, '/products', body);
  const submitted = await postJson(ctx, sbx.http(cast.operator), AOP, `/products/${encodeURIComponent(id)}/submissions`, { note: 'conformance: 提交合规审核' });
  expectStatus(ctx, submitted, 200, 'the operator submits the product to compliance review');
  return id;
}

/**
 * Applies for data access under an authorization as organisation `requester` (a 二级开发主体),
 * needing `dataNeeds`; answers the platform's response (the caller decides what it must be).
 *
 * @example
 * ```ts
 * const res = await applyForData(ctx, sbx, requester, authorizationId, [await publishedScopeItem(ctx, sbx)]); // 201 { id, state: 'submitted', … }
 * ```
 */
export function applyForData(ctx: CheckContext, sbx: Sandbox, requester: number, authorizationId: string, dataNeeds: ScopeItem[]): Promise<HttpResponse> {
  const body = validBody(ctx, AOP, 'post', '/data-access-requests', { authorizationId, dataNeeds }, sbx.organizations[requester]?.creditCode);
  return postJson(ctx, sbx.http(requester), AOP, '/data-access-requests', body);
}
