// 厦门市公共数据共享开放管理暂行办法 第三十条: valid to 2025-12-27. An application whose review clock
// (第二十三条) starts after that day keeps the profile's limits and carries RULES_EXPIRED.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { apply, APPLICANT, grantApprovedAt, readGrant } from './fixtures.js';

const ctx = useWorld();
const PERIOD_OF_USE = { from: '2026-01-10', to: '2026-12-31' };
const EXPIRED = { code: 'RULES_EXPIRED', rules: '厦门市公共数据共享开放管理暂行办法', basis: '厦门市公共数据共享开放管理暂行办法 第三十条', rulesValidUntil: '2025-12-27', message: { zh: expect.stringContaining('时限仍按原规则计算'), en: expect.stringContaining('their time limits still apply') } };
// A grant has no time limit of its own: its warning says it holds under the lapsed rules.
const GRANT_EXPIRED = { ...EXPIRED, message: { zh: expect.stringMatching(/^本授权依据的《厦门市公共数据共享开放管理暂行办法》.*授权范围和使用要求仍按原规则执行/), en: expect.stringMatching(/^This grant holds under the local sharing and open-data rules .*its scope and conditions of use still apply/) } };

describe('open data: the Xiamen rules\' validity (第三十条)', () => {
  it('an application from before the end warns once its substantive review starts after it', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2025-12-26T10:00:00+08:00' });
    const app = await apply(world, undefined, { periodOfUse: PERIOD_OF_USE });
    expect(app.warnings).toEqual([]);

    await world.advance({ to: '2025-12-29T10:00:00+08:00' });
    const passed = await world.act({ platform: 'open-data', objectType: 'application', objectId: app.id, action: 'pass_initial_review' });
    expect(passed.body.object.deadline).toMatchObject({ step: 'substantive_review', limit: 7, startedOn: '2025-12-29', basis: '厦门市公共数据共享开放管理暂行办法 第二十三条' });
    const read = await world.openData('GET', `/applications/${app.id}`, { as: world.org(APPLICANT) });
    expectContract('open-data', 'getApplication', read, 200);
    expect(read.body.warnings).toEqual([{ code: 'RULES_EXPIRED', rules: '厦门市公共数据共享开放管理暂行办法', basis: '厦门市公共数据共享开放管理暂行办法 第三十条', rulesValidUntil: '2025-12-27', message: expect.any(Object) }]);
  });

  it('an application under substantive review across the end carries it from the next day and keeps it once approved; its grant carries it', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2025-12-24T10:00:00+08:00' });
    const app = await apply(world, undefined, { periodOfUse: PERIOD_OF_USE });
    const target = { platform: 'open-data', objectType: 'application', objectId: app.id };
    await world.act({ ...target, action: 'pass_initial_review' });

    await world.advance({ to: '2025-12-29T10:00:00+08:00' });
    const reviewing = await world.openData('GET', `/applications/${app.id}`, { as: world.org(APPLICANT) });
    expect(reviewing.body).toMatchObject({ state: 'substantive_review', deadline: { startedOn: '2025-12-24' } });
    expect(reviewing.body.warnings).toEqual([EXPIRED]);

    const approved = await world.act({ ...target, action: 'approve' });
    const read = await world.openData('GET', `/applications/${app.id}`, { as: world.org(APPLICANT) });
    expectContract('open-data', 'getApplication', read, 200);
    expect(read.body.warnings).toEqual([EXPIRED]);
    expect((await readGrant(world, approved.body.object.grantId)).warnings).toEqual([GRANT_EXPIRED]);
  });

  it('a grant approved before the end carries it once in force after it', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2025-12-22T10:00:00+08:00' });
    const grant = await grantApprovedAt(world, '2025-12-23T10:00:00+08:00', { from: '2025-12-23', to: '2026-06-30' });
    expect(grant.warnings).toEqual([]);
    await world.advance({ to: '2026-01-05T10:00:00+08:00' });
    expect((await readGrant(world, grant.id)).warnings).toEqual([GRANT_EXPIRED]);
  });

  it.each(['national', 'inner-mongolia'])('%s: never a warning', async (profile) => {
    const world = await openWorld(ctx, { profile, startAt: '2026-01-05T10:00:00+08:00' });
    expect((await apply(world, undefined, { periodOfUse: PERIOD_OF_USE })).warnings).toEqual([]);
  });
});
