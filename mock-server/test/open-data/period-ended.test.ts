// An application whose period of use was still running when it was submitted, but has ended
// before the substantive review decided: no grant may be issued for it (it would be valid from a
// day after its end). Approving is refused (422 PERIOD_ENDED at the application's field), the
// timeline does not offer it, and the authority rejects it with reasons — the simulated one too.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { APPLICANT, apply } from './fixtures.js';

const ctx = useWorld();

const readApplication = async (world: World, id: string) => (await world.openData('GET', `/applications/${id}`, { as: world.org(APPLICANT) })).body;
const allowedActions = async (world: World, id: string) => (await world.sim('GET', `/objects/open-data/application/${id}/timeline`)).body.allowedActions.map((a: { action: string }) => a.action);

describe('an open-data application whose period of use ended while it was under review', () => {
  it('cannot be approved (422 PERIOD_ENDED, no grant, not offered); the authority rejects it with reasons', async () => {
    // xiamen: initial review 3 WD, then substantive review 7 WD from the day it passed (2025-09-29 → due 2025-10-14).
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const app = await apply(world, undefined, { periodOfUse: { from: '2025-09-26', to: '2025-10-10' } });
    const target = { platform: 'open-data', objectType: 'application', objectId: app.id };
    await world.advance({ to: '2025-09-29T10:00:00+08:00' });
    expect((await world.act({ ...target, action: 'pass_initial_review' })).body.to).toBe('substantive_review');
    expect(await allowedActions(world, app.id)).toContain('approve');
    await world.advance({ to: '2025-10-11T09:00:00+08:00' });
    const before = await readApplication(world, app.id);

    const refused = await world.act({ ...target, action: 'approve' });
    expectContract('simulation', 'actAsOfficial', refused, 422);
    expect(refused.body).toMatchObject({
      code: 'PERIOD_ENDED',
      currentState: 'substantive_review',
      allowedEvents: ['reject'],
      message: { zh: expect.any(String), en: expect.any(String) },
      errors: [{ pointer: '/submission/periodOfUse/to', code: 'PERIOD_ENDED', message: { zh: expect.stringContaining('2025-10-10'), en: expect.stringContaining('2025-10-10') } }],
    });
    expect(await readApplication(world, app.id)).toEqual(before);
    expect(await allowedActions(world, app.id)).toEqual(['reject']);

    const rejected = await world.act({ ...target, action: 'reject', reasons: [{ code: 'PERIOD_ENDED', text: '使用期限已届满' }] });
    expect(rejected.body).toMatchObject({ from: 'substantive_review', to: 'rejected' });
    expect(await readApplication(world, app.id)).toMatchObject({ state: 'rejected', grantId: null });
  });

  it('under the auto policy, a decision on the last day after the period ended rejects it with the reason, published', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', reviewerPolicy: { mode: 'auto', decideOn: 'last_day' } });
    const app = await apply(world, undefined, { periodOfUse: { from: '2025-09-26', to: '2025-10-10' } });
    await world.advance({ to: '2025-10-20T09:00:00+08:00' });
    const decided = await readApplication(world, app.id);
    expect(decided).toMatchObject({ state: 'rejected', grantId: null, reasons: [{ code: 'PERIOD_ENDED', text: expect.stringContaining('2025-10-10') }] });
    const published = await world.openData('GET', '/rejections');
    expect(JSON.stringify(published.body)).toContain('PERIOD_ENDED');
  });
});
