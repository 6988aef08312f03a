import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { EVALUABLE_TERM, dataAccessBody, expectAllowedAsOffered, openAoWorld, productBody, signedSelection, useAoMock, type AoWorld } from './fixtures.js';

const ctx = useAoMock();

/** A request pending, a request approved and a product under compliance review, all within `authorizationId`. */
async function pendingWork(world: AoWorld, authorizationId: string) {
  const approved = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
  await world.official('data_access_request', approved.body.id, 'approve_data_access');
  const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
  const product = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
  await world.ao('POST', `/products/${product.body.id}/submissions`, { as: world.operator, body: {} });
  return { approvedId: approved.body.id as string, pendingId: pending.body.id as string, productId: product.body.id as string };
}

/** Takes the authorization from `active` to `state` (through an evaluation for `rectifying`). */
async function enter(world: AoWorld, authorizationId: string, state: string): Promise<void> {
  if (state === 'amending') await world.official('authorization', authorizationId, 'amend', { amendment: '调整授权范围。' });
  if (state === 'under_evaluation' || state === 'rectifying') expect((await world.official('authorization', authorizationId, 'start_evaluation')).status).toBe(200);
  if (state === 'rectifying') await world.official('authorization', authorizationId, 'order_rectification', { reasons: [{ text: '访问日志不全。' }] });
  if (state === 'suspended') await world.official('authorization', authorizationId, 'suspend', { reasons: [{ text: '违规使用公共数据。' }] });
  const now = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
  expect(now.body.state).toBe(state);
}

/** Back to `active` from `state`. */
async function leave(world: AoWorld, authorizationId: string, state: string): Promise<void> {
  if (state === 'amending') await world.official('authorization', authorizationId, 'approve_amendment');
  if (state === 'rectifying') await world.ao('POST', `/authorizations/${authorizationId}/rectification-reports`, { as: world.operator, body: { summary: '已补齐日志。' } });
  if (state === 'under_evaluation' || state === 'rectifying') await world.official('authorization', authorizationId, 'pass_evaluation', { evaluation: { result: 'passed' } });
  if (state === 'suspended') {
    await world.ao('POST', `/authorizations/${authorizationId}/suspension-feedback`, { as: world.operator, body: { summary: '已整改。' } });
    await world.official('authorization', authorizationId, 'reinstate');
  }
  expect((await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator })).body.state).toBe('active');
}

/** The refusal of an approval while the authorization is not active: 409, the object unchanged, `allowedEvents` what its timeline offers. */
async function expectHeld(world: AoWorld, objectType: string, objectId: string, action: string, state: string): Promise<void> {
  const refused = await world.official(objectType, objectId, action);
  expectContract('simulation', 'actAsOfficial', refused, 409);
  expect(refused.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'AUTHORIZATION_NOT_ACTIVE', currentState: state });
  await expectAllowedAsOffered(world, objectType, objectId, action, refused);
}

describe('authorized operation: no new permissions while the authorization is not active', () => {
  it.each(['amending', 'under_evaluation', 'rectifying'])('%s: approvals wait for active again; approved access stays open', async (state) => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const { approvedId, pendingId, productId } = await pendingWork(world, authorizationId);
    await enter(world, authorizationId, state);

    await expectHeld(world, 'data_access_request', pendingId, 'approve_data_access', 'submitted');
    const offered = (await world.sim('GET', `/objects/authorized-operation/data_access_request/${pendingId}/timeline`)).body.allowedActions.map((a: { action: string }) => a.action);
    expect(offered).toContain('reject_data_access');
    const pending = await world.ao('GET', `/data-access-requests/${pendingId}`, { as: world.operator });
    expectContract('authorized-operation', 'getDataAccessRequest', pending, 200);
    expect(pending.body).toMatchObject({ state: 'submitted', accessSuspended: false });
    // Closed as the authorization left `active` (a rectification follows the evaluation that closed it).
    expect(pending.body.events.at(-1)).toMatchObject({ type: 'approval_closed', actor: { role: 'clock' }, data: { authorizationState: state === 'rectifying' ? 'under_evaluation' : state } });
    await expectHeld(world, 'product', productId, 'pass_compliance_review', 'compliance_review');
    // Granted permissions are not suspended: only 101号 第三十二条 suspends them.
    expect((await world.ao('GET', `/data-access-requests/${approvedId}`, { as: world.operator })).body).toMatchObject({ state: 'approved', accessSuspended: false });
    // Nothing new is applied for meanwhile.
    const submitted = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    expectContract('authorized-operation', 'submitDataAccessRequest', submitted, 409);
    expect(submitted.body.reasonCode).toBe('AUTHORIZATION_NOT_ACTIVE');

    await leave(world, authorizationId, state);
    const reopened = await world.ao('GET', `/data-access-requests/${pendingId}`, { as: world.operator });
    expect(reopened.body.events.at(-1)).toMatchObject({ type: 'approval_reopened', actor: { role: 'clock' } });
    expect((await world.official('data_access_request', pendingId, 'approve_data_access')).body.object.state).toBe('approved');
    expect((await world.official('product', productId, 'pass_compliance_review')).body.object.state).toBe('listed');
  });

  it('a product is neither submitted nor listed while the authorization is suspended or its early termination requested', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const { productId } = await pendingWork(world, authorizationId);
    const draft = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId, { name: '出行指数报告' }) });
    await enter(world, authorizationId, 'suspended');
    await expectHeld(world, 'product', productId, 'pass_compliance_review', 'compliance_review');
    const submit = await world.ao('POST', `/products/${draft.body.id}/submissions`, { as: world.operator, body: {} });
    expectContract('authorized-operation', 'submitProduct', submit, 409);
    expect(submit.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'AUTHORIZATION_NOT_ACTIVE', currentState: 'draft', allowedEvents: [] });
    expect((await world.ao('GET', `/products/${draft.body.id}`, { as: world.operator })).body.state).toBe('draft');
    await leave(world, authorizationId, 'suspended');
    expectContract('authorized-operation', 'submitProduct', await world.ao('POST', `/products/${draft.body.id}/submissions`, { as: world.operator, body: {} }), 200);
    await world.ao('POST', `/authorizations/${authorizationId}/termination-requests`, { as: world.operator, body: { reason: '业务调整。' } });
    await expectHeld(world, 'product', draft.body.id, 'pass_compliance_review', 'compliance_review');
    // Terminated: a product still under review can never be listed; it ends rejected, with the reason.
    await world.official('authorization', authorizationId, 'approve_termination');
    for (const id of [productId, draft.body.id]) {
      const ended = await world.ao('GET', `/products/${id}`, { as: world.operator });
      expectContract('authorized-operation', 'getProduct', ended, 200);
      expect(ended.body).toMatchObject({ state: 'rejected', deadline: null, reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE', text: expect.stringMatching(/产品.*terminated.*product/) }] });
      expect(ended.body.reasons[0].text).not.toMatch(/数据使用|data access/);
      expect(ended.body.events.at(-1)).toMatchObject({ from: 'compliance_review', to: 'rejected', actor: { role: 'clock' } });
    }
  });

  it('names submit among the allowedEvents of a draft\'s refused action only while the authorization takes products', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const draft = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
    const refusedNow = async () => {
      const withdraw = await world.ao('POST', `/products/${draft.body.id}/withdrawals`, { as: world.operator, body: { reason: '不再提供。' } });
      expectContract('authorized-operation', 'withdrawProduct', withdraw, 409);
      const fee = await world.ao('POST', `/products/${draft.body.id}/fees`, { as: world.operator, body: { actualFen: 100, effectiveFrom: '2025-09-26', displayed: true } });
      expectContract('authorized-operation', 'setActualFee', fee, 409);
      expect(fee.body.allowedEvents).toEqual(withdraw.body.allowedEvents);
      return withdraw.body.allowedEvents as string[];
    };
    expect(await refusedNow()).toEqual(['submit']);
    await enter(world, authorizationId, 'suspended');
    // Submitting now answers 409 AUTHORIZATION_NOT_ACTIVE: no refusal offers it.
    expect(await refusedNow()).toEqual([]);
    await leave(world, authorizationId, 'suspended');
    expect(await refusedNow()).toEqual(['submit']);
  });

  it('a held review\'s clock stops and resumes with the days it had left (heldReviewClock: resume)', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const { pendingId, productId } = await pendingWork(world, authorizationId);
    const before = (await world.ao('GET', `/products/${productId}`, { as: world.operator })).body.deadline;
    expect(before).toMatchObject({ step: 'compliance_review', limit: 5, startedOn: '2025-09-26', dueDate: '2025-10-10' });
    await enter(world, authorizationId, 'amending');
    for (const path of [`/products/${productId}`, `/data-access-requests/${pendingId}`]) {
      expect((await world.ao('GET', path, { as: world.operator })).body.deadline).toBeNull();
    }
    // Well past both limits while held: neither review is overdue, no overdue event fires.
    const advanced = await world.advance({ to: '2025-10-20T09:00:00+08:00' });
    expect(advanced.body.fired.filter((f: { objectId: string }) => f.objectId === productId || f.objectId === pendingId)).toEqual([]);
    await leave(world, authorizationId, 'amending');
    // Held on the day of receipt: all 5 (10) working days are left from Monday 2025-10-20.
    const product = await world.ao('GET', `/products/${productId}`, { as: world.operator });
    expectContract('authorized-operation', 'getProduct', product, 200);
    expect(product.body.deadline).toMatchObject({ step: 'compliance_review', limit: 5, startTrigger: 'resumed', startedOn: '2025-10-20', dueDate: '2025-10-27', overdue: false });
    const request = await world.ao('GET', `/data-access-requests/${pendingId}`, { as: world.operator });
    expect(request.body.deadline).toMatchObject({ step: 'data_access_review', limit: 10, startTrigger: 'resumed', startedOn: '2025-10-20', dueDate: '2025-11-03', overdue: false });
    // A suspension holds the request's review the same way.
    await enter(world, authorizationId, 'suspended');
    expect((await world.ao('GET', `/data-access-requests/${pendingId}`, { as: world.operator })).body.deadline).toBeNull();
    await world.advance({ to: '2025-11-10T09:00:00+08:00' });
    await leave(world, authorizationId, 'suspended');
    expect((await world.ao('GET', `/data-access-requests/${pendingId}`, { as: world.operator })).body.deadline).toMatchObject({ limit: 10, startTrigger: 'resumed', startedOn: '2025-11-10', dueDate: '2025-11-24', overdue: false });
  });

  it('a profile may keep a held review\'s clock running (heldReviewClock: runs)', async () => {
    const world = await openAoWorld(ctx, { profile: { name: 'running-review', extends: 'national', options: { authorizedOperation: { heldReviewClock: 'runs' } } } });
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const { productId } = await pendingWork(world, authorizationId);
    await enter(world, authorizationId, 'amending');
    await world.advance({ to: '2025-10-20T09:00:00+08:00' });
    expect((await world.ao('GET', `/products/${productId}`, { as: world.operator })).body.deadline).toMatchObject({ startedOn: '2025-09-26', dueDate: '2025-10-10', overdue: true });
  });

  it('a profile may keep permissions open during an evaluation (permissionsOpenWhile)', async () => {
    const world = await openAoWorld(ctx, { profile: { name: 'open-evaluation', extends: 'national', options: { authorizedOperation: { permissionsOpenWhile: ['under_evaluation'] } } } });
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const { pendingId, productId } = await pendingWork(world, authorizationId);
    await enter(world, authorizationId, 'under_evaluation');
    expect((await world.official('data_access_request', pendingId, 'approve_data_access')).body.object.state).toBe('approved');
    expect((await world.official('product', productId, 'pass_compliance_review')).body.object.state).toBe('listed');
    expectContract('authorized-operation', 'submitDataAccessRequest', await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) }), 201);
    // Not while rectifying: only the states the profile names.
    const late = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    await world.official('authorization', authorizationId, 'order_rectification', { reasons: [{ text: '访问日志不全。' }] });
    await expectHeld(world, 'data_access_request', late.body.id, 'approve_data_access', 'submitted');
  });

  it('auto officials decide a request held during an amendment once the authorization is active again', async () => {
    const world = await openAoWorld(ctx, { reviewerPolicy: { mode: 'auto' } });
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const pending = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    await enter(world, authorizationId, 'amending');
    // The approval planned for the next working day is refused while the amendment runs.
    await world.advance({ to: '2025-10-09T18:00:00+08:00' });
    expect((await world.ao('GET', `/data-access-requests/${pending.body.id}`, { as: world.operator })).body.state).toBe('submitted');
    await leave(world, authorizationId, 'amending');
    await world.advance({ to: '2025-10-20T18:00:00+08:00' });
    const decided = await world.ao('GET', `/data-access-requests/${pending.body.id}`, { as: world.operator });
    expect(decided.body.state).toBe('approved');
  });
});
