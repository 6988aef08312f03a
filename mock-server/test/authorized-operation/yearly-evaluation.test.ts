// One yearly evaluation per year (内政数字〔2024〕101号 第三十四条), of a year of the term that has
// ended: the evaluated year is the year before, within the term (authorized-operation.md §3).
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { EVALUABLE_TERM, expectAllowedAsOffered, openAoWorld, signedSelection, useAoMock } from './fixtures.js';

const ctx = useAoMock();
const REPORT_2025 = { year: 2025, status: '无数据安全事件。', costs: { totalFen: 0, subsidiesFen: 0 }, revenueFen: 0, profitFen: 0, products: [] };

describe('authorized operation: one evaluation a year, of an ended year of the term', () => {
  it('refuses a second evaluation of a year already decided (409 YEAR_ALREADY_EVALUATED), nothing changed', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    await world.advance({ to: '2026-01-05T09:00:00+08:00' });
    expect((await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: REPORT_2025 })).status).toBe(201);
    expect((await world.official('authorization', authorizationId, 'start_evaluation')).status).toBe(200);
    expect((await world.official('authorization', authorizationId, 'pass_evaluation')).status).toBe(200);
    const again = await world.official('authorization', authorizationId, 'start_evaluation');
    expectContract('simulation', 'actAsOfficial', again, 409);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'YEAR_ALREADY_EVALUATED', currentState: 'active', errors: [{ pointer: '/action', code: 'YEAR_ALREADY_EVALUATED', message: { zh: expect.stringContaining('2025'), en: expect.stringContaining('2025') } }] });
    await expectAllowedAsOffered(world, 'authorization', authorizationId, 'start_evaluation', again);
    // Nor does the timeline offer it.
    const timeline = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
    expect(timeline.body.allowedActions.map((a: { action: string }) => a.action)).not.toContain('start_evaluation');
    const unchanged = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expect(unchanged.body).toMatchObject({ state: 'active', evaluations: [{ year: 2025, result: 'passed' }] });
    expect(unchanged.body.evaluations).toHaveLength(1);

  });

  it('refuses an evaluation while no year of the term has ended (409 NO_YEAR_TO_EVALUATE), nothing changed', async () => {
    const world = await openAoWorld(ctx);
    // Signed 2025-09-26 for a term from 2025-01-02: its first year, 2025, is still running.
    const { authorizationId } = await signedSelection(world, { from: '2025-01-02', to: '2027-12-31' });
    await world.advance({ to: '2025-10-31T09:00:00+08:00' });
    const early = await world.official('authorization', authorizationId, 'start_evaluation');
    expectContract('simulation', 'actAsOfficial', early, 409);
    expect(early.body).toMatchObject({ reasonCode: 'NO_YEAR_TO_EVALUATE', errors: [{ pointer: '/action', message: { zh: expect.any(String), en: expect.any(String) } }] });
    expect((await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator })).body).toMatchObject({ state: 'active', evaluations: [] });
  });

  it('records the year the evaluation started on, even when decided in the next year', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    await world.advance({ to: '2025-12-30T09:00:00+08:00' });
    expect((await world.official('authorization', authorizationId, 'start_evaluation')).status).toBe(200);
    await world.advance({ to: '2026-01-06T09:00:00+08:00' });
    const passed = await world.official('authorization', authorizationId, 'pass_evaluation');
    expect(passed.body.object.evaluations).toMatchObject([{ year: 2024, result: 'passed', decidedOn: '2026-01-06' }]);
  });
  it('records the decision on the event of a pass without an explicit result, as the evaluations list does (全留痕)', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    await world.official('authorization', authorizationId, 'start_evaluation');
    const passed = await world.official('authorization', authorizationId, 'pass_evaluation');
    expect(passed.body.object.evaluations).toMatchObject([{ result: 'passed' }]);
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events`, { as: world.operator });
    expectContract('authorized-operation', 'listAuthorizationEvents', events, 200);
    expect(events.body.items.at(-1)).toMatchObject({ from: 'under_evaluation', to: 'active', data: { evaluation: { result: 'passed' } } });
  });
});

describe('authorized operation: the deadline an evaluation begun late answers', () => {
  it('answers start_evaluation with the deadline as it stands then: overdue once its 30 working days from the annual report have run out', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    await world.advance({ to: '2026-01-05T09:00:00+08:00' });
    expect((await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: REPORT_2025 })).status).toBe(201);
    // 30 working days from the report (2026-01-05) ran out on 2026-02-14: begun in April, the evaluation is late already.
    await world.advance({ to: '2026-04-01T09:00:00+08:00' });
    const started = await world.official('authorization', authorizationId, 'start_evaluation');
    expectContract('simulation', 'actAsOfficial', started, 200);
    expect(started.body).toMatchObject({ from: 'active', to: 'under_evaluation', event: { type: 'state_changed', deadline: { startedOn: '2026-01-05', dueDate: '2026-02-14', overdue: false } } });
    expect(started.body.object.deadline).toMatchObject({ step: 'evaluation', startedOn: '2026-01-05', dueDate: '2026-02-14', overdue: true });
    const read = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expect(read.body.deadline).toEqual(started.body.object.deadline);
  });
});
