import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { DATA_USER, ELIGIBLE, EVALUABLE_TERM, approvedPlan, dataAccessBody, designatedAuthorization, expectAllowedAsOffered, openAoWorld, planContent, productBody, signedSelection, useAoMock } from './fixtures.js';

const ctx = useAoMock();

describe('authorized operation: the authorization in force, data access and officials', () => {
  it('evaluates yearly: a rectification within 30 days, a second one fails and ends the data access', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const access = await world.ao('POST', '/data-access-requests', {
      as: world.operator,
      body: { authorizationId, scenario: { name: '线网优化', description: '' }, qualification: '三级等保。', dataNeeds: [world.scopeItem()], method: '平台内建模。', safeguards: '全程日志。' },
    });
    await world.official('data_access_request', access.body.id, 'approve_data_access');
    await world.official('authorization', authorizationId, 'start_evaluation');
    // 30 calendar days from Friday 2025-09-26 end on Sunday 2025-10-26, moved to Monday.
    const rectify = await world.official('authorization', authorizationId, 'order_rectification', { reasons: [{ text: '访问日志不全。' }] });
    expect(rectify.body.object).toMatchObject({ state: 'rectifying', rectifications: 1, deadline: { step: 'rectification', limit: 30, unit: 'calendar_days', dueDate: '2025-10-27' } });
    const reported = await world.ao('POST', `/authorizations/${authorizationId}/rectification-reports`, { as: world.operator, body: { summary: '已补齐日志。' } });
    expectContract('authorized-operation', 'reportRectification', reported, 200);
    expect(reported.body.state).toBe('under_evaluation');
    // The re-evaluation's 30 WD run from the rectification report, and say so.
    expect(reported.body.deadline).toMatchObject({ step: 'evaluation', limit: 30, startTrigger: 'rectification_reported', startedOn: '2025-09-26' });
    const failed = await world.official('authorization', authorizationId, 'order_rectification', { reasons: [{ text: '整改后仍不合格。' }] });
    expect(failed.body.object).toMatchObject({ state: 'terminated', evaluations: [{ result: 'rectify' }, { result: 'failed' }] });
    const ended = await world.ao('GET', `/data-access-requests/${access.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getDataAccessRequest', ended, 200);
    expect(ended.body.state).toBe('ended');
  });

  it('re-evaluates by the clock once the 30 days of a rectification pass without a report, the deadline saying so', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    await world.official('authorization', authorizationId, 'start_evaluation');
    await world.official('authorization', authorizationId, 'order_rectification', { reasons: [{ text: '访问日志不全。' }] });
    await world.advance({ to: '2025-10-28T09:00:00+08:00' });
    const shown = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expect(shown.body).toMatchObject({ state: 'under_evaluation', deadline: { step: 'evaluation', startTrigger: 'rectification_period_ended', startedOn: '2025-10-28' } });
  });

  it('holds data access to the agreement\'s scope (27号 第十四条(一)), refusing an entry outside it and storing nothing', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const body = (dataNeeds: unknown[]) => ({ authorizationId, scenario: { name: '线网优化', description: '' }, qualification: '三级等保。', dataNeeds, method: '平台内建模。', safeguards: '全程日志。' });
    // A published catalog entry, but not one the agreement authorizes.
    const outside = await world.ao('POST', '/data-access-requests', { as: world.operator, body: body([world.scopeItem(), world.scopeItem(1)]) });
    expectContract('authorized-operation', 'submitDataAccessRequest', outside, 422);
    expect(outside.body).toMatchObject({ code: 'OUT_OF_SCOPE', errors: [{ pointer: '/dataNeeds/1/entryId', message: { zh: expect.any(String), en: expect.any(String) } }] });
    expect((await world.ao('GET', '/data-access-requests', { as: world.operator })).body.total).toBe(0);
    const within = await world.ao('POST', '/data-access-requests', { as: world.operator, body: body([world.scopeItem()]) });
    expectContract('authorized-operation', 'submitDataAccessRequest', within, 201);
  });

  it('holds an amended term to the 5-year cap as signing does: a justification nationally, refused in Inner Mongolia', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    await world.official('authorization', authorizationId, 'amend', { amendment: '延长授权期限。' });
    // Signed 2025-09-26, before the term starts 2026-01-05: in force from signing, so 5 years end on 2030-09-25.
    const unjustified = await world.official('authorization', authorizationId, 'approve_amendment', { termEnd: '2031-06-30' });
    expectContract('simulation', 'actAsOfficial', unjustified, 422);
    expect(unjustified.body).toMatchObject({ code: 'TERM_JUSTIFICATION_REQUIRED', errors: [{ pointer: '/justification', message: { zh: expect.any(String), en: expect.any(String) } }] });
    const unchanged = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expect(unchanged.body).toMatchObject({ state: 'amending', agreement: { term: { to: '2029-01-04' } }, termCheck: { outcome: 'ok' } });
    const justified = await world.official('authorization', authorizationId, 'approve_amendment', { termEnd: '2031-06-30', justification: '与基础设施折旧期一致。' });
    expect(justified.body.object).toMatchObject({ state: 'active', agreement: { term: { to: '2031-06-30' } }, termCheck: { outcome: 'warning', code: 'TERM_OVER_CAP_WARNING', justification: '与基础设施折旧期一致。' } });

    const strict = await openAoWorld(ctx, { profile: { name: 'strict-cap', extends: 'national', options: { authorizedOperation: { termPolicy: 'error' } } } });
    const signed = await signedSelection(strict);
    await strict.official('authorization', signed.authorizationId, 'amend', { amendment: '延长授权期限。' });
    // Five years of the term (to 2031-01-04) would keep it in force more than five years from the signing.
    const refused = await strict.official('authorization', signed.authorizationId, 'approve_amendment', { termEnd: '2031-01-04', justification: '理由。' });
    expect(refused.body).toMatchObject({ code: 'TERM_EXCEEDS_CAP', errors: [{ pointer: '/termEnd' }] });
    const within = await strict.official('authorization', signed.authorizationId, 'approve_amendment', { termEnd: '2030-09-25' });
    expect(within.body.object).toMatchObject({ state: 'active', termCheck: { outcome: 'ok', measuredFrom: '2025-09-26', capEndsOn: '2030-09-25' } });
  });

  it('a suspension closes data access until the operator files its feedback and the data authority reinstates (101号 第三十二条)', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const body = { authorizationId, scenario: { name: '线网优化', description: '' }, qualification: '三级等保。', dataNeeds: [world.scopeItem()], method: '平台内建模。', safeguards: '全程日志。' };
    const open = await world.ao('POST', '/data-access-requests', { as: world.operator, body });
    await world.official('data_access_request', open.body.id, 'approve_data_access');
    const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body });
    await world.official('authorization', authorizationId, 'suspend', { reasons: [{ text: '违规使用公共数据。' }] });
    // 暂停其公共数据申请及加工利用使用权限: no new request, no approval, approved permissions suspended.
    const submitted = await world.ao('POST', '/data-access-requests', { as: world.operator, body });
    expectContract('authorized-operation', 'submitDataAccessRequest', submitted, 409);
    const approval = await world.official('data_access_request', pending.body.id, 'approve_data_access');
    expect(approval.status).toBe(409);
    expect(approval.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'AUTHORIZATION_NOT_ACTIVE' });
    await expectAllowedAsOffered(world, 'data_access_request', pending.body.id, 'approve_data_access', approval);
    expect((await world.ao('GET', `/data-access-requests/${pending.body.id}`, { as: world.operator })).body.state).toBe('submitted');
    const suspended = await world.ao('GET', `/data-access-requests/${open.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getDataAccessRequest', suspended, 200);
    expect(suspended.body).toMatchObject({ state: 'approved', accessSuspended: true });
    // Reinstated only once the operator fed back its rectification (反馈改正情况).
    const early = await world.official('authorization', authorizationId, 'reinstate');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'FEEDBACK_REQUIRED', currentState: 'suspended' });
    await expectAllowedAsOffered(world, 'authorization', authorizationId, 'reinstate', early);
    const byBody = await world.ao('POST', `/authorizations/${authorizationId}/suspension-feedback`, { as: world.body, body: { summary: '已整改。' } });
    expectContract('authorized-operation', 'fileSuspensionFeedback', byBody, 403);
    const fed = await world.ao('POST', `/authorizations/${authorizationId}/suspension-feedback`, { as: world.operator, body: { summary: '已停止违规使用并完成整改。' } });
    expectContract('authorized-operation', 'fileSuspensionFeedback', fed, 200);
    expect(fed.body).toMatchObject({ state: 'suspended', deadline: null });
    expect(fed.body.events.at(-1)).toMatchObject({ type: 'feedback_filed', data: { feedback: { summary: '已停止违规使用并完成整改。' } } });
    const reinstated = await world.official('authorization', authorizationId, 'reinstate');
    expect(reinstated.body.object.state).toBe('active');
    expect((await world.ao('GET', `/data-access-requests/${open.body.id}`, { as: world.operator })).body.accessSuspended).toBe(false);
    // A later suspension needs feedback of its own.
    await world.official('authorization', authorizationId, 'suspend', { reasons: [{ text: '再次违规。' }] });
    expect((await world.official('authorization', authorizationId, 'reinstate')).body.reasonCode).toBe('FEEDBACK_REQUIRED');
  });

  it('keeps the term\'s deadline from the signing day, with the agreed period, across a suspension', async () => {
    const world = await openAoWorld(ctx);
    // Signed on 2025-09-26 for two years: the agreed term, not the 5-year cap, is the period applied.
    const { authorizationId } = await signedSelection(world, { from: '2025-09-26', to: '2027-09-26' });
    const term = { step: 'term', startTrigger: 'agreement_signed', startedOn: '2025-09-26', dueDate: '2027-09-26', limit: 2, unit: 'years' };
    expect((await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator })).body.deadline).toMatchObject(term);
    await world.advance({ to: '2025-10-20T10:00:00+08:00' });
    await world.official('authorization', authorizationId, 'suspend', { reasons: [{ text: '违规使用公共数据。' }] });
    await world.ao('POST', `/authorizations/${authorizationId}/suspension-feedback`, { as: world.operator, body: { summary: '已整改。' } });
    const reinstated = await world.official('authorization', authorizationId, 'reinstate');
    expect(reinstated.body.object).toMatchObject({ state: 'active', deadline: term });
  });

  it('shows a term ending on the anniversary\'s month end as whole years, as the civil code counts them (民法典 第二百零二条)', async () => {
    // Signed on 29 February: three years end on 28 February, the month having no 29th.
    const world = await openAoWorld(ctx, { startAt: '2024-02-29T10:00:00+08:00' });
    const { authorizationId } = await signedSelection(world, { from: '2024-02-29', to: '2027-02-28' });
    const shown = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expectContract('authorized-operation', 'getAuthorization', shown, 200);
    expect(shown.body.deadline).toMatchObject({ step: 'term', startedOn: '2024-02-29', dueDate: '2027-02-28', limit: 3, unit: 'years' });
    // A day short of it is not whole years: calendar days, the start day not counted.
    const shorter = await signedSelection(world, { from: '2024-02-29', to: '2027-02-27' });
    const days = await world.ao('GET', `/authorizations/${shorter.authorizationId}`, { as: world.operator });
    expect(days.body.deadline).toMatchObject({ startedOn: '2024-02-29', dueDate: '2027-02-27', limit: 1094, unit: 'calendar_days' });
  });

  it('runs the evaluation\'s 30 WD from the annual report on the evaluated year, or from the start until one is filed', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-01-02', to: '2027-12-31' });
    const report = { year: 2025, status: '无数据安全事件。', costs: { totalFen: 0, subsidiesFen: 0 }, revenueFen: 0, profitFen: 0, products: [] };
    await world.advance({ to: '2026-02-02T09:00:00+08:00' });
    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: report }), 201);
    await world.advance({ to: '2026-03-02T09:00:00+08:00' });
    // Started a month after the report on 2025, the evaluation is due 30 WD after the report (over the Spring Festival, 2 make-up Saturdays).
    const started = await world.official('authorization', authorizationId, 'start_evaluation');
    expect(started.body.object.deadline).toMatchObject({ step: 'evaluation', limit: 30, startTrigger: 'annual_report_submitted', startedOn: '2026-02-02', dueDate: '2026-03-20' });
    await world.official('authorization', authorizationId, 'pass_evaluation', { evaluation: { result: 'passed' } });

    // Started before the year's report, the evaluation runs from its start until the report arrives.
    const early = await openAoWorld(ctx);
    const signed = await signedSelection(early, { from: '2025-01-02', to: '2027-12-31' });
    await early.advance({ to: '2026-02-02T09:00:00+08:00' });
    const waiting = await early.official('authorization', signed.authorizationId, 'start_evaluation');
    expect(waiting.body.object.deadline).toMatchObject({ startTrigger: 'evaluation_started', startedOn: '2026-02-02', dueDate: '2026-03-20' });
    await early.advance({ to: '2026-02-09T09:00:00+08:00' });
    await early.ao('POST', `/authorizations/${signed.authorizationId}/annual-reports`, { as: early.grantor, body: report });
    const restarted = await early.ao('GET', `/authorizations/${signed.authorizationId}`, { as: early.operator });
    expect(restarted.body).toMatchObject({ state: 'under_evaluation', deadline: { startTrigger: 'annual_report_submitted', startedOn: '2026-02-09', dueDate: '2026-03-27' } });
    expect(restarted.body.events.at(-1)).toMatchObject({ type: 'annual_report_filed', actor: { role: 'clock' }, data: { annualReportOn: '2026-02-09' } });
  });

  it('expires at the end of the agreed term, by the clock', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-10-01', to: '2025-12-31' });
    const advanced = await world.advance({ to: '2026-01-02T00:00:00+08:00' });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ platform: 'authorized-operation', objectType: 'authorization', objectId: authorizationId, to: 'expired', at: '2026-01-01T00:00:00+08:00' }));
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events`, { as: world.body });
    expectContract('authorized-operation', 'listAuthorizationEvents', events, 200);
    expect(events.body.items.at(-1)).toMatchObject({ from: 'active', to: 'expired', actor: { role: 'clock' }, reason: { code: 'TERM_ENDED', text: expect.stringContaining('term ended') } });
    // The same code as an expiry from any other running state (below).
    const expired = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expectContract('authorized-operation', 'getAuthorization', expired, 200);
    expect(expired.body).toMatchObject({ state: 'expired', reasons: [{ code: 'TERM_ENDED', text: expect.stringMatching(/^授权运营期限届满.* \/ The term ended/) }] });
  });

  it('ends the data access with the authorization: a pending request too, with the reason, never approved after (101号 第三十七条)', async () => {
    // Expired: a request submitted on the term's last day ends at 24:00 with it.
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-10-01', to: '2025-12-31' });
    await world.advance({ to: '2025-12-31T10:00:00+08:00' });
    const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    const product = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
    await world.ao('POST', `/products/${product.body.id}/submissions`, { as: world.operator, body: {} });
    await world.advance({ to: '2026-01-02T00:00:00+08:00' });
    const ended = await world.ao('GET', `/data-access-requests/${pending.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getDataAccessRequest', ended, 200);
    expect(ended.body).toMatchObject({ state: 'ended', deadline: null, reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE', text: expect.stringContaining('expired') }] });
    // The product under review is rejected with a reason about products, not data access.
    const rejected = await world.ao('GET', `/products/${product.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getProduct', rejected, 200);
    expect(rejected.body).toMatchObject({ state: 'rejected', reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE', text: expect.stringMatching(/产品.*expired.*product/) }] });
    expect(rejected.body.reasons[0].text).not.toMatch(/数据使用|data access/);
    expect(ended.body.events.at(-1)).toMatchObject({ from: 'submitted', to: 'ended', actor: { role: 'clock' }, at: '2026-01-01T00:00:00+08:00' });
    expect((await world.sim('GET', `/objects/authorized-operation/data_access_request/${pending.body.id}/timeline`)).body.allowedActions).toEqual([]);
    expect((await world.official('data_access_request', pending.body.id, 'approve_data_access')).status).toBe(409);

    // Revoked: the pending request ends as the approved one does.
    const revokedWorld = await openAoWorld(ctx);
    const signed = await signedSelection(revokedWorld);
    const body = dataAccessBody(revokedWorld, signed.authorizationId);
    const approved = await revokedWorld.ao('POST', '/data-access-requests', { as: revokedWorld.operator, body });
    await revokedWorld.official('data_access_request', approved.body.id, 'approve_data_access');
    const waiting = await revokedWorld.ao('POST', '/data-access-requests', { as: revokedWorld.operator, body });
    await revokedWorld.official('authorization', signed.authorizationId, 'revoke', { reasons: [{ text: '严重违约。' }] });
    const refused = await revokedWorld.official('data_access_request', waiting.body.id, 'approve_data_access');
    expect(refused.status).toBe(409);
    for (const id of [approved.body.id, waiting.body.id]) expect((await revokedWorld.ao('GET', `/data-access-requests/${id}`, { as: revokedWorld.operator })).body.state).toBe('ended');
    expect((await revokedWorld.ao('GET', `/data-access-requests/${waiting.body.id}`, { as: revokedWorld.operator })).body.reasons).toEqual([{ code: 'AUTHORIZATION_NOT_ACTIVE', text: expect.stringContaining('terminated') }]);
  });

  it('withdraws a listed product with the authorization, by the clock at the term end and on revocation (101号 第三十七条)', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-10-01', to: '2025-12-31' });
    const product = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
    await world.ao('POST', `/products/${product.body.id}/submissions`, { as: world.operator, body: {} });
    await world.official('product', product.body.id, 'pass_compliance_review');
    const disclosed = async () => (await world.ao('GET', '/public/products', { as: world.body })).body.items.map((p: { productId: string }) => p.productId);
    expect(await disclosed()).toContain(product.body.id);
    const advanced = await world.advance({ to: '2026-01-02T00:00:00+08:00' });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ objectType: 'product', objectId: product.body.id, from: 'listed', to: 'withdrawn', at: '2026-01-01T00:00:00+08:00' }));
    const withdrawn = await world.ao('GET', `/products/${product.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getProduct', withdrawn, 200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', listedOn: '2025-09-26', reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE', text: expect.stringMatching(/产品下架.*expired.*withdrawn/) }] });
    expect(withdrawn.body.events.at(-1)).toMatchObject({ from: 'listed', to: 'withdrawn', actor: { role: 'clock' }, at: '2026-01-01T00:00:00+08:00' });
    // Off the public list, and no fee is set on it any more.
    expect(await disclosed()).not.toContain(product.body.id);
    const fee = await world.ao('POST', `/products/${product.body.id}/fees`, { as: world.operator, body: { actualFen: 100, effectiveFrom: '2026-01-05', displayed: true } });
    expect(fee.status).toBe(409);
    expect((await world.sim('GET', `/objects/authorized-operation/product/${product.body.id}/timeline`)).body.allowedActions).toEqual([]);

    // Revoked: the same, at once.
    const revokedWorld = await openAoWorld(ctx);
    const signed = await signedSelection(revokedWorld);
    const listed = await revokedWorld.ao('POST', '/products', { as: revokedWorld.operator, body: productBody(revokedWorld, signed.authorizationId) });
    await revokedWorld.ao('POST', `/products/${listed.body.id}/submissions`, { as: revokedWorld.operator, body: {} });
    await revokedWorld.official('product', listed.body.id, 'pass_compliance_review');
    await revokedWorld.official('authorization', signed.authorizationId, 'revoke', { reasons: [{ text: '严重违约。' }] });
    const ended = await revokedWorld.ao('GET', `/products/${listed.body.id}`, { as: revokedWorld.operator });
    expect(ended.body).toMatchObject({ state: 'withdrawn', reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE', text: expect.stringContaining('terminated') }] });
  });

  it('approves no data access while the early termination is requested, and ends the pending request with the authorization', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    await world.ao('POST', `/authorizations/${authorizationId}/termination-requests`, { as: world.operator, body: { reason: '业务调整。' } });
    const timeline = await world.sim('GET', `/objects/authorized-operation/data_access_request/${pending.body.id}/timeline`);
    expectContract('simulation', 'getObjectTimeline', timeline, 200);
    // Still refusable with reasons; no longer approvable.
    const offered = timeline.body.allowedActions.map((a: { action: string }) => a.action);
    expect(offered).toContain('reject_data_access');
    expect(offered).not.toContain('approve_data_access');
    const approval = await world.official('data_access_request', pending.body.id, 'approve_data_access');
    expect(approval.status).toBe(409);
    expect(approval.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'AUTHORIZATION_NOT_ACTIVE' });
    const unchanged = await world.ao('GET', `/data-access-requests/${pending.body.id}`, { as: world.operator });
    expect(unchanged.body).toMatchObject({ state: 'submitted', accessSuspended: false });
    await world.official('authorization', authorizationId, 'approve_termination');
    expect((await world.ao('GET', `/data-access-requests/${pending.body.id}`, { as: world.operator })).body.state).toBe('ended');
  });

  it('expires at the end of the term while the early termination is still requested, ending the request and the data access with it', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-10-01', to: '2025-12-31' });
    const approved = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    await world.official('data_access_request', approved.body.id, 'approve_data_access');
    const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    await world.advance({ to: '2025-12-20T10:00:00+08:00' });
    await world.ao('POST', `/authorizations/${authorizationId}/termination-requests`, { as: world.operator, body: { reason: '业务调整。' } });
    // The grantor has not decided when the term ends at 24:00 on 2025-12-31.
    const advanced = await world.advance({ to: '2026-01-02T00:00:00+08:00' });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ objectType: 'authorization', objectId: authorizationId, from: 'termination_requested', to: 'expired', at: '2026-01-01T00:00:00+08:00' }));
    const expired = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expectContract('authorized-operation', 'getAuthorization', expired, 200);
    expect(expired.body).toMatchObject({ state: 'expired', deadline: null, reasons: [{ code: 'TERM_ENDED', text: expect.stringContaining('lapsed') }] });
    expect(expired.body.events.at(-1)).toMatchObject({ from: 'termination_requested', to: 'expired', actor: { role: 'clock' }, reason: { code: 'TERM_ENDED' } });
    for (const id of [approved.body.id, pending.body.id]) expect((await world.ao('GET', `/data-access-requests/${id}`, { as: world.operator })).body.state).toBe('ended');
    const late = await world.official('authorization', authorizationId, 'approve_termination');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'expired', allowedEvents: [] });
  });

  it('ends with its term in any running state, by the term in force: an amended end is not cut short by the old one', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-10-01', to: '2025-12-31' });
    await world.official('authorization', authorizationId, 'amend', { amendment: '延长授权期限。' });
    await world.official('authorization', authorizationId, 'approve_amendment', { termEnd: '2026-06-30' });
    await world.official('authorization', authorizationId, 'suspend', { reasons: [{ text: '违规使用公共数据。' }] });
    // The old end (2025-12-31) passes: the amended term still runs.
    await world.advance({ to: '2026-01-02T00:00:00+08:00' });
    expect((await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator })).body.state).toBe('suspended');
    const advanced = await world.advance({ to: '2026-07-02T00:00:00+08:00' });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ objectId: authorizationId, from: 'suspended', to: 'expired', at: '2026-07-01T00:00:00+08:00' }));

    // Under evaluation, through a rectification, to the term's end.
    const other = await openAoWorld(ctx);
    // Its first year (2024) has ended: it can be evaluated.
    const evaluated = await signedSelection(other, { from: '2024-10-01', to: '2025-12-31' });
    expect((await other.official('authorization', evaluated.authorizationId, 'start_evaluation')).status).toBe(200);
    await other.advance({ to: '2025-12-15T10:00:00+08:00' });
    await other.official('authorization', evaluated.authorizationId, 'order_rectification', { reasons: [{ text: '访问日志不全。' }] });
    await other.advance({ to: '2026-03-02T00:00:00+08:00' });
    const ended = await other.ao('GET', `/authorizations/${evaluated.authorizationId}`, { as: other.operator });
    expect(ended.body).toMatchObject({ state: 'expired', reasons: [{ code: 'TERM_ENDED' }] });
    expect(ended.body.events.at(-1)).toMatchObject({ to: 'expired', at: '2026-01-01T00:00:00+08:00' });
  });

  it('the operator asks to end early and the grantor decides', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const forbidden = await world.ao('POST', `/authorizations/${authorizationId}/termination-requests`, { as: world.body, body: { reason: '业务调整。' } });
    expectContract('authorized-operation', 'requestTermination', forbidden, 403);
    const asked = await world.ao('POST', `/authorizations/${authorizationId}/termination-requests`, { as: world.operator, body: { reason: '业务调整。' } });
    expectContract('authorized-operation', 'requestTermination', asked, 200);
    expect(asked.body).toMatchObject({ state: 'termination_requested', reasons: [{ text: '业务调整。' }], deadline: { step: 'termination_request', limit: 20 } });
    const approved = await world.official('authorization', authorizationId, 'approve_termination');
    expect(approved.body.event).toMatchObject({ from: 'termination_requested', to: 'terminated', actor: { role: 'grantor' } });
  });

  it('Xiamen: the 一级 designated; a 二级 applies, is reviewed within 5 WD and the agreement reported', async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    const user = world.org(DATA_USER);
    // A 二级 applies from the published catalogs, beyond the 一级's own agreed scope (dataAccessScope: catalog).
    const body = { authorizationId, scenario: { name: '商业选址', description: '' }, qualification: '近三年无安全事件。', dataNeeds: [world.scopeItem(), world.scopeItem(1)], method: '平台内分析。', safeguards: '脱敏。', eligibility: ELIGIBLE };
    // Only a 二级开发主体 (data_user) applies in Xiamen.
    const byBody = await world.ao('POST', '/data-access-requests', { as: world.body, body });
    expectContract('authorized-operation', 'submitDataAccessRequest', byBody, 403);
    // A 二级 states the security conditions of 第十五条 it meets: one missing, or stated unmet, is refused, nothing stored.
    const unstated: Partial<typeof body> = { ...body };
    delete unstated.eligibility;
    const missing = await world.ao('POST', '/data-access-requests', { as: user, body: unstated });
    expectContract('authorized-operation', 'submitDataAccessRequest', missing, 400);
    expect(missing.body.errors).toMatchObject([{ pointer: '/eligibility/noSecurityIncidentsLast3Years', code: 'REQUIRED' }]);
    const unmet = await world.ao('POST', '/data-access-requests', { as: user, body: { ...body, eligibility: { goodCredit: true, notBlacklisted: true, noSecurityIncidentsLast3Years: false } } });
    expectContract('authorized-operation', 'submitDataAccessRequest', unmet, 400);
    expect(unmet.body.errors).toMatchObject([{ pointer: '/eligibility/noSecurityIncidentsLast3Years', code: 'ELIGIBILITY_NOT_MET', message: { zh: expect.stringContaining('不满足资格条件') } }]);
    expect((await world.ao('GET', '/data-access-requests', { as: user })).body.total).toBe(0);
    const applied = await world.ao('POST', '/data-access-requests', { as: user, body });
    expectContract('authorized-operation', 'submitDataAccessRequest', applied, 201);
    expect(applied.body.deadline).toMatchObject({ step: 'data_access_review', limit: 5, dueDate: '2025-10-10' });
    const inbox = await world.ao('GET', '/data-access-requests', { as: world.operator });
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toEqual([applied.body.id]);
    // The 二级 lists its own request too (it is in both lists).
    const own = await world.ao('GET', '/data-access-requests?state=submitted', { as: user });
    expectContract('authorized-operation', 'listDataAccessRequests', own, 200);
    expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([applied.body.id]);
    const approved = await world.official('data_access_request', applied.body.id, 'approve_data_access');
    expect(approved.body.event.actor).toMatchObject({ role: 'operator', organizationId: world.operator.id });
    // The report's 5 WD run from the signing it states (ambiguity 5): nothing is due before it.
    expect(approved.body.object).toMatchObject({ deadline: null, agreementReportDuty: null });
    const report = { signedOn: '2025-09-26', serviceFeeFen: 2_000_000, agreement: { name: '开发利用协议.pdf', mediaType: 'application/pdf', digest: `sha256:${'ab'.repeat(32)}`, size: 1024 } };
    const reported = await world.ao('POST', `/data-access-requests/${applied.body.id}/agreement-reports`, { as: world.operator, body: report });
    expectContract('authorized-operation', 'reportDataAccessAgreement', reported, 200);
    expect(reported.body).toMatchObject({ state: 'approved', agreementReportedOn: '2025-09-26', deadline: null, agreementReportDuty: { startedOn: '2025-09-26', dueDate: '2025-10-10', late: false } });
    const twice = await world.ao('POST', `/data-access-requests/${applied.body.id}/agreement-reports`, { as: world.operator, body: report });
    expectContract('authorized-operation', 'reportDataAccessAgreement', twice, 409);
    // The report is made once: its second refusal does not offer it again.
    expect(twice.body).toMatchObject({ reasonCode: 'ALREADY_REPORTED' });
    expect(twice.body.allowedEvents).not.toContain('report_agreement');
    expect(twice.body.detail).not.toMatch(/allowed:.*report_agreement/);
  });

  it('Xiamen: a 二级 states exactly its profile\'s security conditions (厦门办法 第十五条), no bidder\'s good credit', async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    const user = world.org(DATA_USER);
    const eligibility = { noSecurityIncidentsLast3Years: true, notBlacklisted: true };
    const body = { ...dataAccessBody(world, authorizationId), eligibility };
    const applied = await world.ao('POST', '/data-access-requests', { as: user, body });
    expectContract('authorized-operation', 'submitDataAccessRequest', applied, 201);
    expect(applied.body).toMatchObject({ state: 'submitted', submission: { eligibility } });
  });

  it('a bid still states its profile\'s good credit: the profile, not the schema, asks for it', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
    const bid = await world.ao('POST', `/selections/${selection.body.id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: {} } });
    expectContract('authorized-operation', 'submitBid', bid, 400);
    expect(bid.body.errors).toMatchObject([{ pointer: '/eligibility/goodCredit', code: 'REQUIRED', message: { zh: expect.any(String), en: expect.any(String) } }]);
  });

  it('Xiamen: the timeline offers the 一级\'s review as the operator\'s, as POST /actions takes it, also while the authorization is amending', async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    const body = { authorizationId, scenario: { name: '商业选址', description: '' }, qualification: '近三年无安全事件。', dataNeeds: [world.scopeItem()], method: '平台内分析。', safeguards: '脱敏。', eligibility: ELIGIBLE };
    const applied = await world.ao('POST', '/data-access-requests', { as: world.org(DATA_USER), body });
    const timeline = async () => {
      const reply = await world.sim('GET', `/objects/authorized-operation/data_access_request/${applied.body.id}/timeline`);
      expectContract('simulation', 'getObjectTimeline', reply, 200);
      return reply.body.allowedActions.map((a: { action: string; role: string }) => `${a.action} ${a.role}`);
    };
    expect(await timeline()).toEqual(['approve_data_access operator', 'reject_data_access operator']);

    // While amending nothing is approved; the refusal names what the timeline offers, and that is taken.
    await world.official('authorization', authorizationId, 'amend', { amendment: '调整授权范围。' });
    expect(await timeline()).toEqual(['reject_data_access operator']);
    const held = await world.official('data_access_request', applied.body.id, 'approve_data_access');
    expectContract('simulation', 'actAsOfficial', held, 409);
    expect(held.body).toMatchObject({ reasonCode: 'AUTHORIZATION_NOT_ACTIVE', allowedEvents: ['reject_data_access'] });
    await expectAllowedAsOffered(world, 'data_access_request', applied.body.id, 'approve_data_access', held);

    await world.official('authorization', authorizationId, 'approve_amendment');
    const approved = await world.official('data_access_request', applied.body.id, 'approve_data_access');
    expect(approved.body.event).toMatchObject({ to: 'approved', actor: { role: 'operator', organizationId: world.operator.id } });
  });

  it('Xiamen: the 开发利用协议 is due 5 WD from the signing the report states, not from the approval (ambiguity 5)', async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    const user = world.org(DATA_USER);
    const body = { authorizationId, scenario: { name: '商业选址', description: '' }, qualification: '近三年无安全事件。', dataNeeds: [world.scopeItem()], method: '平台内分析。', safeguards: '脱敏。', eligibility: ELIGIBLE };
    const approvedRequest = async () => {
      const applied = await world.ao('POST', '/data-access-requests', { as: user, body });
      await world.official('data_access_request', applied.body.id, 'approve_data_access');
      return applied.body.id as string;
    };
    const [onTime, late] = [await approvedRequest(), await approvedRequest()];
    const report = (signedOn: string) => ({ signedOn, agreement: { name: '开发利用协议.pdf', mediaType: 'application/pdf', digest: `sha256:${'cd'.repeat(32)}`, size: 2048 } });
    // Approved on Friday 2025-09-26; 5 WD from then end on 2025-10-10, but the agreement may be signed later.
    await world.advance({ to: '2025-10-14T10:00:00+08:00' });
    const waiting = await world.ao('GET', `/data-access-requests/${onTime}`, { as: world.operator });
    expect(waiting.body).toMatchObject({ state: 'approved', deadline: null, agreementReportDuty: null });
    // An agreement is signed once the application is approved (第十二条 审核通过的…签订), and not in the future.
    for (const signedOn of ['2025-09-25', '2025-10-15']) {
      const refused = await world.ao('POST', `/data-access-requests/${onTime}/agreement-reports`, { as: world.operator, body: report(signedOn) });
      expectContract('authorized-operation', 'reportDataAccessAgreement', refused, 400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/signedOn', message: { zh: expect.any(String), en: expect.any(String) } }] });
    }
    expect((await world.ao('GET', `/data-access-requests/${onTime}`, { as: world.operator })).body.agreementReportedOn).toBeNull();
    const inTime = await world.ao('POST', `/data-access-requests/${onTime}/agreement-reports`, { as: world.operator, body: report('2025-10-13') });
    expectContract('authorized-operation', 'reportDataAccessAgreement', inTime, 200);
    expect(inTime.body.agreementReportDuty).toMatchObject({ limit: 5, unit: 'working_days', startTrigger: 'agreement_signed', startedOn: '2025-10-13', dueDate: '2025-10-20', reportedOn: '2025-10-14', late: false });
    // Signed Monday 2025-09-29: 5 WD (the National Day week off, Saturday 10-11 worked) end on 10-13.
    const lateReport = await world.ao('POST', `/data-access-requests/${late}/agreement-reports`, { as: world.operator, body: report('2025-09-29') });
    expect(lateReport.body.agreementReportDuty).toMatchObject({ startedOn: '2025-09-29', dueDate: '2025-10-13', late: true });
  });

  it('Xiamen: an agreement report whose 5 WD reach a year without a published calendar is an estimate, never late on it, judged once the year is loaded', async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    const body = { authorizationId, scenario: { name: '商业选址', description: '' }, qualification: '近三年无安全事件。', dataNeeds: [world.scopeItem()], method: '平台内分析。', safeguards: '脱敏。', eligibility: ELIGIBLE };
    const applied = await world.ao('POST', '/data-access-requests', { as: world.org(DATA_USER), body });
    await world.official('data_access_request', applied.body.id, 'approve_data_access');
    // Signed Monday 2026-12-28, reported Wednesday 2027-01-06 (the clock moved to an instant, which needs no schedule).
    await world.advance({ to: '2027-01-06T10:00:00+08:00' });
    const report = { signedOn: '2026-12-28', agreement: { name: '开发利用协议.pdf', mediaType: 'application/pdf', digest: `sha256:${'ef'.repeat(32)}`, size: 512 } };
    const reported = await world.ao('POST', `/data-access-requests/${applied.body.id}/agreement-reports`, { as: world.operator, body: report });
    expectContract('authorized-operation', 'reportDataAccessAgreement', reported, 200);
    // 12-29 … 12-31, then 2027 counted Monday–Friday: Friday 01-01 and Monday 01-04. Past that estimate, yet not judged late on it.
    const estimated = { startedOn: '2026-12-28', dueDate: '2027-01-04', dueAt: '2027-01-05T00:00:00+08:00', reportedOn: '2027-01-06', late: false, estimate: true, unpublishedYears: [2027] };
    expect(reported.body).toMatchObject({ state: 'approved', agreementReportedOn: '2027-01-06', agreementReportDuty: estimated });

    expect((await world.sim('PUT', '/calendar/2027', { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] })).status).toBe(200);
    // On the loaded year (元旦 off) the period ends on Tuesday 01-05: the report on 01-06 came after it.
    const judged = await world.ao('GET', `/data-access-requests/${applied.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getDataAccessRequest', judged, 200);
    expect(judged.body.agreementReportDuty).toMatchObject({ ...estimated, dueDate: '2027-01-05', dueAt: '2027-01-06T00:00:00+08:00', late: true, estimate: false, unpublishedYears: [] });
  });

  it('lists its objects and their timelines with the officials\' actions they take now', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const objects = await world.sim('GET', '/objects?platform=authorized-operation');
    expectContract('simulation', 'listObjects', objects, 200);
    expect(objects.body.items.map((o: { objectType: string }) => o.objectType).sort()).toEqual(['authorization', 'plan', 'selection']);
    const timeline = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
    expectContract('simulation', 'getObjectTimeline', timeline, 200);
    const actions = timeline.body.allowedActions.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['suspend', 'revoke', 'set_mar', 'set_ceiling']));
    // No year of the term (from 2026-01-05) has ended: there is no evaluation to start yet.
    expect(actions).not.toContain('start_evaluation');
    const setMar = timeline.body.allowedActions.find((a: { action: string }) => a.action === 'set_mar');
    expect(setMar.fields.filter((f: { required: boolean }) => f.required).map((f: { name: string }) => f.name).sort()).toEqual(['bondYieldBasisPoints', 'costFen', 'rateBasisPoints', 'taxFen', 'year']);
  });

  it('auto officials deliberate and file plans and review products within their limits', async () => {
    const world = await openAoWorld(ctx, { reviewerPolicy: { mode: 'auto' } });
    const plan = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    await world.ao('POST', `/plans/${plan.body.id}/submissions`, { as: world.body, body: {} });
    await world.advance({ to: '2025-12-31T00:00:00+08:00' });
    const decided = await world.ao('GET', `/plans/${plan.body.id}`, { as: world.body });
    expect(decided.body).toMatchObject({ state: 'approved', deadline: null });
    expect(decided.body.filedOn).not.toBeNull();
    const events = decided.body.events.map((e: { type: string; to: string; actor: { role: string } }) => `${e.actor.role}:${e.type}>${e.to}`);
    expect(events).toEqual(['implementing_body:state_changed>drafting', 'implementing_body:state_changed>under_deliberation', 'grantor:state_changed>approved', 'data_authority:plan_filed>approved']);
  });
});
