import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { TRANSPORTS } from '../support/transports.js';
import { openAoWorld, signedSelection, useAoMock } from './fixtures.js';

// The platform's story through each transport a vendor uses: the in-process fetch, MSW and the
// HTTP server. Every answer is checked against the contract.
for (const name of ['in-process fetch', 'msw setupServer', 'node:http server']) {
  describe(`authorized operation over ${name}`, () => {
    const ctx = useAoMock(TRANSPORTS[name]!);

    it('a city authorizes an operator, which lists a chargeable product within its ceiling', async () => {
      const world = await openAoWorld(ctx);
      const { authorizationId } = await signedSelection(world);
      const events = await world.ao('GET', `/authorizations/${authorizationId}/events`, { as: world.operator });
      expectContract('authorized-operation', 'listAuthorizationEvents', events, 200);
      const product = await world.ao('POST', '/products', {
        as: world.operator,
        body: { authorizationId, name: '客流热力图 API', summary: '站点客流热力。', productForm: 'api', useCategory: 'industry', scenario: { name: '商业选址', description: '' }, scopeEntryIds: [world.scopeItem().entryId], chargingUnit: 'per_service', plannedVolume: 10 },
      });
      expectContract('authorized-operation', 'createProduct', product, 201);
      expectContract('authorized-operation', 'submitProduct', await world.ao('POST', `/products/${product.body.id}/submissions`, { as: world.operator, body: {} }), 200);
      await world.official('product', product.body.id, 'pass_compliance_review');
      await world.official('authorization', authorizationId, 'set_mar', { year: 2026, costFen: 1_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 500, taxFen: 0 });
      await world.official('authorization', authorizationId, 'set_ceiling', { productId: product.body.id, ceilingFen: 100_000 });
      const fee = await world.ao('POST', `/products/${product.body.id}/fees`, { as: world.operator, body: { actualFen: 90_000, effectiveFrom: '2026-01-05', displayed: true } });
      expectContract('authorized-operation', 'setActualFee', fee, 200);
      const productEvents = await world.ao('GET', `/products/${product.body.id}/events`, { as: world.operator });
      expectContract('authorized-operation', 'listProductEvents', productEvents, 200);
      const plans = await world.ao('GET', '/plans', { as: world.operator });
      expectContract('authorized-operation', 'listPlans', plans, 200);
      expect(plans.body.total).toBe(1);
      const selections = await world.ao('GET', '/selections', { as: world.operator });
      expectContract('authorized-operation', 'listSelections', selections, 200);
      const disclosed = await world.ao('GET', '/public/products');
      expectContract('authorized-operation', 'listDisclosedProducts', disclosed, 200);
      expect(disclosed.body.items[0]).toMatchObject({ actualFen: 90_000, chargingUnit: 'per_service' });
    });

    it('answers bad input with problem+json in Chinese and English, pointing at the field', async () => {
      const world = await openAoWorld(ctx);
      const bad = await world.ao('POST', '/pricing/calculations', { as: world.operator, body: { costFen: -1, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 0 } });
      expectContract('authorized-operation', 'calculateMar', bad, 400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: { zh: expect.any(String), en: expect.any(String) }, errors: [{ pointer: '/costFen' }] });
      const planless = await world.ao('POST', '/selections', { as: world.body, body: { method: 'negotiation' } });
      expectContract('authorized-operation', 'createSelection', planless, 422);
      expect(planless.body).toMatchObject({ code: 'PLAN_REQUIRED', message: { zh: expect.any(String), en: expect.any(String) }, errors: [{ pointer: '/planId' }] });
      const unsigned = await world.ao('GET', '/authorizations');
      expectContract('authorized-operation', 'listAuthorizations', unsigned, 401);
      const missing = await world.ao('GET', '/plans/aop_01JZZZZZZZZZZZZZZZZZZZZZZZ', { as: world.body });
      expectContract('authorized-operation', 'getPlan', missing, 404);
    });
  });
}
