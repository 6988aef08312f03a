// A usage report answers for days of its grant that no report has answered yet: the platform tracks
// reports due and overdue (第二十四条), so a report repeated, reaching outside the grant's validity or
// with a blank summary must not be stored (each would move the next due date on, clearing a duty to
// come). Live only: a report an older version acknowledged replays as it was answered.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { openWorld, useWorld } from '../support/world.js';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { APPLICANT, grantApprovedAt, readGrant } from './fixtures.js';

const ctx = useWorld();
const tempDir = useTempDirs();

const report = (from: string, to: string, summary = '均在场景内使用。') => ({ period: { from, to }, summary, withinScenario: true });

describe('usage reports of an open-data grant', () => {
  it('refuses a period already reported (400 PERIOD_ALREADY_REPORTED), so the next due date does not move past the grant', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-16T10:00:00+08:00', { from: '2025-10-16', to: '2026-09-30' }, 'usage_feedback');
    expect(grant.deadline).toMatchObject({ dueDate: '2026-01-14' });
    await world.advance({ to: '2026-01-16T10:00:00+08:00' });
    const path = `/grants/${grant.id}/usage-reports`;
    const first = await world.openData('POST', path, { as: world.org(APPLICANT), body: report('2025-10-16', '2026-01-14') });
    expectContract('open-data', 'submitUsageReport', first, 201);
    const after = await readGrant(world, grant.id);

    for (const [body, pointer] of [
      [report('2025-10-16', '2026-01-14'), '/period/from'],
      [report('2026-01-01', '2026-01-15'), '/period/from'],
    ] as const) {
      const again = await world.openData('POST', path, { as: world.org(APPLICANT), body });
      expectContract('open-data', 'submitUsageReport', again, 400);
      expect(again.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer, code: 'PERIOD_ALREADY_REPORTED' }] });
      expect(again.body.errors[0].message).toEqual({ zh: expect.any(String), en: expect.any(String) });
    }
    expect((await world.openData('GET', path, { as: world.org(APPLICANT) })).body.total).toBe(1);
    expect(await readGrant(world, grant.id)).toEqual(after);
    // The next period follows on, once it has ended.
    await world.advance({ to: '2026-04-14T10:00:00+08:00' });
    const next = await world.openData('POST', path, { as: world.org(APPLICANT), body: report('2026-01-15', '2026-04-14') });
    expectContract('open-data', 'submitUsageReport', next, 201);
  });

  it.each([
    ['ends after the grant', report('2025-12-01', '9999-12-31'), [{ pointer: '/period/to', code: 'PERIOD_OUT_OF_RANGE' }]],
    ['starts before the grant', report('0000-01-01', '2025-12-01'), [{ pointer: '/period/from', code: 'PERIOD_OUT_OF_RANGE' }]],
    ['has a summary of spaces only', report('2025-12-01', '2025-12-31', ' \u3000 '), [{ pointer: '/summary', code: 'TEXT_BLANK' }]],
    ['has not ended (it ends after today, 2026-01-05)', report('2025-12-01', '2026-01-06'), [{ pointer: '/period/to', code: 'PERIOD_NOT_ENDED' }]],
    ['both repeats a period and has not ended', report('2025-12-01', '2026-01-31'), [{ pointer: '/period/from', code: 'PERIOD_ALREADY_REPORTED' }, { pointer: '/period/to', code: 'PERIOD_NOT_ENDED' }], report('2025-12-01', '2025-12-31')],
  ])('refuses a report that %s (400 at the field), storing nothing', async (_what, body, errors, earlier?: ReturnType<typeof report>) => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const { id: grantId } = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-12-01', to: '2026-09-30' }, 'usage_feedback');
    await world.advance({ to: '2026-01-05T10:00:00+08:00' });
    const path = `/grants/${grantId}/usage-reports`;
    if (earlier) expect((await world.openData('POST', path, { as: world.org(APPLICANT), body: earlier })).status).toBe(201);
    const grant = await readGrant(world, grantId);
    const reply = await world.openData('POST', path, { as: world.org(APPLICANT), body });
    expectContract('open-data', 'submitUsageReport', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors });
    expect(reply.body.errors[0].message).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect((await world.openData('GET', path, { as: world.org(APPLICANT) })).body.total).toBe(earlier ? 1 : 0);
    expect(await readGrant(world, grantId)).toEqual(grant);
  });

  it('replays a repeated report, or one on a period not ended, that an older version acknowledged as answered, while live each answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const world = await openWorld({ call: callOf(first) });
    const me = world.org(APPLICANT);
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' }, 'usage_feedback');
    const path = `/sandboxes/${world.id}/open-data/v1/grants/${grant.id}/usage-reports`;
    const body = report('2025-10-15', '2025-12-31');
    const ahead = report('2026-01-01', '2026-03-31');
    expect((await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: me, body })).body.errors).toEqual([expect.objectContaining({ code: 'PERIOD_NOT_ENDED' })]);
    await world.advance({ to: '2026-01-01T10:00:00+08:00' });
    expect((await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: me, body })).status).toBe(201);
    expect((await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: me, body })).status).toBe(400);
    expect((await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: me, body: ahead })).status).toBe(400);
    await first.close();

    journalAcknowledged(dataDir, [{ path, body, caller: me.id, status: 201 }, { path, body: ahead, caller: me.id, status: 201 }]);
    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await call('GET', path, { as: me })).body.total).toBe(3);
    expect((await call('POST', path, { as: me, body })).status).toBe(400);
    await second.close();
  });
});
