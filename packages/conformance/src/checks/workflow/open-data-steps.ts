import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import type { CheckContext } from '../../runner/types.js';
import { createObject, validBody } from '../fixtures.js';
import { expectStatus, missingFromSeed, readList } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { findPublicItem } from './find-resource.js';
import { expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

/** The open-data scenarios start on Friday 2025-09-26, 10:00. */
export const START = '2025-09-26T10:00:00+08:00';

/** Opening conditions of 第二十四条, as the contracts' `OpeningCondition`. */
export type OpeningCondition = 'scenario_list' | 'usage_feedback' | 'technical_capability' | 'credit_status';

/** An `on_application` dataset, with one opening condition when `condition` is given (fails when there is none). */
async function onApplicationDataset(ctx: CheckContext, sbx: Sandbox, condition?: OpeningCondition): Promise<string> {
  if (condition === undefined) return findPublicItem(ctx, sbx, 'open-data', '/datasets', { openingType: 'on_application' });
  const datasets = await readList(ctx, sbx.http(0), 'open-data', '/datasets', { openingType: 'on_application', limit: 200 }, false);
  const hit = datasets.find((d) => Array.isArray(d.conditions) && d.conditions.some((c) => isRecord(c) && c.kind === condition));
  if (typeof hit?.id !== 'string') return missingFromSeed(ctx, `on_application dataset with the ${condition} condition`, 'GET /open-data/v1/datasets');
  return hit.id;
}

/**
 * Applies for an `on_application` dataset (with an opening `condition` when given) as the first
 * organisation: the contract's example, naming the dataset, with a delivery method it offers, evidence
 * for each of its opening conditions (第二十四条) and a scenario from its allow list when it has one. `overrides` replace
 * top-level fields (e.g. `periodOfUse`).
 *
 * @example
 * ```ts
 * const id = await apply(ctx, sbx, { condition: 'usage_feedback' });
 * ```
 */
export async function apply(ctx: CheckContext, sbx: Sandbox, options: { condition?: OpeningCondition; overrides?: Record<string, unknown> } = {}): Promise<string> {
  const datasetId = await onApplicationDataset(ctx, sbx, options.condition);
  const dataset = await sbx.http(0).request('GET', 'open-data', `/datasets/${encodeURIComponent(datasetId)}`, { sign: false });
  const conditions = isRecord(dataset.body) && Array.isArray(dataset.body.conditions) ? dataset.body.conditions.filter(isRecord) : [];
  const distributions = isRecord(dataset.body) && Array.isArray(dataset.body.distributions) ? dataset.body.distributions.filter(isRecord) : [];
  // A delivery method the dataset offers (第二十三条 数据提供方式): its API when it lists one, else its
  // files — also when none is listed: a platform lists only the files it serves online.
  const deliveryMethod = distributions.some((d) => d.format === 'api') ? 'api' : 'file';
  const body = validBody(ctx, 'open-data', 'post', '/applications', {
    datasetIds: [datasetId],
    deliveryMethod,
    conditionEvidence: conditions.map((c) => ({ condition: c.kind, text: `conformance: evidence for ${String(c.kind)}` })),
    ...options.overrides,
  }, sbx.organizations[0]?.creditCode);
  const allowed = conditions.flatMap((c) => (Array.isArray(c.allowedScenarios) ? c.allowedScenarios : []));
  if (typeof allowed[0] === 'string' && isRecord(body.scenario)) body.scenario = { ...body.scenario, name: allowed[0] };
  return (await createObject(ctx, sbx.http(0), 'open-data', '/applications', body)).id;
}

/**
 * Runs a scenario in a fresh sandbox on the Xiamen profile, starting Fri 2025-09-26 10:00.
 *
 * @example
 * ```ts
 * await inXiamen(ctx, async (sbx) => { … });
 * ```
 */
export const inXiamen = (ctx: CheckContext, scenario: (sbx: Sandbox) => Promise<void>) => withSandbox(ctx, { profile: 'xiamen', startAt: START, lead: 'applicant' }, scenario);

/**
 * Reads an application as its applicant (the first organisation).
 *
 * @example
 * ```ts
 * expectState(ctx, await readApplication(ctx, sbx, id), 'approved', 'after the approval');
 * ```
 */
export const readApplication = (ctx: CheckContext, sbx: Sandbox, id: string) => readObject(ctx, sbx, 'open-data', `/applications/${encodeURIComponent(id)}`);

/**
 * The operator passes the initial review; the check fails unless the action answers 200.
 *
 * @example
 * ```ts
 * await passInitialReview(ctx, sbx, id);
 * ```
 */
export async function passInitialReview(ctx: CheckContext, sbx: Sandbox, id: string): Promise<void> {
  const res = await act(sbx, 'open-data', 'application', id, ACTIONS.passInitialReview);
  expectStatus(ctx, res, 200, 'the operator passes the initial review');
}

/**
 * Applies, then the operator passes the initial review at once.
 *
 * @example
 * ```ts
 * const id = await applyAndPass(ctx, sbx);
 * ```
 */
export async function applyAndPass(ctx: CheckContext, sbx: Sandbox, options: Parameters<typeof apply>[2] = {}): Promise<string> {
  const id = await apply(ctx, sbx, options);
  await passInitialReview(ctx, sbx, id);
  return id;
}

/**
 * Applies, passes the initial review and approves, all today; returns the grant's id and the day
 * it was issued. The requested period of use starts today, so the grant runs from its issue.
 *
 * @example
 * ```ts
 * const { grantId, issuedOn } = await approvedGrant(ctx, sbx, 'usage_feedback');
 * ```
 */
export async function approvedGrant(ctx: CheckContext, sbx: Sandbox, condition?: OpeningCondition): Promise<{ grantId: string; issuedOn: string }> {
  const issuedOn = await sandboxToday(ctx, sbx);
  const overrides = condition === undefined ? {} : { periodOfUse: { from: issuedOn, to: `${Number(issuedOn.slice(0, 4)) + 1}-09-30` } };
  const id = await applyAndPass(ctx, sbx, { ...(condition ? { condition } : {}), overrides });
  expectStatus(ctx, await act(sbx, 'open-data', 'application', id, ACTIONS.approve), 200, 'the authority approves');
  const object = await readApplication(ctx, sbx, id);
  expectState(ctx, object, 'approved', 'after the approval');
  ctx.expect.that(typeof object.grantId === 'string', 'the approval issues a grant', 'a grantId', object.grantId);
  return { grantId: String(object.grantId), issuedOn };
}

/**
 * The data authority starts a spot check of a grant, asking for its usage evidence; the check
 * fails unless the action answers 200. Returns the spot check's id.
 *
 * @example
 * ```ts
 * const spotCheckId = await startSpotCheck(ctx, sbx, grantId);
 * ```
 */
export async function startSpotCheck(ctx: CheckContext, sbx: Sandbox, grantId: string): Promise<string> {
  const started = await act(sbx, 'open-data', 'grant', grantId, 'start_spot_check', { request: { text: 'conformance: 请提供接口调用日志' } });
  expectStatus(ctx, started, 200, "the data authority's spot check is started");
  return isRecord(started.body) ? String(started.body.objectId) : '';
}
