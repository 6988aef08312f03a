import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { agreement, approvedPlan, DATA_USER, ELIGIBLE, EVALUABLE_TERM, IM_SECTIONS, listedProduct, MAR_2026, openAoWorld, productBody, signedSelection, useAoMock, type AoWorld } from './fixtures.js';

const ctx = useAoMock();

describe('authorized operation: products, fees and the pricing of 65号', () => {
  it('keeps drafts to the scope and the re-development ban', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const outside = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId, { scopeEntryIds: [world.scopeItem(1).entryId] }) });
    expectContract('authorized-operation', 'createProduct', outside, 422);
    expect(outside.body).toMatchObject({ code: 'OUT_OF_SCOPE', errors: [{ pointer: '/scopeEntryIds/0' }] });
    const first = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
    await world.ao('POST', `/products/${first.body.id}/submissions`, { as: world.operator, body: {} });
    await world.official('product', first.body.id, 'pass_compliance_review');
    const again = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId, { basedOn: first.body.id }) });
    expectContract('authorized-operation', 'createProduct', again, 422);
    expect(again.body.code).toBe('REDEVELOPMENT_FORBIDDEN');
    const own = await world.ao('GET', '/products', { as: world.operator });
    expectContract('authorized-operation', 'listProducts', own, 200);
    expect(own.body.total).toBe(1);
  });

  it('a public-good product is free (65号 一): a charging unit or planned volume answers 400 at each, nothing created', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const charged = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId, { useCategory: 'public_good', name: '公交出行公益查询' }) });
    expectContract('authorized-operation', 'createProduct', charged, 400);
    expect(charged.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { pointer: '/chargingUnit', code: 'PUBLIC_GOOD_NOT_CHARGED', message: { zh: expect.stringContaining('免费'), en: expect.stringContaining('free') } },
        { pointer: '/plannedVolume', code: 'PUBLIC_GOOD_NOT_CHARGED' },
      ],
    });
    expect((await world.ao('GET', '/products', { as: world.operator })).body.total).toBe(0);
    const { chargingUnit: _unit, plannedVolume: _volume, ...free } = productBody(world, authorizationId, { useCategory: 'public_good', name: '公交出行公益查询' });
    expectContract('authorized-operation', 'createProduct', await world.ao('POST', '/products', { as: world.operator, body: free }), 201);
  });

  it('computes MAR, keeps ceilings within it and fees within the ceiling', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId, productId } = await listedProduct(world);
    const noCeiling = await world.ao('POST', `/products/${productId}/fees`, { as: world.operator, body: { actualFen: 45_000, effectiveFrom: '2026-01-05', displayed: true } });
    expectContract('authorized-operation', 'setActualFee', noCeiling, 422);
    expect(noCeiling.body.code).toBe('CEILING_NOT_SET');
    const noMar = await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_000 });
    expect(noMar.body.code).toBe('MAR_NOT_SET');
    const aboveCap = await world.official('authorization', authorizationId, 'set_mar', { ...MAR_2026, rateBasisPoints: 801 });
    expectContract('simulation', 'actAsOfficial', aboveCap, 422);
    expect(aboveCap.body.code).toBe('RATE_ABOVE_CAP');
    const mar = await world.official('authorization', authorizationId, 'set_mar', MAR_2026);
    expect(mar.body.event).toMatchObject({ type: 'mar_set', from: 'active', to: 'active' });
    const over = await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_001 });
    expect(over.body.code).toBe('CEILING_LOAD_EXCEEDS_MAR');
    expect((await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_000 })).status).toBe(200);
    const above = await world.ao('POST', `/products/${productId}/fees`, { as: world.operator, body: { actualFen: 50_001, effectiveFrom: '2026-01-05', displayed: true } });
    expect(above.body.code).toBe('FEE_ABOVE_CEILING');
    // Shown before charged (65号 五): a fee set today cannot take effect on a day already past.
    const retroactive = await world.ao('POST', `/products/${productId}/fees`, { as: world.operator, body: { actualFen: 45_000, effectiveFrom: '2025-09-25', displayed: true } });
    expectContract('authorized-operation', 'setActualFee', retroactive, 400);
    expect(retroactive.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/effectiveFrom', code: 'EFFECTIVE_BEFORE_SET', message: { zh: expect.stringContaining('2025-09-26'), en: expect.stringContaining('2025-09-26') } }] });
    expect((await world.ao('GET', `/products/${productId}`, { as: world.operator })).body.events.map((e: { type: string }) => e.type)).not.toContain('fee_set');
    const fee = await world.ao('POST', `/products/${productId}/fees`, { as: world.operator, body: { actualFen: 45_000, effectiveFrom: '2026-01-05', displayed: true } });
    expectContract('authorized-operation', 'setActualFee', fee, 200);
    expect(fee.body).toMatchObject({ fee: { feeStatus: 'trial', chargingUnit: 'per_service', ceilingFen: 50_000, actualFen: 45_000, displayed: true }, priceFlags: [] });
    expect(fee.body.events.at(-1)).toMatchObject({ type: 'fee_set', from: 'listed', to: 'listed', actor: { role: 'operator' } });
    const pricing = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.body });
    expectContract('authorized-operation', 'getPricing', pricing, 200);
    expect(pricing.body).toMatchObject({
      feeStatus: 'trial',
      operatingSince: '2026-01-05',
      firstCompleteYearEnds: '2027-01-04',
      cycle: { number: 1, from: '2026-01-05', to: '2029-01-04', years: 3, carryOverInFen: 0 },
      years: [{ year: 2026, marFen: 894_000_000, calculation: { returnFen: 64_000_000, rateCapBasisPoints: 800 } }],
      ceilingLoadFen: 894_000_000,
      annualReport: { year: 2026, dueDate: '2027-03-31', dueAt: '2027-04-01T00:00:00+08:00', overdue: false },
    });
    const disclosed = await world.ao('GET', '/public/products?useCategory=industry');
    expectContract('authorized-operation', 'listDisclosedProducts', disclosed, 200);
    expect(disclosed.body.items).toEqual([expect.objectContaining({ productId, actualFen: 45_000, feeStatus: 'trial', listedOn: '2025-09-26' })]);
  });

  it('flags the annual report overdue after 03-31, decides the deviation and turns fees formal', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId, productId } = await listedProduct(world);
    await world.official('authorization', authorizationId, 'set_mar', MAR_2026);
    const early = await world.ao('POST', `/authorizations/${authorizationId}/formal-fee-applications`, { as: world.grantor, body: { note: '申请转为正式收费。' } });
    expectContract('authorized-operation', 'applyForFormalFees', early, 422);
    expect(early.body.code).toBe('OPERATING_YEAR_INCOMPLETE');
    await world.advance({ to: '2027-04-01T09:00:00+08:00' });
    const overdue = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.operator });
    expect(overdue.body.annualReport).toMatchObject({ year: 2026, submittedAt: null, overdue: true });
    const report = { year: 2026, status: '无数据安全事件。', costs: { totalFen: 830_000_000, subsidiesFen: 30_000_000 }, revenueFen: 990_000_000, profitFen: 160_000_000, products: [{ productId, salesVolume: 19_800, revenueFen: 990_000_000 }] };
    const filed = await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: report });
    expectContract('authorized-operation', 'submitAnnualReport', filed, 201);
    expect(filed.body).toMatchObject({ filedBy: { role: 'grantor', organizationId: world.grantor.id }, dueDate: '2027-03-31', late: true, deviation: { marFen: 894_000_000, differenceFen: 96_000_000, deviationBasisPoints: 1074, decision: 'grantor_adjusts_ceiling' } });
    const twice = await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: report });
    expectContract('authorized-operation', 'submitAnnualReport', twice, 409);
    const outside = await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: { ...report, year: 2031 } });
    expect(outside.body.code).toBe('YEAR_OUTSIDE_TERM');
    const before = await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: { ...report, year: 2025 } });
    expect(before.body.code).toBe('YEAR_OUTSIDE_TERM');
    // On 2027-04-01 the year 2027 runs: no deviation from part of a year, no report blocking the real one.
    const running = await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: { ...report, year: 2027 } });
    expectContract('authorized-operation', 'submitAnnualReport', running, 422);
    expect(running.body).toMatchObject({ code: 'YEAR_NOT_ENDED', errors: [{ pointer: '/year', code: 'YEAR_NOT_ENDED', message: { zh: expect.any(String), en: expect.any(String) } }] });
    const reports = await world.ao('GET', `/authorizations/${authorizationId}/annual-reports`, { as: world.body });
    expectContract('authorized-operation', 'listAnnualReports', reports, 200);
    expect(reports.body.total).toBe(1);
    // The filed report is on the sandbox feed like the other objects' events, flagged late.
    const feed = await world.sim('GET', '/events?platform=authorized-operation&limit=200');
    expectContract('simulation', 'feedEvents', feed, 200);
    const filings = feed.body.items.filter((i: { objectType: string }) => i.objectType === 'annual_report');
    expect(filings).toEqual([expect.objectContaining({
      objectId: filed.body.id,
      organizationId: world.grantor.id,
      event: expect.objectContaining({ type: 'annual_report_submitted', at: filed.body.submittedAt, actor: { role: 'grantor', organizationId: world.grantor.id }, data: { authorizationId, year: 2026, dueDate: '2027-03-31', late: true } }),
    })]);
    const applied = await world.ao('POST', `/authorizations/${authorizationId}/formal-fee-applications`, { as: world.grantor, body: { note: '申请转为正式收费。', annualReportYear: 2026 } });
    expectContract('authorized-operation', 'applyForFormalFees', applied, 200);
    expect(applied.body.formalApplication).toEqual({ appliedOn: '2027-04-01', appliedBy: { role: 'grantor', organizationId: world.grantor.id }, status: 'pending' });
    await world.official('authorization', authorizationId, 'approve_formal_fees');
    const product = await world.ao('GET', `/products/${productId}`, { as: world.operator });
    expectContract('authorized-operation', 'getProduct', product, 200);
    expect(product.body.fee.feeStatus).toBe('formal');
  });

  it('offers the formal-fee decisions only while an application is pending, and refuses them otherwise with what is allowed', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const offered = async () => (await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`)).body.allowedActions.map((a: { action: string }) => a.action);
    const FORMAL = ['approve_formal_fees', 'reject_formal_fees'];
    expect(await offered()).not.toEqual(expect.arrayContaining([expect.stringMatching(/_formal_fees$/)]));
    for (const action of FORMAL) {
      const refused = await world.official('authorization', authorizationId, action, action === 'reject_formal_fees' ? { reasons: [{ text: '成本资料不全。' }] } : {});
      expectContract('simulation', 'actAsOfficial', refused, 409);
      expect(refused.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'NO_PENDING_APPLICATION', currentState: 'active' });
      // What the price authority may do instead: what its timeline offers, the MAR among it.
      expect(refused.body.allowedEvents).toContain('set_mar');
      expect(refused.body.allowedEvents).not.toEqual(expect.arrayContaining([expect.stringMatching(/_formal_fees$/)]));
      expect(await offered()).toEqual(expect.arrayContaining(refused.body.allowedEvents));
    }
    // Pending after the grantor's application (a complete operating year from 2026-01-05), decided once.
    await world.advance({ to: '2027-01-05T09:00:00+08:00' });
    expectContract('authorized-operation', 'applyForFormalFees', await world.ao('POST', `/authorizations/${authorizationId}/formal-fee-applications`, { as: world.grantor, body: { note: '申请转为正式收费。' } }), 200);
    expect(await offered()).toEqual(expect.arrayContaining(FORMAL));
    const rejected = await world.official('authorization', authorizationId, 'reject_formal_fees', { reasons: [{ text: '成本资料不全。' }] });
    expect(rejected.body.object.feeStatus).toBe('trial');
    expect(await offered()).not.toEqual(expect.arrayContaining([expect.stringMatching(/_formal_fees$/)]));
    const again = await world.official('authorization', authorizationId, 'approve_formal_fees');
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'NO_PENDING_APPLICATION' });
    const pricing = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.operator });
    expect(pricing.body).toMatchObject({ feeStatus: 'trial', formalApplication: { status: 'rejected' } });
  });

  describe('who applies for formal fees (65号 二: 授权主体应…提出书面申请)', () => {
    const apply = (world: AoWorld, authorizationId: string, as: AoWorld['operator']) =>
      world.ao('POST', `/authorizations/${authorizationId}/formal-fee-applications`, { as, body: { note: '申请转为正式收费。' } });

    it('takes it from the grantor only: the operator and the implementing body get 403 naming the grantor, nothing stored', async () => {
      const world = await openAoWorld(ctx);
      const { authorizationId } = await signedSelection(world);
      // A complete operating year from 2026-01-05 has passed: the role is the only reason to refuse.
      await world.advance({ to: '2027-01-05T09:00:00+08:00' });
      for (const org of [world.operator, world.body]) {
        const refused = await apply(world, authorizationId, org);
        expectContract('authorized-operation', 'applyForFormalFees', refused, 403);
        expect(refused.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'grantor' });
        expect(refused.body.detail).toContain('授权主体（grantor）');
      }
      const untouched = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.grantor });
      expect(untouched.body).toMatchObject({ feeStatus: 'trial', formalApplication: null });
      const applied = await apply(world, authorizationId, world.grantor);
      expectContract('authorized-operation', 'applyForFormalFees', applied, 200);
      expect(applied.body.formalApplication).toEqual({ appliedOn: '2027-01-05', appliedBy: { role: 'grantor', organizationId: world.grantor.id }, status: 'pending' });
      const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.operator });
      expect(events.body.items.at(-1)).toMatchObject({ type: 'formal_fees_applied', actor: { role: 'grantor', organizationId: world.grantor.id } });
    });

    it('never names the application among an operator refusal\'s allowedEvents: it is not the operator\'s to make', async () => {
      const world = await openAoWorld(ctx);
      const { authorizationId } = await signedSelection(world);
      // A suspension feedback while active is refused; what the operator may do instead is what it answers 200 to
      // (its own disclosure, 27号 第十九条, in every running state).
      const refusedNow = async () => {
        const refused = await world.ao('POST', `/authorizations/${authorizationId}/suspension-feedback`, { as: world.operator, body: { summary: '已整改。' } });
        expectContract('authorized-operation', 'fileSuspensionFeedback', refused, 409);
        expect(refused.body.detail).toMatch(new RegExp(`allowed: ${refused.body.allowedEvents.join(', ') || 'none'}$`));
        return refused.body.allowedEvents as string[];
      };
      // Before the first complete operating year (the term runs from 2026-01-05): 422 for the grantor.
      expect(await refusedNow()).toEqual(['request_termination', 'disclose_operation']);
      expect((await apply(world, authorizationId, world.grantor)).body.code).toBe('OPERATING_YEAR_INCOMPLETE');
      await world.advance({ to: '2027-01-05T09:00:00+08:00' });
      // (2027's holidays are not published: a termination request, whose 20 WD reach into it, is not offered.)
      expect(await refusedNow()).toEqual(['disclose_operation']);
      expectContract('authorized-operation', 'applyForFormalFees', await apply(world, authorizationId, world.grantor), 200);
      expect(await refusedNow()).toEqual(['disclose_operation']);
      // Pending: a second application answers 409.
      expect((await apply(world, authorizationId, world.grantor)).status).toBe(409);
    });
  });

  it('deducts a cycle\'s net excess revenue from the next cycle, spread over its years', async () => {
    // Signed on the term's first day: five years in force.
    const world = await openAoWorld(ctx, { startAt: '2026-01-05T10:00:00+08:00' });
    // Five years: cycles 2026-01-05 – 2029-01-04 (calendar years 2026–2029) and 2029-01-05 – 2031-01-04 (2030, 2031).
    const { authorizationId } = await signedSelection(world, { from: '2026-01-05', to: '2031-01-04' });
    const flat = { costFen: 1_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 0, taxFen: 0 };
    // A report covers a whole year: the first cycle's four are filed once 2029 has ended.
    await world.advance({ to: '2030-01-02T09:00:00+08:00' });
    for (const year of [2026, 2027, 2028, 2029]) {
      await world.official('authorization', authorizationId, 'set_mar', { year, ...flat });
      const report = { year, status: '正常。', costs: { totalFen: 1_000_000, subsidiesFen: 0 }, revenueFen: 1_100_000, profitFen: 100_000, products: [] };
      expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: report }), 201);
    }
    await world.official('authorization', authorizationId, 'set_mar', { year: 2030, ...flat });
    await world.official('authorization', authorizationId, 'set_mar', { year: 2031, ...flat });
    const pricing = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.operator });
    expectContract('authorized-operation', 'getPricing', pricing, 200);
    const byYear = Object.fromEntries(pricing.body.years.map((y: { year: number; calculation: { carryOverDeductionFen: number; marFen: number } }) => [y.year, y.calculation]));
    // 4 × (1,100,000 − 1,000,000) = 400,000 fen above the first cycle's MAR, 200,000 off each year of the second.
    expect(byYear[2029]).toMatchObject({ carryOverDeductionFen: 0, marFen: 1_000_000 });
    expect(byYear[2030]).toMatchObject({ carryOverDeductionFen: 200_000, marFen: 800_000 });
    expect(byYear[2031]).toMatchObject({ carryOverDeductionFen: 200_000, marFen: 800_000 });
    expect(pricing.body.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ actualRevenueFen: 1_100_000, deviation: { deviationBasisPoints: 1000, decision: 'operator_adjusts_actual_fee' } });
  });

  it('refuses a report on the running year (Shanghai time), even in its last hours, and takes it once the year ended', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await listedProduct(world);
    // 2026-12-31 23:30 in Shanghai is still 2026 there (15:30 UTC).
    await world.advance({ to: '2026-12-31T23:30:00+08:00' });
    const report = { year: 2026, status: '正常。', costs: { totalFen: 1_000_000, subsidiesFen: 0 }, revenueFen: 1_000_000, profitFen: 0, products: [] };
    const early = await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: report });
    expectContract('authorized-operation', 'submitAnnualReport', early, 422);
    expect(early.body.code).toBe('YEAR_NOT_ENDED');
    const none = await world.ao('GET', `/authorizations/${authorizationId}/annual-reports`, { as: world.operator });
    expect(none.body.total).toBe(0);
    await world.advance({ to: '2027-01-01T00:00:00+08:00' });
    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: report }), 201);
  });

  it('says why a calculation with a MAR of 0 decides no deviation (MAR_ZERO), and warns of nothing otherwise', async () => {
    const world = await openAoWorld(ctx);
    const zero = await world.ao('POST', '/pricing/calculations', { as: world.operator, body: { costFen: 0, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 0, actualRevenueFen: 1_000 } });
    expectContract('authorized-operation', 'calculateMar', zero, 200);
    expect(zero.body).toMatchObject({ calculation: { marFen: 0 }, deviation: null, warnings: [{ code: 'MAR_ZERO', message: { zh: expect.any(String), en: expect.any(String) } }] });
    const unasked = await world.ao('POST', '/pricing/calculations', { as: world.operator, body: { costFen: 0, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 0 } });
    expectContract('authorized-operation', 'calculateMar', unasked, 200);
    expect(unasked.body).toMatchObject({ deviation: null, warnings: [] });
    const decided = await world.ao('POST', '/pricing/calculations', { as: world.operator, body: { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000, actualRevenueFen: 990_000_000 } });
    expect(decided.body).toMatchObject({ deviation: { decision: 'grantor_adjusts_ceiling' }, warnings: [] });
  });

  it('calculates a MAR without storing anything', async () => {
    const world = await openAoWorld(ctx);
    const reply = await world.ao('POST', '/pricing/calculations', { as: world.operator, body: { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000, actualRevenueFen: 990_000_000 } });
    expectContract('authorized-operation', 'calculateMar', reply, 200);
    expect(reply.body).toMatchObject({ calculation: { marFen: 894_000_000 }, deviation: { deviationBasisPoints: 1074, decision: 'grantor_adjusts_ceiling' } });
    const refused = await world.ao('POST', '/pricing/calculations', { as: world.operator, body: { costFen: 100, bondYieldBasisPoints: 200, rateBasisPoints: 100, taxFen: 0, carryOverDeductionFen: 1_000 } });
    expectContract('authorized-operation', 'calculateMar', refused, 422);
    expect(refused.body.code).toBe('CARRY_OVER_EXCEEDS_MAR');
  });
  it('refuses a report whose subsidies exceed its costs (costs are net of subsidies, 65号 三(一)): 400 at /costs/subsidiesFen, nothing stored', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const report = (costs: { totalFen: number; subsidiesFen: number }) => ({ year: 2024, status: '无数据安全事件。', costs, revenueFen: 0, profitFen: 0, products: [] });
    const path = `/authorizations/${authorizationId}/annual-reports`;
    const refused = await world.ao('POST', path, { as: world.grantor, body: report({ totalFen: 1, subsidiesFen: 5 }) });
    expectContract('authorized-operation', 'submitAnnualReport', refused, 400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/costs/subsidiesFen', code: 'SUBSIDIES_EXCEED_COSTS', message: { zh: expect.any(String), en: expect.any(String) } }] });
    // Nothing stored (a second report on 2024 would answer 409); all of the costs subsidised is the most there can be.
    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', path, { as: world.grantor, body: report({ totalFen: 5, subsidiesFen: 5 }) }), 201);
  });

  describe('who files the yearly report (65号 五: the grantor; 101号 第十六条: in Inner Mongolia the operator too)', () => {
    const REPORT = { year: 2024, status: '无数据安全事件。', costs: { totalFen: 5, subsidiesFen: 0 }, revenueFen: 0, profitFen: 0, products: [] };
    const file = (world: AoWorld, authorizationId: string, as: AoWorld['operator']) => world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as, body: REPORT });

    it('nationally only the grantor files: the operator and the implementing body get 403 naming the grantor, nothing stored', async () => {
      const world = await openAoWorld(ctx);
      const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
      for (const org of [world.operator, world.body]) {
        const refused = await file(world, authorizationId, org);
        expectContract('authorized-operation', 'submitAnnualReport', refused, 403);
        expect(refused.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'grantor' });
        expect(refused.body.detail).toContain('授权主体（grantor）');
        expect(refused.body.detail).toContain('requires the grantor role');
      }
      const none = await world.ao('GET', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor });
      expectContract('authorized-operation', 'listAnnualReports', none, 200);
      expect(none.body.total).toBe(0);
      const filed = await file(world, authorizationId, world.grantor);
      expectContract('authorized-operation', 'submitAnnualReport', filed, 201);
      expect(filed.body.filedBy).toEqual({ role: 'grantor', organizationId: world.grantor.id });
      // The grantor reads the pricing it reports on; the operator sees the report on its business.
      const pricing = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.grantor });
      expectContract('authorized-operation', 'getPricing', pricing, 200);
      expect(pricing.body.annualReport).toMatchObject({ year: 2024, submittedAt: filed.body.submittedAt, late: true });
      expect((await world.ao('GET', `/authorizations/${authorizationId}/annual-reports`, { as: world.operator })).body.total).toBe(1);
    });

    it('in Inner Mongolia the operator may file it too, the one report of the year; others get 403 naming both roles', async () => {
      const world = await openAoWorld(ctx, { profile: 'inner-mongolia' });
      const { authorizationId } = await imAuthorization(world);
      const stranger = await file(world, authorizationId, world.org(DATA_USER));
      expectContract('authorized-operation', 'submitAnnualReport', stranger, 403);
      expect(stranger.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'grantor' });
      expect(stranger.body.detail).toContain('授权主体（grantor）或运营机构（operator）');
      expect(stranger.body.detail).toContain('the grantor or operator role');
      const filed = await file(world, authorizationId, world.operator);
      expectContract('authorized-operation', 'submitAnnualReport', filed, 201);
      expect(filed.body.filedBy).toEqual({ role: 'operator', organizationId: world.operator.id });
      expectContract('authorized-operation', 'submitAnnualReport', await file(world, authorizationId, world.grantor), 409);
    });
  });
});

/** An Inner Mongolia call → review → approval → agreement → signature whose first year (2024) has ended. */
async function imAuthorization(world: AoWorld): Promise<{ authorizationId: string }> {
  const plan = await approvedPlan(world);
  const selection = (await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'call_and_review' } })).body;
  await world.official('selection', selection.id, 'publish_call');
  expect((await world.ao('POST', `/selections/${selection.id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: ELIGIBLE } })).status).toBe(201);
  await world.advance({ to: '2025-10-17T10:00:00+08:00' });
  await world.official('selection', selection.id, 'pass_review', { operatorId: world.operator.id });
  await world.official('selection', selection.id, 'approve_selection');
  await world.official('selection', selection.id, 'deliberate_agreement', { agreement: { ...agreement(plan.content.scope, EVALUABLE_TERM), ...IM_SECTIONS } });
  const signed = await world.official('selection', selection.id, 'sign');
  expect(signed.status).toBe(200);
  return { authorizationId: signed.body.object.authorizationId };
}
