import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { listEvents, listOwn, requireRole } from '../workflow-host/index.js';
import { invalid, visible } from './ao-access.js';
import { orgRef, type AuthorizedOperationState, type PlanContent, type PlanRecord } from './ao-records.js';
import { checkScope } from './scope-checks.js';
import { planView } from './wire-views.js';
import { indexPageOf } from './list-pages.js';

type Ctx = OperationContext<AuthorizedOperationState>;
const MACHINE = 'authorized-operation.plan';

/** A draft is its implementing body's; once submitted, plans are not secret (filed, 第十一条). */
const mayRead = (ctx: Ctx) => (plan: PlanRecord) => plan.owner === ctx.caller?.id || ctx.state.host.get(plan.id)?.state !== 'drafting';

/** The two classes a plan's product list must hold (27号 第九条(七) "应包括…两大类"). */
const PRODUCT_CLASSES = ['public_good', 'industry'] as const;

/** A field error of a plan's exclusion. */
type ExclusionError = { pointer: string; code: string; message: { zh: string; en: string } };

/**
 * What a plan's exclusion names — data that may not be operated (27号 第五条; 101号 第三十三条;
 * 厦门办法 第九条) — is checked, each refusal a 400 at its member, all reported together:
 * - the entry is a published catalog entry, as a scope's (`NOT_IN_CATALOG` at `entryId`);
 * - it is not also in the scope (`EXCLUDED_ENTRY_IN_SCOPE` at `entryId`);
 * - the ground is one the profile's rules state (`exclusionGrounds`: `acquisition_agreement` is
 *   Inner Mongolia's, 101号 第三十三条) (`GROUND_NOT_IN_PROFILE` at `ground`, naming the profile).
 * Live only, so a plan an older version acknowledged replays as answered.
 */
function checkExclusions(ctx: Ctx, content: PlanContent, pointer: string): void {
  if (ctx.replaying) return;
  const { profile } = ctx.state.host.procedures;
  const grounds: readonly string[] = profile.options.authorizedOperation.exclusionGrounds;
  const scoped = new Set(content.scope.map((item) => item.entryId));
  const errors = (content.exclusions ?? []).flatMap((exclusion, i): ExclusionError[] => {
    const at = `${pointer}/exclusions/${i}`;
    const found: ExclusionError[] = [];
    if (!ctx.state.entry(exclusion.entryId)) {
      found.push({ pointer: `${at}/entryId`, code: 'NOT_IN_CATALOG', message: { zh: '须为已发布的数据资源目录', en: 'Must be a published catalog entry' } });
    } else if (scoped.has(exclusion.entryId)) {
      found.push({
        pointer: `${at}/entryId`,
        code: 'EXCLUDED_ENTRY_IN_SCOPE',
        message: { zh: `该数据已列为不得授权运营（${exclusion.ground}），不能同时纳入授权范围`, en: `The entry is excluded from authorized operation (${exclusion.ground}), so it cannot also be in the scope` },
      });
    }
    if (!grounds.includes(exclusion.ground)) {
      found.push({
        pointer: `${at}/ground`,
        code: 'GROUND_NOT_IN_PROFILE',
        message: { zh: `本地规则（${profile.name}）不以 ${exclusion.ground} 为不得授权运营的理由，可选：${grounds.join('、')}`, en: `The rules of profile ${profile.name} state no exclusion ground ${exclusion.ground}; they state ${grounds.join(', ')}` },
      });
    }
    return found;
  });
  if (errors.length > 0) throw new PlatformProblem('VALIDATION_FAILED', { detail: `${errors.length} ${errors.length === 1 ? 'exclusion is' : 'exclusions are'} refused: ${[...new Set(errors.map((e) => e.code))].join(', ')}`, errors });
}

/** Rules of a plan's content beyond the schema: products of both classes, exclusions outside the scope, then its scope (`checkScope`). */
function checkContent(ctx: Ctx, content: PlanContent, pointer: string, holder: string): void {
  const classes = new Set(content.products.map((p) => p.useCategory));
  if (!PRODUCT_CLASSES.every((c) => classes.has(c))) {
    throw invalid(
      `${pointer}/products`,
      'PRODUCT_CLASSES_REQUIRED',
      '产品和服务清单须包括公共治理、公益事业和产业发展、行业发展两大类（第九条(七)）',
      'The product list must hold both classes: public_good and industry (Art. 9(7))',
    );
  }
  checkExclusions(ctx, content, pointer);
  checkScope(ctx.state, ctx.sandbox, content.scope, `${pointer}/scope`, [holder]);
}

function createPlan(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = requireRole(ctx, 'implementing_body');
  const content = ctx.body as PlanContent;
  checkContent(ctx, content, '', caller.id);
  const actor = { role: 'implementing_body', organizationId: caller.id };
  state.host.check(MACHINE, { actor });
  const record: PlanRecord = { id: sandbox.ids.next('aop'), owner: caller.id, implementingBody: orgRef(caller), content: structuredClone(content), pendingChange: null, version: 1, filedOn: null, reasons: [] };
  state.plans.set(record.id, record);
  state.host.create(MACHINE, { id: record.id, actor });
  return { status: 201, location: `/plans/${record.id}`, body: planView(state, record) };
}

function ownPlan(ctx: Ctx): PlanRecord {
  requireRole(ctx, 'implementing_body');
  return visible(ctx, ctx.state.plans, 'planId', (p) => p.owner === ctx.caller?.id);
}

function submitPlan(ctx: Ctx): OperationResult {
  const plan = ownPlan(ctx);
  ctx.state.host.dispatch(plan.id, 'submit', { actor: { role: 'implementing_body', organizationId: plan.owner } });
  return { status: 200, body: planView(ctx.state, plan) };
}

function proposePlanChange(ctx: Ctx): OperationResult {
  const plan = ownPlan(ctx);
  const body = ctx.body as { reason: string; content: PlanContent };
  ctx.state.host.checkDispatch(plan.id, 'propose_change', { actor: { role: 'implementing_body', organizationId: plan.owner }, payload: { change: body.content } });
  checkContent(ctx, body.content, '/content', plan.owner);
  ctx.state.host.dispatch(plan.id, 'propose_change', { actor: { role: 'implementing_body', organizationId: plan.owner }, payload: { change: structuredClone(body.content), reasons: [{ text: body.reason }] } });
  return { status: 200, body: planView(ctx.state, plan) };
}

/**
 * The implementing body lists its own plans; every other organisation lists the approved ones
 * (`approved`, `change_deliberation`), as filed plans are not secret.
 */
function listPlans(ctx: Ctx): OperationResult {
  const { state } = ctx;
  const view = (plan: PlanRecord) => planView(state, plan);
  if (ctx.caller?.roles.includes('implementing_body')) return { status: 200, body: listOwn(ctx, state.host, 'plan', state.plans, view) };
  return { status: 200, body: indexPageOf(ctx, state.host, 'approved-plan', state.plans, view, 'state') };
}

/** Handlers of the plan operations (`createPlan` … `listPlanEvents`). */
export const planOperations: Record<string, OperationHandler<AuthorizedOperationState>> = {
  createPlan,
  listPlans,
  getPlan: (ctx) => ({ status: 200, body: planView(ctx.state, visible(ctx, ctx.state.plans, 'planId', mayRead(ctx))) }),
  submitPlan,
  proposePlanChange,
  listPlanEvents: (ctx) => {
    const plan = visible(ctx, ctx.state.plans, 'planId', mayRead(ctx));
    return { status: 200, body: listEvents(ctx, ctx.state.host, ctx.state.host.get(plan.id)!) };
  },
};
