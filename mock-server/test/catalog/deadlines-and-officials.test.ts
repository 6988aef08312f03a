import { describe, expect, it } from 'vitest';
import { expectCatalog } from './workflow-harness.js';
import { act, advance, createDraft, getEntry, submit, useCatalogMock } from './workflow-harness.js';

describe('catalog review deadline, reviewer policies and the calendar', () => {
  const ctx = useCatalogMock();

  it('flags an overdue review under the late policy and never publishes by the clock; the late official publishes after it', async () => {
    const sbx = await ctx.sandbox({ reviewerPolicy: { mode: 'late' } });
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me);
    await submit(ctx, sbx, me, draft.id);

    const toDue = await advance(ctx, sbx, { to: '2025-10-10T23:59:00+08:00' });
    expect(toDue).toEqual([]);
    const fired = await advance(ctx, sbx, { to: '2025-10-11T00:00:00+08:00' });
    expect(fired).toEqual([expect.objectContaining({ platform: 'catalog', objectType: 'entry', objectId: draft.id, type: 'deadline_overdue', from: 'submitted', to: 'submitted', at: '2025-10-11T00:00:00+08:00' })]);
    const overdue = await getEntry(ctx, sbx, me, draft.id);
    expect(overdue).toMatchObject({ state: 'submitted', deadline: { dueDate: '2025-10-10', overdue: true } });

    // late: one working day after the due date (Saturday 2025-10-11 is a make-up working day).
    const decided = await advance(ctx, sbx, { to: '2025-10-12T00:00:00+08:00' });
    expect(decided).toEqual([expect.objectContaining({ objectId: draft.id, type: 'state_changed', from: 'submitted', to: 'published' })]);
    expect(decided[0].at.slice(0, 10)).toBe('2025-10-11');
    const events = (await getEntry(ctx, sbx, me, draft.id)).events.map((e: { type: string }) => e.type);
    expect(events).toEqual(['state_changed', 'state_changed', 'deadline_overdue', 'state_changed']);
  });

  it('under the manual policy an overdue entry stays submitted however far the clock goes', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me);
    await submit(ctx, sbx, me, draft.id);
    await advance(ctx, sbx, { duration: 'P60D' });
    expect(await getEntry(ctx, sbx, me, draft.id)).toMatchObject({ state: 'submitted', deadline: { overdue: true } });
  });

  it('auto officials decide within the limit, the same way for the same seed', async () => {
    const outcomes = async (seed: number) => {
      const sbx = await ctx.sandbox({ seed, reviewerPolicy: { mode: 'auto', approvalRate: 0.5 } });
      const me = sbx.providers[0]!;
      const ids: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const draft = await createDraft(ctx, sbx, me, `自动审核测试${i}`);
        await submit(ctx, sbx, me, draft.id);
        ids.push(draft.id);
      }
      await advance(ctx, sbx, { workingDays: 5 });
      return Promise.all(ids.map(async (id) => {
        const entry = await getEntry(ctx, sbx, me, id);
        const decision = entry.events[2];
        expect(entry.deadline?.overdue ?? false).toBe(false);
        expect(decision.at <= '2025-10-11T00:00:00+08:00').toBe(true);
        return [id, entry.state, decision.at, entry.reasons];
      }));
    };
    const first = await outcomes(11);
    expect(await outcomes(11)).toEqual(first);
    const states = first.map(([, state]) => state);
    expect(states.every((s) => s === 'published' || s === 'returned')).toBe(true);
    for (const [, state, , reasons] of first) expect((reasons as unknown[]).length > 0).toBe(state === 'returned');
  });

  it('counts the review over the 2026 Spring Festival', async () => {
    const sbx = await ctx.sandbox({ startAt: '2026-02-12T10:00:00+08:00' });
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me);
    // 02-13, 02-14 (make-up Saturday), then the holiday until 02-23: 02-24, 02-25, 02-26.
    expect((await submit(ctx, sbx, me, draft.id)).deadline).toMatchObject({ startedOn: '2026-02-12', dueDate: '2026-02-26', dueAt: '2026-02-27T00:00:00+08:00' });
  });

  it('answers 422 CALENDAR_NOT_PUBLISHED when the review reaches an unpublished year, and leaves the draft as it was', async () => {
    const sbx = await ctx.sandbox({ startAt: '2026-12-28T10:00:00+08:00' });
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me);
    const refused = await ctx.call('POST', `${sbx.catalog}/entries/${draft.id}/submissions`, { as: me });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    expect(await getEntry(ctx, sbx, me, draft.id)).toMatchObject({ state: 'draft', events: [expect.anything()] });

    const year = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    expect((await ctx.sim('PUT', `/sandboxes/${sbx.id}/calendar/2027`, year)).status).toBe(200);
    // 12-29, 12-30, 12-31, (01-01 holiday), 01-04, 01-05.
    expect((await submit(ctx, sbx, me, draft.id)).deadline).toMatchObject({ dueDate: '2027-01-05' });
  });

  it('publishes every entry change on the event feed', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me);
    await submit(ctx, sbx, me, draft.id);
    await act(ctx, sbx, draft.id, 'publish');
    const feed = await ctx.sim('GET', `/sandboxes/${sbx.id}/events?limit=200`);
    const mine = feed.body.items.filter((e: { objectId: string }) => e.objectId === draft.id);
    expect(mine.map((e: { event: { to: string } }) => e.event.to)).toEqual(['draft', 'submitted', 'published']);
    expect(mine.every((e: { platform: string; objectType: string; organizationId: string }) => e.platform === 'catalog' && e.objectType === 'entry' && e.organizationId === me.id)).toBe(true);
    expectCatalog(await ctx.call('GET', `${sbx.catalog}/entries/${draft.id}`, { as: me }), 'GET', '/entries/{entryId}', 200);
  });
});
