// A grant's usage reporting is a part of the grant: its events are published as the grant's, so
// the feed and webhook deliveries name their states (`fromLabel`, `toLabel`) as the procedure
// names the reporting's states, not by their ids.
import { describe, expect, it } from 'vitest';
import { grantApprovedAt } from './fixtures.js';
import { openWorld, useWorld } from '../support/world.js';

const ctx = useWorld();

describe("a grant's usage-report events in the feed", () => {
  it('name the reporting states as the procedure does', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' }, 'usage_feedback');
    const feed = await world.sim('GET', '/events?limit=200');
    const due = feed.body.items.find((e: { objectType: string; objectId: string; event: { to?: string } }) => e.objectType === 'grant' && e.objectId === grant.id && e.event.to === 'due');
    expect(due).toBeDefined();
    expect(due.toLabel).toEqual({ zh: '待提交使用报告', en: 'Usage report due' });
  });
});
