import { makeCreditCode } from '@gdx/identifiers';
import { describe, expect, it } from 'vitest';
import { expectCatalog } from './workflow-harness.js';
import { act, advance, createDraft, submit, useCatalogMock, type TestSandbox } from './workflow-harness.js';

/** Another organisation of the sandbox than its first provider: the department taking over the functions. */
function successorOf(sbx: TestSandbox) {
  const other = sbx.view.organizations.find((o: { id: string }) => o.id !== sbx.providers[0]!.id)!;
  return { creditCode: other.creditCode, name: other.name };
}

describe('catalog update obligations', () => {
  const ctx = useCatalogMock();

  async function report(sbx: TestSandbox, body: Record<string, unknown>, as = sbx.providers[0]!) {
    return expectCatalog(await ctx.call('POST', `${sbx.catalog}/function-changes`, { as, body }), 'POST', '/function-changes', 201);
  }

  it.each([
    // 7 WD after 2025-09-26 across National Day (make-up 09-28 and 10-11).
    ['xiamen', 'function_change', 'function_change', 'function_change_update', 7, '2025-10-13'],
    ['xiamen', 'system_change', 'function_change', 'function_change_update', 7, '2025-10-13'],
    ['national', 'function_change', 'function_change', 'function_change_update', 20, '2025-10-30'],
    ['inner-mongolia', 'function_change', 'function_change', 'function_change_update', 20, '2025-10-30'],
    ['xiamen', 'new_resource', 'new_resource', 'new_resource_registration', 20, '2025-10-30'],
    ['xiamen', 'information_change', 'information_change', 'information_update', 20, '2025-10-30'],
  ])('%s: a %s report starts a %s duty (%s, %i WD, due %s)', async (profile, kind, dutyKind, step, limit, dueDate) => {
    const sbx = await ctx.sandbox({ profile });
    const change = await report(sbx, { kind, effectiveOn: '2025-09-26', description: '机动车检验职能划转至市交通运输局。', successor: successorOf(sbx) });
    expect(change.obligations).toEqual([expect.objectContaining({ kind: dutyKind, state: 'pending', entryId: null, functionChangeId: change.id, fulfilledAt: null })]);
    expect(change.obligations[0].deadline).toMatchObject({ step, limit, unit: 'working_days', startedOn: '2025-09-26', dueDate, overdue: false });
  });

  it('runs the duty from the day the change took effect, and a duty past due is overdue at once', async () => {
    const sbx = await ctx.sandbox({ startAt: '2025-10-20T10:00:00+08:00' });
    const late = await report(sbx, { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转', successor: successorOf(sbx) });
    expect(late.obligations[0].deadline).toMatchObject({ startedOn: '2025-09-26', dueDate: '2025-10-13', overdue: true });
    expect(late.createdAt).toBe('2025-10-20T10:00:00+08:00');
  });

  it('lists duties as due and overdue, and fulfils them when the provider submits the change', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await createDraft(ctx, sbx, me, '职能变更关联目录');
    const change = await report(sbx, { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转', successor: { creditCode: sbx.view.organizations[1].creditCode, name: '厦门市交通运输局' }, entryIds: [entry.id] });
    const dutyId = change.obligations[0].id;
    expect(change.obligations[0].entryId).toBe(entry.id);

    const list = async (query: string) => expectCatalog(await ctx.call('GET', `${sbx.catalog}/obligations${query}`, { as: me }), 'GET', '/obligations', 200);
    expect((await list('?state=pending&overdue=false')).items.map((o: { id: string }) => o.id)).toEqual([dutyId]);
    expect((await list('?overdue=true')).items).toEqual([]);

    const fired = await advance(ctx, sbx, { to: '2025-10-14T00:00:00+08:00' });
    expect(fired).toEqual([expect.objectContaining({ objectType: 'obligation', objectId: dutyId, type: 'deadline_overdue', from: 'pending', to: 'pending' })]);
    expect((await list('?overdue=true')).items).toEqual([expect.objectContaining({ id: dutyId, state: 'pending', deadline: expect.objectContaining({ overdue: true }) })]);
    expect((await ctx.call('GET', `${sbx.catalog}/obligations`, { as: sbx.providers[1]! })).body.items).toEqual([]);

    await submit(ctx, sbx, me, entry.id);
    const fulfilled = (await list('?state=fulfilled')).items;
    expect(fulfilled).toEqual([expect.objectContaining({ id: dutyId, state: 'fulfilled', fulfilledAt: '2025-10-14T00:00:00+08:00', deadline: null })]);
    expect(fulfilled[0].events.map((e: { type: string }) => e.type)).toEqual(['state_changed', 'deadline_overdue', 'state_changed']);
    expect((await list('?state=pending')).items).toEqual([]);
  });

  it('fulfils a duty when the provider withdraws the entry (its functions moved on), which takes no later submission; an authority withdrawal fulfils nothing', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const published = async (name: string) => {
      const draft = await createDraft(ctx, sbx, me, name);
      await submit(ctx, sbx, me, draft.id);
      expect((await act(ctx, sbx, draft.id, 'publish')).status).toBe(200);
      return draft.id;
    };
    const moved = await published('职能划出目录');
    const kept = await published('职能划出后保留目录');
    const change = await report(sbx, { kind: 'function_change', effectiveOn: '2025-09-26', description: '机动车检验职能划转至市交通运输局。', successor: successorOf(sbx), entryIds: [moved, kept] });
    const [movedDuty, keptDuty] = change.obligations.map((o: { id: string }) => o.id);

    await advance(ctx, sbx, { to: '2025-09-30T10:00:00+08:00' });
    const withdrawn = await ctx.call('POST', `${sbx.catalog}/entries/${moved}/withdrawal`, { as: me, body: { reason: { text: '职能已划转至市交通运输局，由其编制目录。' } } });
    expectCatalog(withdrawn, 'POST', '/entries/{entryId}/withdrawal', 200);
    expect((await act(ctx, sbx, kept, 'withdraw', { reasons: [{ text: '资源已停止提供。' }] })).status).toBe(200);

    const duties = expectCatalog(await ctx.call('GET', `${sbx.catalog}/obligations`, { as: me }), 'GET', '/obligations', 200).items;
    expect(duties.find((o: { id: string }) => o.id === movedDuty)).toMatchObject({ state: 'fulfilled', fulfilledAt: '2025-09-30T10:00:00+08:00', deadline: null });
    expect(duties.find((o: { id: string }) => o.id === keptDuty)).toMatchObject({ state: 'pending', fulfilledAt: null });
  });

  it('answers 422 CALENDAR_NOT_PUBLISHED for a duty reaching an unpublished year and records nothing', async () => {
    const sbx = await ctx.sandbox({ startAt: '2026-12-20T10:00:00+08:00' });
    const reply = await ctx.call('POST', `${sbx.catalog}/function-changes`, { as: sbx.providers[0]!, body: { kind: 'new_resource', effectiveOn: '2026-12-18', description: '新增资源' } });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    expect((await ctx.call('GET', `${sbx.catalog}/obligations`, { as: sbx.providers[0]! })).body.total).toBe(0);
  });

  it('xiamen: a change of functions names the department taking over (第九条 会同职能转入部门), another than the provider: else 400, nothing started', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const send = (body: Record<string, unknown>) => ctx.call('POST', `${sbx.catalog}/function-changes`, { as: me, body: { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转', ...body } });
    const own = sbx.view.organizations.find((o: { id: string }) => o.id === me.id)!;
    const missing = expectCatalog(await send({}), 'POST', '/function-changes', 400);
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/successor', code: 'SUCCESSOR_REQUIRED', message: { zh: expect.stringContaining('职能转入部门'), en: expect.any(String) } }] });
    const itself = expectCatalog(await send({ successor: { creditCode: own.creditCode, name: own.name } }), 'POST', '/function-changes', 400);
    expect(itself.errors).toMatchObject([{ pointer: '/successor/creditCode', code: 'SUCCESSOR_IS_PROVIDER' }]);
    // A well-formed credit code that no organisation of the sandbox has: no department to update the catalog with.
    const stranger = makeCreditCode('91350200MA2XYW123');
    expect(sbx.view.organizations.map((o: { creditCode: string }) => o.creditCode)).not.toContain(stranger);
    const unknown = expectCatalog(await send({ successor: { creditCode: stranger, name: '某不存在的部门' } }), 'POST', '/function-changes', 400);
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/successor/creditCode', code: 'UNKNOWN_ORGANIZATION', message: { zh: expect.stringContaining('职能转入部门'), en: expect.stringContaining('sandbox') } }] });
    expect((await ctx.call('GET', `${sbx.catalog}/obligations`, { as: me })).body.total).toBe(0);
    // A change of business systems moves no functions: no successor asked.
    expect((await send({ kind: 'system_change' })).status).toBe(201);
  });

  it('national: the successor is optional (the duty is a change of catalog information by choice), but never the provider itself', async () => {
    const sbx = await ctx.sandbox({ profile: 'national' });
    const me = sbx.providers[0]!;
    const own = sbx.view.organizations.find((o: { id: string }) => o.id === me.id)!;
    const body = { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转' };
    expect((await ctx.call('POST', `${sbx.catalog}/function-changes`, { as: me, body })).status).toBe(201);
    const itself = await ctx.call('POST', `${sbx.catalog}/function-changes`, { as: me, body: { ...body, successor: { creditCode: own.creditCode, name: own.name } } });
    expect(itself.status).toBe(400);
    expect(itself.body.errors).toMatchObject([{ pointer: '/successor/creditCode', code: 'SUCCESSOR_IS_PROVIDER' }]);
  });

  it('replays a report sent again with the same Idempotency-Key', async () => {
    const sbx = await ctx.sandbox();
    const body = { kind: 'new_resource', effectiveOn: '2025-09-26', description: '新增资源' };
    const headers = { 'idempotency-key': 'report-1' };
    const first = await ctx.call('POST', `${sbx.catalog}/function-changes`, { as: sbx.providers[0]!, body, headers });
    const again = await ctx.call('POST', `${sbx.catalog}/function-changes`, { as: sbx.providers[0]!, body, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await ctx.call('GET', `${sbx.catalog}/obligations`, { as: sbx.providers[0]! })).body.total).toBe(1);
  });
});
