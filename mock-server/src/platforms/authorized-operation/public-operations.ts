import type { OperationHandler } from '../../app/platform-module.js';
import type { AuthorizationRecord, AuthorizedOperationState, ProductRecord } from './ao-records.js';
import { indexPageOf } from './list-pages.js';
import { feeStatusOf } from './pricing-view.js';

/** 授权对象、内容、范围和时限 (27号 第十八条): published on the day of signing. */
function authorizationDisclosure(state: AuthorizedOperationState, a: AuthorizationRecord) {
  return {
    authorizationId: a.id,
    state: state.host.get(a.id)?.state ?? 'active',
    grantor: a.grantor,
    operator: a.operator,
    authorizationMode: a.authorizationMode,
    scope: a.agreement.scope.map((s) => ({ entryId: s.entryId, name: s.name })),
    term: a.agreement.term,
    disclosedOn: a.signedOn,
  };
}

/** A listed product and its fee (27号 第十九条; 65号 五); a public-good product shows no fee. */
function productDisclosure(state: AuthorizedOperationState, p: ProductRecord) {
  const authorization = state.authorizations.get(p.authorizationId);
  const free = p.content.useCategory === 'public_good';
  return {
    productId: p.id,
    name: p.content.name,
    operator: p.operator,
    productForm: p.content['productForm'],
    useCategory: p.content.useCategory,
    chargingUnit: free ? null : (p.content.chargingUnit ?? null),
    actualFen: free ? null : (p.fee?.actualFen ?? null),
    feeStatus: authorization ? feeStatusOf(authorization) : 'trial',
    listedOn: p.listedOn ?? '',
  };
}

/** Handlers of the public disclosures (no signature). */
export const publicOperations: Record<string, OperationHandler<AuthorizedOperationState>> = {
  listDisclosedAuthorizations: (ctx) => ({ status: 200, body: indexPageOf(ctx, ctx.state.host, 'disclosed-authorization', ctx.state.authorizations, (a) => authorizationDisclosure(ctx.state, a)) }),
  listDisclosedProducts: (ctx) => ({ status: 200, body: indexPageOf(ctx, ctx.state.host, 'listed-product', ctx.state.products, (p) => productDisclosure(ctx.state, p), 'useCategory') }),
};
