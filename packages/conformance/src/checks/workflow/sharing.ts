import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, justAfter } from '../../rules/deadlines.js';
import { LIMITS, type ProfileName } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { createObject, validBody } from '../fixtures.js';
import { findPublicItem } from './find-resource.js';
import { eventTypes, expectDeadline, expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

const START = '2025-09-26T10:00:00+08:00';

async function requestConditional(ctx: CheckContext, sbx: Sandbox): Promise<string> {
  const resourceId = await findPublicItem(ctx, sbx, 'catalog', '/search', { sharingType: 'conditional' });
  const body = validBody(ctx, 'sharing', 'post', '/requests', { resourceId }, sbx.organizations[0]?.creditCode);
  return (await createObject(ctx, sbx.http(0), 'sharing', '/requests', body)).id;
}

function reviewDeadline(profile: ProfileName): Check {
  const limit = LIMITS[profile].sharing.review;
  return {
    id: profile === 'national' ? 'SHR-REVIEW-01' : 'SHR-REVIEW-02',
    title: `a conditional sharing request is reviewed within ${limit.limit} WD (${profile} profile)`,
    source: limit.basis,
    area: 'workflow',
    platform: 'sharing',
    needsSimulation: true,
    async run(ctx) {
      await withSandbox(ctx, { profile, startAt: START }, async (sbx) => {
        const id = await requestConditional(ctx, sbx);
        const today = await sandboxToday(ctx, sbx);
        const object = await readObject(ctx, sbx, 'sharing', `/requests/${encodeURIComponent(id)}`);
        expectState(ctx, object, 'under_review', 'a conditional request');
        expectDeadline(ctx, object, limit, expectedDeadline(today, limit), false);
      });
    },
  };
}

/**
 * Sharing workflow checks: the 有条件共享 review limit per profile (10 WD national, 5 WD Xiamen)
 * and an overdue review that is flagged, never approved.
 *
 * @example
 * ```ts
 * sharingChecks.map((c) => c.id); // ['SHR-REVIEW-01', 'SHR-REVIEW-02', 'SHR-REVIEW-03']
 * ```
 */
export const sharingChecks: Check[] = [
  reviewDeadline('national'),
  reviewDeadline('xiamen'),
  {
    id: 'SHR-REVIEW-03',
    title: 'a sharing review past its limit is overdue and not approved',
    source: `${LIMITS.xiamen.sharing.review.basis}; shared/domain/sharing.md (overdue review is never auto-approved)`,
    area: 'workflow',
    platform: 'sharing',
    needsSimulation: true,
    async run(ctx) {
      const limit = LIMITS.xiamen.sharing.review;
      await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
        const id = await requestConditional(ctx, sbx);
        const due = expectedDeadline(await sandboxToday(ctx, sbx), limit);
        await sbx.advance({ to: justAfter(due) });
        const object = await readObject(ctx, sbx, 'sharing', `/requests/${encodeURIComponent(id)}`);
        expectState(ctx, object, 'under_review', 'after the review limit');
        expectDeadline(ctx, object, limit, due, true);
        ctx.expect.that(eventTypes(object).includes('deadline_overdue'), 'a deadline_overdue event is recorded', 'deadline_overdue', eventTypes(object));
      });
    },
  },
];
