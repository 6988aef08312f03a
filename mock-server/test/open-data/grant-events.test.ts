// A grant's own view shows its whole log (全留痕: events readable per object): besides its issue and
// state changes, its usage reporting's events — reports submitted, overdue flags, the duty's end —
// which the timeline and the feed already show as the grant's.
import { describe, expect, it } from 'vitest';
import { openWorld, useWorld } from '../support/world.js';
import { APPLICANT, grantApprovedAt, readGrant } from './fixtures.js';

const ctx = useWorld();

type Event = { seq: number; type: string; at: string; from: string | null; to: string | null };
const withoutSeq = ({ seq: _seq, ...rest }: Event) => rest;

describe("an open-data grant's events", () => {
  it('include its usage reporting, in order, as the timeline shows them', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-16T10:00:00+08:00', { from: '2025-10-16', to: '2026-09-30' }, 'usage_feedback');
    await world.advance({ to: '2026-01-16T10:00:00+08:00' });
    const body = { period: { from: '2025-10-16', to: '2026-01-14' }, summary: '均在场景内使用。', withinScenario: true };
    expect((await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT), body })).status).toBe(201);
    await world.advance({ to: '2026-10-01T10:00:00+08:00' });

    const events: Event[] = (await readGrant(world, grant.id)).events;
    expect(events.map((e) => [e.seq, e.type, e.from, e.to])).toEqual([
      [1, 'grant_issued', null, 'active'],
      [2, 'state_changed', null, 'due'],
      [3, 'deadline_overdue', 'due', 'due'],
      [4, 'usage_report_submitted', 'due', 'due'],
      [5, 'deadline_overdue', 'due', 'due'],
      [6, 'state_changed', 'active', 'expired'],
      [7, 'state_changed', 'due', 'ended'],
    ]);
    const timeline = await world.sim('GET', `/objects/open-data/grant/${grant.id}/timeline`);
    const shown = timeline.body.events.map((e: { event: Event }) => withoutSeq(e.event));
    expect(events.map(withoutSeq)).toEqual(expect.arrayContaining(shown));
    expect(events).toHaveLength(shown.length);
  });
});
