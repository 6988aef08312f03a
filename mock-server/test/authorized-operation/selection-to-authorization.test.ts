import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { ELIGIBLE, IM_SECTIONS, agreement, approvedPlan, openAoWorld, planContent, signedSelection, useAoMock } from './fixtures.js';

const ctx = useAoMock();

describe('authorized operation: plan → selection and agreement → authorization in force', () => {
  it('drafts a plan, deliberates it within 30 WD and files it', async () => {
    const world = await openAoWorld(ctx);
    const created = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    expectContract('authorized-operation', 'createPlan', created, 201);
    expect(created.body).toMatchObject({ state: 'drafting', version: 1, implementingBody: { creditCode: world.body.creditCode }, deadline: null });
    expect(created.headers.get('location')).toBe(`${world.base('authorized-operation')}/plans/${created.body.id}`);
    const submitted = await world.ao('POST', `/plans/${created.body.id}/submissions`, { as: world.body, body: { note: '报请审议。' } });
    expectContract('authorized-operation', 'submitPlan', submitted, 200);
    // Friday 2025-09-26, 30 WD over the National Day week and its make-up Saturdays.
    expect(submitted.body.deadline).toMatchObject({ step: 'plan_deliberation', limit: 30, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-11-13' });
    const approved = await world.official('plan', created.body.id, 'approve_plan');
    expect(approved.body).toMatchObject({ from: 'under_deliberation', to: 'approved', object: { state: 'approved', deadline: { step: 'plan_filing' } } });
    const filed = await world.official('plan', created.body.id, 'file_plan');
    expect(filed.body.object).toMatchObject({ state: 'approved', filedOn: '2025-09-26', deadline: null });
  });

  it('deliberates a major change on its own limit, from the change\'s submission (27号 第十一条 按原流程)', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    await world.advance({ to: '2025-12-01T10:00:00+08:00' });
    const change = await world.ao('POST', `/plans/${plan.id}/changes`, { as: world.body, body: { reason: '新增数据项。', content: planContent([world.scopeItem(), world.scopeItem(1)]) } });
    expectContract('authorized-operation', 'proposePlanChange', change, 200);
    // Monday 2025-12-01 + 30 WD: 2026-01-13 (New Year's Day off).
    expect(change.body).toMatchObject({ state: 'change_deliberation', deadline: { step: 'plan_change_deliberation', limit: 30, unit: 'working_days', startTrigger: 'change_submitted', startedOn: '2025-12-01', dueDate: '2026-01-13' } });
  });

  it('signs the agreement and starts the authorization, disclosed to the public', async () => {
    const world = await openAoWorld(ctx);
    const selection = await signedSelection(world);
    expect(selection).toMatchObject({ state: 'signed', operator: { creditCode: world.operator.creditCode }, agreement: { signedOn: '2025-09-26' } });
    const authorization = await world.ao('GET', `/authorizations/${selection.authorizationId}`, { as: world.operator });
    expectContract('authorized-operation', 'getAuthorization', authorization, 200);
    expect(authorization.body).toMatchObject({
      state: 'active',
      // In force from the signing (2025-09-26), before the term starts: the cap counts from the signing day.
      termCheck: { outcome: 'ok', from: '2026-01-05', measuredFrom: '2025-09-26', capEndsOn: '2030-09-25' },
      feeStatus: 'trial',
      deadline: { step: 'term', dueDate: '2029-01-04', dueAt: '2029-01-05T00:00:00+08:00' },
    });
    // Each party lists what it is a party to: the authorization is the operator's and the
    // implementing body's, the selection the implementing body's and its bidder's (now operator).
    for (const party of [world.body, world.operator]) {
      const listed = await world.ao('GET', '/authorizations', { as: party });
      expectContract('authorized-operation', 'listAuthorizations', listed, 200);
      expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([selection.authorizationId]);
      const selections = await world.ao('GET', '/selections', { as: party });
      expectContract('authorized-operation', 'listSelections', selections, 200);
      expect(selections.body.items.map((s: { id: string }) => s.id)).toEqual([selection.id]);
    }
    const disclosed = await world.ao('GET', '/public/authorizations');
    expectContract('authorized-operation', 'listDisclosedAuthorizations', disclosed, 200);
    expect(disclosed.body.items[0]).toMatchObject({ authorizationId: selection.authorizationId, disclosedOn: '2025-09-26', term: { from: '2026-01-05' } });
  });

  it('refuses what the roles and states do not allow, changing nothing', async () => {
    const world = await openAoWorld(ctx);
    const forbidden = await world.ao('POST', '/plans', { as: world.operator, body: planContent([world.scopeItem()]) });
    expectContract('authorized-operation', 'createPlan', forbidden, 403);
    expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'implementing_body' });
    const plan = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    const early = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.body.id, method: 'open_tender' } });
    expectContract('authorized-operation', 'createSelection', early, 409);
    const wrongMethod = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.body.id, method: 'designation' } });
    expectContract('authorized-operation', 'createSelection', wrongMethod, 422);
    expect(wrongMethod.body.code).toBe('SELECTION_METHOD_NOT_ALLOWED');
    const list = await world.ao('GET', '/selections', { as: world.body });
    expect(list.body.total).toBe(0);
  });

  it('a plan keeps the data it excludes (27号 第五条, 101号 第三十三条) out of its scope: an excluded scope entry answers 400 at the exclusion, nothing created', async () => {
    const world = await openAoWorld(ctx);
    const item = world.scopeItem();
    const content = { ...planContent([item]), exclusions: [{ entryId: world.scopeItem(1).entryId, ground: 'law' }, { entryId: item.entryId, ground: 'national_security' }] };
    const refused = await world.ao('POST', '/plans', { as: world.body, body: content });
    expectContract('authorized-operation', 'createPlan', refused, 400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '/exclusions/1/entryId', code: 'EXCLUDED_ENTRY_IN_SCOPE', message: { zh: expect.stringContaining('不得授权运营'), en: expect.stringContaining('national_security') } }],
    });
    expect((await world.ao('GET', '/plans', { as: world.body })).body.total).toBe(0);
    // A change of an approved plan is held to the same rule; an exclusion outside the scope is kept.
    const plan = await approvedPlan(world);
    const change = await world.ao('POST', `/plans/${plan.id}/changes`, { as: world.body, body: { reason: '调整范围。', content } });
    expectContract('authorized-operation', 'proposePlanChange', change, 400);
    expect(change.body.errors).toMatchObject([{ pointer: '/content/exclusions/1/entryId', code: 'EXCLUDED_ENTRY_IN_SCOPE' }]);
    const kept = await world.ao('POST', '/plans', { as: world.body, body: { ...content, exclusions: [content.exclusions[0]!] } });
    expectContract('authorized-operation', 'createPlan', kept, 201);
    expect(kept.body.content.exclusions).toEqual([content.exclusions[0]]);
  });

  it('an exclusion names a published catalog entry and a ground of the profile: else 400 at each, nothing created', async () => {
    for (const profile of ['national', 'xiamen']) {
      const world = await openAoWorld(ctx, { profile });
      const exclusions = [{ entryId: 'ent_00000000000000000000000000', ground: 'law' }, { entryId: world.scopeItem(1).entryId, ground: 'acquisition_agreement' }];
      const refused = await world.ao('POST', '/plans', { as: world.body, body: { ...planContent([world.scopeItem()]), exclusions } });
      expectContract('authorized-operation', 'createPlan', refused, 400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [
          { pointer: '/exclusions/0/entryId', code: 'NOT_IN_CATALOG', message: { zh: expect.any(String), en: expect.any(String) } },
          { pointer: '/exclusions/1/ground', code: 'GROUND_NOT_IN_PROFILE', message: { zh: expect.stringContaining(profile), en: expect.stringContaining(`profile ${profile}`) } },
        ],
      });
      expect((await world.ao('GET', '/plans', { as: world.body })).body.total).toBe(0);
    }
    // 获取时约定不得用于授权运营 is Inner Mongolia's ground (101号 第三十三条).
    const im = await openAoWorld(ctx, { profile: 'inner-mongolia' });
    const exclusions = [{ entryId: im.scopeItem(1).entryId, ground: 'acquisition_agreement' }];
    expectContract('authorized-operation', 'createPlan', await im.ao('POST', '/plans', { as: im.body, body: { ...planContent([im.scopeItem()]), exclusions } }), 201);
  });

  it('a plan lists products of both classes (27号 第九条(七)): one class alone answers 400 at /products, nothing created', async () => {
    const world = await openAoWorld(ctx);
    const content = planContent([world.scopeItem()]);
    const industryOnly = { ...content, products: [content.products[0]!, { name: '客流预测 API', useCategory: 'industry', productForm: 'api' }] };
    const refused = await world.ao('POST', '/plans', { as: world.body, body: industryOnly });
    expectContract('authorized-operation', 'createPlan', refused, 400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/products', code: 'PRODUCT_CLASSES_REQUIRED', message: { zh: expect.any(String), en: expect.any(String) } }] });
    expect((await world.ao('GET', '/plans', { as: world.body })).body.total).toBe(0);
    // A change of an approved plan is held to the same rule.
    const plan = await approvedPlan(world);
    const change = await world.ao('POST', `/plans/${plan.id}/changes`, { as: world.body, body: { reason: '调整产品。', content: industryOnly } });
    expectContract('authorized-operation', 'proposePlanChange', change, 400);
    expect(change.body.errors).toMatchObject([{ pointer: '/content/products', code: 'PRODUCT_CLASSES_REQUIRED' }]);
  });

  it('Inner Mongolia: a bid states the 第九条 eligibility and the agreement holds the 第四条(五)、第三十二条 sections', async () => {
    const world = await openAoWorld(ctx, { profile: 'inner-mongolia' });
    const plan = await approvedPlan(world);
    const call = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'call_and_review' } });
    await world.official('selection', call.body.id, 'publish_call');
    const bid = (eligibility: Record<string, boolean>) => world.ao('POST', `/selections/${call.body.id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility } });
    const partial = await bid({ goodCredit: true });
    expectContract('authorized-operation', 'submitBid', partial, 400);
    expect(partial.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/eligibility/notBlacklisted', code: 'REQUIRED', message: { zh: expect.any(String), en: expect.any(String) } }] });
    expect((await world.ao('GET', `/selections/${call.body.id}`, { as: world.body })).body.bids).toEqual([]);
    // A bidder stating it does not meet a condition (101号 第九条 "需满足") is not eligible: 400 at each such statement, no bid.
    const unmet = await bid({ goodCredit: true, notBlacklisted: false, mlpsLevel3: true, noHighRiskFinding: false });
    expectContract('authorized-operation', 'submitBid', unmet, 400);
    expect(unmet.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { pointer: '/eligibility/notBlacklisted', code: 'ELIGIBILITY_NOT_MET', message: { zh: expect.stringContaining('不满足资格条件'), en: expect.stringContaining('does not meet') } },
        { pointer: '/eligibility/noHighRiskFinding', code: 'ELIGIBILITY_NOT_MET' },
      ],
    });
    expect((await world.ao('GET', `/selections/${call.body.id}`, { as: world.body })).body.bids).toEqual([]);
    expectContract('authorized-operation', 'submitBid', await bid({ goodCredit: true, notBlacklisted: true, mlpsLevel3: true, noHighRiskFinding: true }), 201);
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    await world.official('selection', call.body.id, 'pass_review', { operatorId: world.operator.id });
    await world.official('selection', call.body.id, 'approve_selection');
    const plain = agreement(plan.content.scope);
    const missing = await world.official('selection', call.body.id, 'deliberate_agreement', { agreement: plain });
    expectContract('simulation', 'actAsOfficial', missing, 400);
    expect(missing.body.errors).toMatchObject([{ pointer: '/agreement/reasonableReturnMethod', code: 'REQUIRED' }]);
    const complete = await world.official('selection', call.body.id, 'deliberate_agreement', { agreement: { ...plain, ...IM_SECTIONS } });
    expect(complete.body.object.state).toBe('agreement_deliberation');
  });

  it('needs a plan where the profile requires one: 422 PLAN_REQUIRED at /planId, nothing created', async () => {
    const world = await openAoWorld(ctx);
    const missing = await world.ao('POST', '/selections', { as: world.body, body: { method: 'negotiation' } });
    expectContract('authorized-operation', 'createSelection', missing, 422);
    expect(missing.body).toMatchObject({ code: 'PLAN_REQUIRED', errors: [{ pointer: '/planId', code: 'PLAN_REQUIRED', message: { zh: expect.stringContaining('实施方案'), en: expect.stringContaining('plan') } }] });
    const list = await world.ao('GET', '/selections', { as: world.body });
    expect(list.body.total).toBe(0);
  });

  it('selects and signs without a plan where a custom profile sets planRequired: false', async () => {
    const world = await openAoWorld(ctx, { profile: { name: 'no-plans', extends: 'national', options: { authorizedOperation: { planRequired: false } } } });
    const started = await world.ao('POST', '/selections', { as: world.body, body: { method: 'negotiation' } });
    expectContract('authorized-operation', 'createSelection', started, 201);
    expect(started.body).toMatchObject({ planId: null, state: 'selecting' });
    const id = started.body.id;
    await world.ao('POST', `/selections/${id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: { goodCredit: true } } });
    await world.official('selection', id, 'select', { operatorId: world.operator.id });
    await world.official('selection', id, 'deliberate_agreement', { agreement: agreement([world.scopeItem()]) });
    const signed = await world.official('selection', id, 'sign');
    expect(signed.status).toBe(200);
    const authorization = await world.ao('GET', `/authorizations/${signed.body.object.authorizationId}`, { as: world.operator });
    expectContract('authorized-operation', 'getAuthorization', authorization, 200);
    expect(authorization.body).toMatchObject({ state: 'active', planId: null });
    // A plan may still be named there; an unapproved one is refused as everywhere.
    const draft = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    expectContract('authorized-operation', 'createSelection', await world.ao('POST', '/selections', { as: world.body, body: { planId: draft.body.id, method: 'negotiation' } }), 409);
  });

  it('checks an agreement before deliberating it: every section, bounded, changing nothing', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
    await world.official('selection', selection.body.id, 'select', { operatorId: world.operator.id });
    const { liability: _liability, ...incomplete } = agreement([world.scopeItem()]);
    const missing = await world.official('selection', selection.body.id, 'deliberate_agreement', { agreement: incomplete });
    expectContract('simulation', 'actAsOfficial', missing, 400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/agreement/liability', message: { zh: expect.any(String), en: expect.any(String) } }] });
    const commitment = await world.official('selection', selection.body.id, 'deliberate_agreement', { agreement: { ...agreement([world.scopeItem()]), securityCommitment: { nested: { deep: [1, 2, 3] } } } });
    expect(commitment.body.errors[0].pointer).toBe('/agreement/securityCommitment');
    const still = await world.ao('GET', `/selections/${selection.body.id}`, { as: world.body });
    expect(still.body).toMatchObject({ state: 'selected', agreement: null });
  });

  it('tells a section of the wrong type or length from a missing one, a missing term from a bad day, and takes scope items only as the contract has them', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
    await world.official('selection', selection.body.id, 'select', { operatorId: world.operator.id });
    const complete = agreement([world.scopeItem()]);
    const errorOf = async (terms: Record<string, unknown>) => {
      const reply = await world.official('selection', selection.body.id, 'deliberate_agreement', { agreement: terms });
      expectContract('simulation', 'actAsOfficial', reply, 400);
      return reply.body.errors[0];
    };
    // A vendor's probe sent `productList: 5` and was told the section was missing.
    expect(await errorOf({ ...complete, productList: 5 })).toMatchObject({ pointer: '/agreement/productList', code: 'TYPE', message: { en: 'productList must be text (1–4000 characters), not number' } });
    expect(await errorOf({ ...complete, liability: 'x'.repeat(4001) })).toMatchObject({ pointer: '/agreement/liability', code: 'LENGTH', message: { en: expect.stringContaining('4001') } });
    // Labels where the contract's ScopeItem takes codes were stored and shown back against the contract.
    expect(await errorOf({ ...complete, scope: [{ ...world.scopeItem(), updateCycle: '每周' }] })).toMatchObject({ pointer: '/agreement/scope/0/updateCycle', code: 'ENUM', message: { en: expect.stringContaining('weekly') } });
    expect(await errorOf({ ...complete, scope: [{ ...world.scopeItem(), grade: '一般' }] })).toMatchObject({ pointer: '/agreement/scope/0/grade', code: 'ENUM', message: { zh: expect.stringContaining('general') } });
    expect(await errorOf({ ...complete, scope: [{ ...world.scopeItem(), note: '公交' }] })).toMatchObject({ pointer: '/agreement/scope/0/note', code: 'UNKNOWN_MEMBER' });
    expect(await errorOf({ ...complete, scope: [{ ...world.scopeItem(), name: 7 }] })).toMatchObject({ pointer: '/agreement/scope/0/name', code: 'TYPE' });
    const { term: _term, ...termless } = complete;
    expect(await errorOf(termless)).toMatchObject({ pointer: '/agreement/term', code: 'REQUIRED' });
    expect(await errorOf({ ...complete, term: { to: '2029-01-04' } })).toMatchObject({ pointer: '/agreement/term/from', code: 'REQUIRED' });
    expect(await errorOf({ ...complete, term: { from: '2026-01-05T00:00:00', to: '2029-01-04' } })).toMatchObject({ pointer: '/agreement/term/from', code: 'DATE' });
    expect((await world.ao('GET', `/selections/${selection.body.id}`, { as: world.body })).body).toMatchObject({ state: 'selected', agreement: null });
  });

  it('a tender selects only after its 20 calendar days', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'open_tender' } });
    expect(selection.body.deadline).toMatchObject({ step: 'tender_period', unit: 'calendar_days', dueDate: '2025-10-16' });
    const early = await world.official('selection', selection.body.id, 'select', { operatorId: world.operator.id });
    expectContract('simulation', 'actAsOfficial', early, 409);
    expect(early.body.code).toBe('TENDER_PERIOD_RUNNING');
    // On the last day of the period (the deadline's dueDate) bids are still taken, and the refusal says from when it can select.
    await world.advance({ to: '2025-10-16T10:00:00+08:00' });
    const lastDay = await world.official('selection', selection.body.id, 'select', { operatorId: world.operator.id });
    expectContract('simulation', 'actAsOfficial', lastDay, 409);
    expect(lastDay.body).toMatchObject({ code: 'TENDER_PERIOD_RUNNING', currentState: 'selecting', allowedEvents: ['fail_selection'], detail: expect.stringContaining('Bids close on 2025-10-16 (24:00): an operator can be selected from 2025-10-17') });
    expect(lastDay.body.detail).toContain('2025-10-17 起方可确定运营机构');
    expect((await world.ao('POST', `/selections/${selection.body.id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: ELIGIBLE } })).status).toBe(201);
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    const selected = await world.official('selection', selection.body.id, 'select', { operatorId: world.operator.id });
    expect(selected.body).toMatchObject({ to: 'selected', object: { operator: { creditCode: world.operator.creditCode } } });
  });

  it('a tender takes no bid once its bid period has ended (投标截止, 招标投标法 第二十四、二十八条); a negotiation still does', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const tender = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'open_tender' } });
    const negotiation = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
    const bid = { proposal: '建设客流分析产品。', eligibility: ELIGIBLE };
    // The last day of the period (2025-10-16) still takes bids, until 24:00.
    await world.advance({ to: '2025-10-16T23:00:00+08:00' });
    expect((await world.ao('POST', `/selections/${tender.body.id}/bids`, { as: world.operator, body: bid })).status).toBe(201);
    await world.advance({ to: '2025-10-17T09:00:00+08:00' });
    const late = await world.ao('POST', `/selections/${tender.body.id}/bids`, { as: world.operator, body: bid });
    expectContract('authorized-operation', 'submitBid', late, 409);
    expect(late.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'TENDER_CLOSED', currentState: 'selecting', allowedEvents: [] });
    expect((await world.ao('GET', `/selections/${tender.body.id}`, { as: world.body })).body.bids).toHaveLength(1);
    expect((await world.ao('POST', `/selections/${negotiation.body.id}/bids`, { as: world.operator, body: bid })).status).toBe(201);
  });

  it('a tender may run a longer bid period than the minimum (招标投标法 第二十四条 "最短不得少于二十日"), never a shorter one', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const start = (body: Record<string, unknown>) => world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, ...body } });
    // 20 calendar days from Friday 2025-09-26 end on Thursday 2025-10-16: an earlier deadline is refused, nothing created.
    const short = await start({ method: 'open_tender', bidsCloseOn: '2025-10-15' });
    expectContract('authorized-operation', 'createSelection', short, 400);
    expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/bidsCloseOn', code: 'PERIOD_TOO_SHORT', message: { en: expect.stringContaining('2025-10-16') } }] });
    const negotiation = await start({ method: 'negotiation', bidsCloseOn: '2025-11-14' });
    expectContract('authorized-operation', 'createSelection', negotiation, 400);
    expect(negotiation.body.errors).toMatchObject([{ pointer: '/bidsCloseOn', code: 'FIELD_NOT_APPLICABLE' }]);
    expect((await world.ao('GET', '/selections', { as: world.body })).body.total).toBe(0);
    const tender = await start({ method: 'invited_tender', bidsCloseOn: '2025-11-14' });
    expectContract('authorized-operation', 'createSelection', tender, 201);
    expect(tender.body.deadline).toMatchObject({ step: 'tender_period', startedOn: '2025-09-26', dueDate: '2025-11-14', dueAt: '2025-11-15T00:00:00+08:00' });
    await world.advance({ to: '2025-10-20T10:00:00+08:00' });
    // Past the minimum, within its own period: bids are taken, no operator is selected yet.
    expect((await world.ao('POST', `/selections/${tender.body.id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: ELIGIBLE } })).status).toBe(201);
    // The refusal names the tender's own deadline, not the 20-day minimum.
    expect((await world.official('selection', tender.body.id, 'select', { operatorId: world.operator.id })).body).toMatchObject({ code: 'TENDER_PERIOD_RUNNING', detail: expect.stringContaining('Bids close on 2025-11-14 (24:00): an operator can be selected from 2025-11-15') });
    await world.advance({ to: '2025-11-15T09:00:00+08:00' });
    expect((await world.official('selection', tender.body.id, 'select', { operatorId: world.operator.id })).body.to).toBe('selected');
  });

  it('a tender selects only one of its bidders: another operator answers 400 NOT_A_BIDDER at /operatorId, nothing changes', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const tender = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'open_tender' } });
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    const unbid = await world.official('selection', tender.body.id, 'select', { operatorId: world.operator.id });
    expectContract('simulation', 'actAsOfficial', unbid, 400);
    expect(unbid.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/operatorId', code: 'NOT_A_BIDDER', message: { zh: expect.stringContaining('未在本次选择中投标'), en: expect.stringContaining('did not bid') } }] });
    expect((await world.ao('GET', `/selections/${tender.body.id}`, { as: world.body })).body).toMatchObject({ state: 'selecting', operator: null });
    // A negotiation names whom it negotiated with: no bid needed.
    const negotiation = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
    expect((await world.official('selection', negotiation.body.id, 'select', { operatorId: world.operator.id })).status).toBe(200);
  });

  it('Inner Mongolia: the qualification review passes only an applicant of the call (101号 第七、九条)', async () => {
    const world = await openAoWorld(ctx, { profile: 'inner-mongolia' });
    const plan = await approvedPlan(world);
    const call = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'call_and_review' } });
    await world.official('selection', call.body.id, 'publish_call');
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    const unbid = await world.official('selection', call.body.id, 'pass_review', { operatorId: world.operator.id });
    expectContract('simulation', 'actAsOfficial', unbid, 400);
    expect(unbid.body.errors).toMatchObject([{ pointer: '/operatorId', code: 'NOT_A_BIDDER' }]);
    const still = await world.ao('GET', `/selections/${call.body.id}`, { as: world.body });
    expect(still.body).toMatchObject({ state: 'review', operator: null });
  });

  it('Inner Mongolia: a call takes applications until the closing day it sets (101号 第七条 "在规定时间内"), else for 20 calendar days', async () => {
    const world = await openAoWorld(ctx, { profile: 'inner-mongolia' });
    const plan = await approvedPlan(world);
    const start = async () => (await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'call_and_review' } })).body.id as string;
    const [own, standard, invalid] = [await start(), await start(), await start()];
    // A closing day before today (Friday 2025-09-26) is refused at its field, and nothing changes.
    const before = await world.official('selection', invalid, 'publish_call', { closesOn: '2025-09-25' });
    expectContract('simulation', 'actAsOfficial', before, 400);
    expect(before.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/closesOn', code: 'PERIOD_INVALID' }] });
    expect((await world.ao('GET', `/selections/${invalid}`, { as: world.body })).body.state).toBe('selecting');
    const published = await world.official('selection', own, 'publish_call', { closesOn: '2025-11-14' });
    expect(published.body.object).toMatchObject({ state: 'call_published', deadline: { step: 'call_period', startTrigger: 'call_published', startedOn: '2025-09-26', dueDate: '2025-11-14', dueAt: '2025-11-15T00:00:00+08:00' } });
    expect((await world.official('selection', standard, 'publish_call')).body.object.deadline).toMatchObject({ limit: 20, unit: 'calendar_days', dueDate: '2025-10-16' });
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    // The standard call has closed; the call's own period still takes applications.
    expect((await world.ao('GET', `/selections/${standard}`, { as: world.body })).body.state).toBe('review');
    expect((await world.ao('POST', `/selections/${own}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: ELIGIBLE } })).status).toBe(201);
    await world.advance({ to: '2025-11-15T00:00:00+08:00' });
    expect((await world.ao('GET', `/selections/${own}`, { as: world.body })).body.state).toBe('review');
  });

  it('a clock event the calendar blocked is sent again when the year is loaded: the call period ends into a review reaching 2027', async () => {
    // Inner Mongolia selects by call and review: a call published on 2026-11-20 ends after 20
    // calendar days, and the 20 WD review that follows reaches 2027, whose holiday schedule the
    // calendar does not have.
    const world = await openAoWorld(ctx, { profile: 'inner-mongolia', startAt: '2026-09-01T10:00:00+08:00' });
    const plan = await approvedPlan(world);
    const call = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'call_and_review' } });
    expectContract('authorized-operation', 'createSelection', call, 201);
    await world.advance({ to: '2026-11-20T10:00:00+08:00' });
    expect((await world.official('selection', call.body.id, 'publish_call')).body.object.deadline).toMatchObject({ step: 'call_period', dueDate: '2026-12-10' });
    await world.advance({ to: '2026-12-15T10:00:00+08:00' });
    const read = async () => {
      const reply = await world.ao('GET', `/selections/${call.body.id}`, { as: world.body });
      expectContract('authorized-operation', 'getSelection', reply, 200);
      return reply.body;
    };
    const stopped = await read();
    expect(stopped.state).toBe('call_published');
    expect(stopped.events.at(-1)).toMatchObject({ type: 'action_blocked', actor: { role: 'clock' }, from: 'call_published', to: 'call_published', reason: { code: 'CALENDAR_NOT_PUBLISHED' }, data: { action: 'close_call', year: 2027 } });
    const year = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    expect((await world.sim('PUT', '/calendar/2027', year)).status).toBe(200);
    const moved = await read();
    expect(moved.state).toBe('review');
    const closed = moved.events.at(-1);
    // Sent at the moment the year came, so the review runs from that day, into 2027.
    expect(closed).toMatchObject({ type: 'state_changed', actor: { role: 'clock' }, from: 'call_published', to: 'review', at: '2026-12-15T10:00:00+08:00', deadline: { step: 'qualification_review', startedOn: '2026-12-15' } });
    expect(closed.deadline.dueDate > '2027-01-01').toBe(true);
    const feed = (await world.sim('GET', '/events?limit=200')).body.items.filter((e: { objectId: string }) => e.objectId === call.body.id);
    expect(feed.at(-1)).toMatchObject({ type: 'state_changed', event: { from: 'call_published', to: 'review' } });
    // Loading the year again sends nothing twice.
    expect((await world.sim('PUT', '/calendar/2027', year)).status).toBe(200);
    expect((await read()).events).toHaveLength(moved.events.length);
  });
});
