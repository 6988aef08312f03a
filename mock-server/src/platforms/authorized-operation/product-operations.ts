import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import { shanghaiDay } from '@gdx/kernel';
import { assessFee, permissionsOpen } from '@gdx/procedures';
import { takesProducts } from './permission-effects.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { illegalTransition, listEvents, listOwn, missingReference, requireRole } from '../workflow-host/index.js';
import { AUTHORIZATION, invalid, refused, visible } from './ao-access.js';
import { orgRef, type AuthorizedOperationState, type ProductRecord } from './ao-records.js';
import { ceilingOf } from './product-fees.js';
import { checkInScope } from './scope-checks.js';
import { productView } from './wire-views.js';

type Ctx = OperationContext<AuthorizedOperationState>;
const MACHINE = 'authorized-operation.product';
/** States of a product the operator delivered (27号 第六条: it may not re-develop those). */
const DELIVERED = new Set(['listed', 'withdrawn']);

/**
 * A public-good product is free (65号 一: 公共治理、公益事业 有条件无偿使用): it carries no charging unit
 * nor planned volume, which exist only to set and bound a fee — 400 `PUBLIC_GOOD_NOT_CHARGED` at
 * each. Live only, so a draft an older version acknowledged replays as answered.
 */
function checkPublicGood(ctx: Ctx, content: ProductRecord['content']): void {
  if (ctx.replaying || content.useCategory !== 'public_good') return;
  const present = (['chargingUnit', 'plannedVolume'] as const).filter((field) => content[field] !== undefined);
  if (present.length === 0) return;
  throw new PlatformProblem('VALIDATION_FAILED', {
    detail: `a public_good product is free: ${present.join(', ')} not applicable`,
    errors: present.map((field) => ({
      pointer: `/${field}`,
      code: 'PUBLIC_GOOD_NOT_CHARGED',
      message: { zh: `公共治理、公益事业类产品免费（65号 一），不填写${field === 'chargingUnit' ? '计费单位' : '年计划量'}`, en: `A public_good product is free (65号 I): it has no ${field}` },
    })),
  });
}

/** Rules of a draft beyond the schema: its authorization's scope, the re-development ban, a charging unit for fees (none for a free product). */
function checkDraft(ctx: Ctx, content: ProductRecord['content'], operatorId: string): void {
  const { state } = ctx;
  const authorization = state.authorizations.get(content.authorizationId);
  if (!authorization || authorization.operatorId !== operatorId) throw missingReference('/authorizationId', `no authorization ${content.authorizationId} of the operator`, AUTHORIZATION);
  const authorizationState = state.host.get(authorization.id)?.state ?? 'active';
  if (!permissionsOpen(state.host.procedures.profile, authorizationState)) throw illegalTransition(authorizationState, 'create_product', [], 'AUTHORIZATION_NOT_ACTIVE');
  content.scopeEntryIds.forEach((entryId, i) => checkInScope(authorization, entryId, `/scopeEntryIds/${i}`));
  if (content.useCategory === 'industry' && content.chargingUnit === undefined) {
    throw invalid('/chargingUnit', 'CHARGING_UNIT_REQUIRED', '产业发展类产品须填写计费单位', 'An industry product needs a charging unit');
  }
  checkPublicGood(ctx, content);
  const basedOn = typeof content.basedOn === 'string' ? state.products.get(content.basedOn) : undefined;
  if (typeof content.basedOn === 'string' && !basedOn) throw invalid('/basedOn', 'UNKNOWN_PRODUCT', '没有该产品', 'No product has this id');
  if (basedOn && basedOn.owner === operatorId && DELIVERED.has(state.host.get(basedOn.id)?.state ?? '')) {
    throw refused('REDEVELOPMENT_FORBIDDEN', '/basedOn', '运营机构不得对其已交付的产品再开发（第六条）', 'An operator may not re-develop a product it delivered (Art. 6)');
  }
}

function createProduct(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = requireRole(ctx, 'operator');
  const content = ctx.body as ProductRecord['content'];
  checkDraft(ctx, content, caller.id);
  const actor = { role: 'operator', organizationId: caller.id };
  state.host.check(MACHINE, { actor });
  const record: ProductRecord = { id: sandbox.ids.next('aod'), owner: caller.id, authorizationId: content.authorizationId, operator: orgRef(caller), content: structuredClone(content), fee: null, listedOn: null, reasons: [] };
  state.products.set(record.id, record);
  state.host.create(MACHINE, { id: record.id, actor });
  return { status: 201, location: `/products/${record.id}`, body: productView(state, record) };
}

function ownProduct(ctx: Ctx): ProductRecord {
  requireRole(ctx, 'operator');
  return visible(ctx, ctx.state.products, 'productId', (p) => p.owner === ctx.caller?.id);
}

/**
 * A draft goes to compliance review only while its authorization takes new products (as it was
 * created): reviewed then, it could not be listed (409 `ILLEGAL_TRANSITION`, reasonCode
 * `AUTHORIZATION_NOT_ACTIVE`, nothing else allowed on the draft). The machine's refusals come first.
 */
function submitProduct(ctx: Ctx): OperationResult {
  const { state } = ctx;
  const product = ownProduct(ctx);
  const input = { actor: { role: 'operator', organizationId: product.owner } };
  state.host.checkDispatch(product.id, 'submit', input);
  if (!takesProducts(state, product)) {
    throw illegalTransition(state.host.get(product.id)?.state ?? 'draft', 'submit', [], 'AUTHORIZATION_NOT_ACTIVE');
  }
  state.host.dispatch(product.id, 'submit', input);
  return { status: 200, body: productView(ctx.state, product) };
}

/** The operator's fee within the ceiling, displayed before charging (65号 一、二、五), recorded as a `fee_set` event; refused fees change nothing. */
function setActualFee(ctx: Ctx): OperationResult {
  const { state } = ctx;
  const product = ownProduct(ctx);
  const productState = state.host.get(product.id)?.state ?? 'draft';
  if (productState !== 'listed') throw illegalTransition(productState, 'set_fee', state.host.allowed(product.id, 'operator'));
  const body = ctx.body as { actualFen: number; effectiveFrom: string; displayed: boolean };
  // A fee is shown to enterprises before it is charged (65号 五 "收费前…公示"): it takes effect from
  // the day it is set or later, never on days already past. Live only (older journals replay as answered).
  const today = shanghaiDay(ctx.sandbox.now());
  if (!ctx.replaying && body.effectiveFrom < today) {
    throw invalid('/effectiveFrom', 'EFFECTIVE_BEFORE_SET', `收费标准须在公示后执行，生效日期不得早于设定之日（${today}）`, `A fee takes effect once shown, not before the day it is set (${today})`);
  }
  const { refusal } = assessFee({ useCategory: product.content.useCategory, ceilingFen: ceilingOf(state, product)?.ceilingFen ?? null, actualFen: body.actualFen, displayed: body.displayed });
  if (refusal === 'FEE_ON_PUBLIC_GOOD') throw refused(refusal, '/actualFen', '公共治理、公益事业类产品不得收费', 'A public-good product is free');
  if (refusal === 'CEILING_NOT_SET') throw refused(refusal, '/actualFen', '授权主体尚未确定最高收费标准', 'The grantor has not set a ceiling fee yet');
  if (refusal === 'FEE_ABOVE_CEILING') throw refused(refusal, '/actualFen', '实际收费超过最高收费标准', 'The fee exceeds the ceiling fee');
  state.host.dispatch(product.id, 'set_fee', { actor: { role: 'operator', organizationId: product.owner }, payload: { fee: structuredClone(body) } });
  return { status: 200, body: productView(state, product) };
}

function withdrawProduct(ctx: Ctx): OperationResult {
  const product = ownProduct(ctx);
  const body = ctx.body as { reason: string };
  ctx.state.host.dispatch(product.id, 'withdraw', { actor: { role: 'operator', organizationId: product.owner }, payload: { reasons: [{ text: body.reason }] } });
  return { status: 200, body: productView(ctx.state, product) };
}

/** Handlers of the product operations (`createProduct` … `listProductEvents`). */
export const productOperations: Record<string, OperationHandler<AuthorizedOperationState>> = {
  createProduct,
  listProducts: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, 'product', ctx.state.products, (p) => productView(ctx.state, p)) }),
  getProduct: (ctx) => ({ status: 200, body: productView(ctx.state, visible(ctx, ctx.state.products, 'productId', (p) => p.owner === ctx.caller?.id)) }),
  submitProduct,
  setActualFee,
  withdrawProduct,
  listProductEvents: (ctx) => {
    const product = visible(ctx, ctx.state.products, 'productId', (p) => p.owner === ctx.caller?.id);
    return { status: 200, body: listEvents(ctx, ctx.state.host, ctx.state.host.get(product.id)!) };
  },
};
