import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, idem, initialSubmission } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
const START = '2025-09-26T10:00:00+08:00';
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function start(sandbox: Record<string, unknown>): Promise<Harness> {
  const h = await Harness.start(inProcess, { profile: 'national', startAt: START, ...sandbox });
  open.push(h);
  return h;
}

async function submitMany(h: Harness, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) ids.push((await h.call(h.org(0), 'POST', '/applications', {}, initialSubmission(h.org(0)), idem())).body.id);
  return ids;
}

const timeline = async (h: Harness, id: string) =>
  (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id })).body.events.map((e: any) => [e.type, e.at, e.to, e.reason?.code ?? null]);

describe('reviewer policies', () => {
  it('auto: a decision the calendar blocks (a year whose schedule is not published) is recorded on the timeline and the feed, not dropped', async () => {
    // 2026-12-07: accepting starts a 20 WD review that reaches 2027, whose holiday schedule the calendar does not have.
    const h = await start({ startAt: '2026-12-07T10:00:00+08:00', reviewerPolicy: { mode: 'auto', approvalRate: 1 } });
    const [id] = await submitMany(h, 1);
    await h.advance('2026-12-15T00:00:00+08:00');
    const app = (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id! })).body;
    expect(app.state).toBe('submitted');
    const blocked = app.events.find((e: any) => e.type === 'action_blocked');
    expect(blocked).toMatchObject({ actor: { role: 'registry' }, from: 'submitted', to: 'submitted', reason: { code: 'CALENDAR_NOT_PUBLISHED' }, data: { action: 'accept', year: 2027 } });
    expect(blocked.reason.text).toContain('2027');
    const feed = (await h.sim('GET', `/sandboxes/${h.sandboxId}/events?limit=50`)).body.items;
    expect(feed.filter((e: any) => e.objectId === id && e.event.type === 'action_blocked')).toHaveLength(1);
    // Until the year is loaded an action names the problem; then the reviewer policy carries on, from now.
    const manual = await h.act('application', id!, 'accept');
    expect(manual.status).toBe(422);
    expect(manual.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED' });
    const year = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    expect((await h.sim('PUT', `/sandboxes/${h.sandboxId}/calendar/2027`, year)).status).toBe(200);
    await h.advance('2026-12-16T00:00:00+08:00');
    const carried = (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id! })).body;
    expect(carried.state, JSON.stringify(carried.events.map((e: any) => [e.type, e.at, e.actor.role, e.reason?.code]))).toBe('under_review');
    const accepted = carried.events.at(-1);
    expect(accepted).toMatchObject({ type: 'state_changed', from: 'submitted', to: 'under_review', actor: { role: 'registry' }, deadline: { step: 'formal_review' } });
    expect(accepted.at >= '2026-12-15T00:00:00+08:00').toBe(true);
    expect(accepted.deadline.dueDate > '2027-01-01').toBe(true);
  });

  it('late: every step goes overdue first, the registry explains, then decides — never the clock', async () => {
    const h = await start({ reviewerPolicy: { mode: 'late', overdueByWorkingDays: 2 } });
    const [id] = await submitMany(h, 1);
    await h.advance('2025-12-31T00:00:00+08:00');
    const events = (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id! })).body.events;
    const types = events.map((e: any) => `${e.type}:${e.to}`);
    expect(types.slice(0, 5)).toEqual(['state_changed:submitted', 'deadline_overdue:submitted', 'overdue_explained:submitted', 'state_changed:under_review', 'deadline_overdue:under_review']);
    const accepted = events[3];
    // Acceptance was due 09-30; 2 working days late is 10-10 (after the National Day holiday).
    expect(accepted).toMatchObject({ at: '2025-10-10T10:01:00+08:00', actor: { role: 'registry' } });
    expect(events.every((e: any) => e.type !== 'state_changed' || e.actor.role !== 'clock' || e.from === 'in_public_notice')).toBe(true);
  });

  it('a policy set while the sandbox runs is the one officials plan with from then on (the host keeps its options only while the policy is the same)', async () => {
    const h = await start({ reviewerPolicy: { mode: 'late', overdueByWorkingDays: 2 } });
    const [late] = await submitMany(h, 1);
    await h.advance('2025-10-14T00:00:00+08:00');
    expect((await timeline(h, late!)).slice(0, 4).map(([type]: string[]) => type)).toEqual(['state_changed', 'deadline_overdue', 'overdue_explained', 'state_changed']);
    expect((await h.sim('PUT', `/sandboxes/${h.sandboxId}/reviewer-policy`, { mode: 'auto' })).status).toBe(200);
    const [auto] = await submitMany(h, 1);
    await h.advance('2025-10-20T00:00:00+08:00');
    // 2025-10-14 is a Tuesday: `auto` (first_day) accepts on the next working day, 09:00-17:00, never late.
    const events = await timeline(h, auto!);
    expect(events.map(([type, , to]: string[]) => `${type}:${to}`).slice(0, 2)).toEqual(['state_changed:submitted', 'state_changed:under_review']);
    expect(events[1]![1].startsWith('2025-10-15T')).toBe(true);
  });

  it('auto: the same seed gives the same decisions on the same days; another seed may differ', async () => {
    const policy = { mode: 'auto', approvalRate: 0.5 };
    const [a, b, c] = [await start({ seed: 11, reviewerPolicy: policy }), await start({ seed: 11, reviewerPolicy: policy }), await start({ seed: 12, reviewerPolicy: policy })];
    const runs = [];
    for (const h of [a, b, c]) {
      const ids = await submitMany(h, 6);
      await h.advance('2026-06-30T00:00:00+08:00');
      runs.push(await Promise.all(ids.map((id) => timeline(h, id))));
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).not.toEqual(runs[2]);
    const finals = runs[0]!.map((t: any[]) => t.at(-1)[2]);
    // Decisions happen within each limit: nothing is ever flagged overdue under `auto`.
    expect(runs[0]!.flat().some((e: any) => e[0] === 'deadline_overdue')).toBe(false);
    expect(finals.every((s: string) => ['registered', 'not_accepted', 'review_failed', 'supplement_required', 'terminated'].includes(s))).toBe(true);
  });

  it('auto with decideOn last_day decides on the due date', async () => {
    const h = await start({ seed: 3, reviewerPolicy: { mode: 'auto', approvalRate: 1, decideOn: 'last_day' } });
    const [id] = await submitMany(h, 1);
    await h.advance('2025-10-01T00:00:00+08:00');
    const events = (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id! })).body.events;
    expect(events[1]).toMatchObject({ to: 'under_review' });
    expect(events[1].at.slice(0, 10)).toBe('2025-09-30');
  });

  it('auto with decideOn random decides on a seeded working day within the limit, not all on one', async () => {
    const policy = { mode: 'auto', approvalRate: 1, decideOn: 'random' };
    const days = async (seed: number) => {
      const h = await start({ seed, reviewerPolicy: policy });
      const ids = await submitMany(h, 8);
      await h.advance('2025-10-01T00:00:00+08:00');
      return Promise.all(ids.map(async (id) => (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id })).body.events[1].at.slice(0, 10) as string));
    };
    const accepted = await days(3);
    // Submitted Friday 2025-09-26: the 3 WD of acceptance are 09-28 (a make-up Sunday), 09-29 and 09-30.
    expect(accepted.every((day) => ['2025-09-28', '2025-09-29', '2025-09-30'].includes(day)), accepted.join()).toBe(true);
    expect(new Set(accepted).size).toBeGreaterThan(1);
    expect(await days(3)).toEqual(accepted);
  });
});

describe('snapshots', () => {
  it('an imported snapshot continues exactly like the original (timers, officials, records)', async () => {
    const h = await start({ seed: 5, reviewerPolicy: { mode: 'auto', approvalRate: 0.7 } });
    const ids = await submitMany(h, 4);
    await h.advance('2025-10-15T12:00:00+08:00');
    const snapshot = await h.sim('GET', `/sandboxes/${h.sandboxId}/snapshot`);
    expect(snapshot.status).toBe(200);
    const imported = await h.sim('POST', '/sandboxes/import', { id: 'copy', snapshot: JSON.parse(JSON.stringify(snapshot.body)) });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const original = h.sandboxId;
    const results: unknown[] = [];
    for (const sandboxId of [original, 'copy']) {
      h.sandboxId = sandboxId;
      await h.advance('2026-03-01T00:00:00+08:00');
      results.push(await Promise.all(ids.map((id) => timeline(h, id))));
      results.push((await h.call(h.org(0), 'GET', '/registrations')).body.items.map((r: any) => [r.registrationCode, r.validUntil, r.state]));
    }
    expect(results[2]).toEqual(results[0]);
    expect(results[3]).toEqual(results[1]);
    expect((results[1] as unknown[]).length).toBeGreaterThan(0);
  });
});
