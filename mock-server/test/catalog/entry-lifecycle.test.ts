import { describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { expectCatalog, expectSim } from './workflow-harness.js';
import { act, createDraft, getEntry, search, submit, useCatalogMock } from './workflow-harness.js';

describe.each(Object.entries(TRANSPORTS))('catalog entry lifecycle via %s', (_name, factory) => {
  const ctx = useCatalogMock(factory);

  it('draft → submitted (5 WD over National Day) → returned with reasons → edited → resubmitted → published and searchable', async () => {
    const sbx = await ctx.sandbox();
    const [me] = sbx.providers;
    const draft = await createDraft(ctx, sbx, me!, '机动车登记信息测试甲');
    expect(draft).toMatchObject({ state: 'draft', version: 1, resourceCode: null, deadline: null, publishedContent: null });
    expect(draft.events).toEqual([expect.objectContaining({ seq: 1, from: null, to: 'draft', actor: { role: 'data_provider', organizationId: me!.id } })]);

    const submitted = await submit(ctx, sbx, me!, draft.id);
    expect(submitted.state).toBe('submitted');
    // 5 WD after Friday 2025-09-26: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10.
    expect(submitted.deadline).toMatchObject({ step: 'authority_review', limit: 5, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-10-10', dueAt: '2025-10-11T00:00:00+08:00', overdue: false });

    const noReasons = await act(ctx, sbx, draft.id, 'return');
    expect(noReasons.status).toBe(400);
    const returned = expectSim(await act(ctx, sbx, draft.id, 'return', { reasons: [{ text: '信息项描述不完整' }] }), 'POST', '/sandboxes/{sandboxId}/actions', 200);
    expect(returned).toMatchObject({ from: 'submitted', to: 'returned', event: { to: 'returned', reason: { text: '信息项描述不完整' }, actor: { role: 'data_authority' } } });
    expect(returned.object).toMatchObject({ state: 'returned', reasons: [{ text: '信息项描述不完整' }], deadline: null });

    const edited = expectCatalog(await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { summary: '本市登记机动车的号牌、类型、登记日期、状态等信息。' } }), 'PATCH', '/entries/{entryId}', 200);
    expect(edited.content.summary).toContain('状态');
    expect(edited.content.name).toBe('机动车登记信息测试甲');

    const resubmitted = await submit(ctx, sbx, me!, draft.id);
    expect(resubmitted).toMatchObject({ state: 'submitted', reasons: [] });
    expect((await search(ctx, sbx, '机动车登记信息测试甲')).total).toBe(0);

    const published = expectSim(await act(ctx, sbx, draft.id, 'publish'), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
    expect(published).toMatchObject({ state: 'published', version: 1, publishedOn: '2025-09-26', deadline: null });
    expect(published.resourceCode).toMatch(/^350200-1\d{2}-\d{6}$/);

    const hits = await search(ctx, sbx, '机动车登记信息测试甲');
    expect(hits.items).toEqual([expect.objectContaining({ id: draft.id, version: 1, resourceCode: published.resourceCode, provider: { creditCode: expect.any(String), name: expect.any(String) } })]);
    const dcat = await ctx.call('GET', `${sbx.catalog}/dcat/${draft.id}`);
    expect(dcat.status).toBe(200);
    expect(JSON.stringify(dcat.body)).toContain(published.resourceCode);

    const events = expectCatalog(await ctx.call('GET', `${sbx.catalog}/entries/${draft.id}/events?limit=3`, { as: me }), 'GET', '/entries/{entryId}/events', 200);
    expect(events.total).toBe(5);
    expect(events.items.map((e: { to: string }) => e.to)).toEqual(['draft', 'submitted', 'returned']);
    const rest = expectCatalog(await ctx.call('GET', `${sbx.catalog}/entries/${draft.id}/events?cursor=${events.nextCursor}`, { as: me }), 'GET', '/entries/{entryId}/events', 200);
    expect(rest.items.map((e: { to: string }) => e.to)).toEqual(['submitted', 'published']);
    expect(rest.nextCursor).toBeNull();
  });
});
