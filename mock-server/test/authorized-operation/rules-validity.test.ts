import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { TRANSPORTS } from '../support/transports.js';
import { agreement, approvedPlan, dataAccessBody, designatedAuthorization, openAoWorld, planContent, productBody, useAoMock } from './fixtures.js';

// Ambiguity 11 of authorized-operation.md: 厦门办法 was valid 2023-12-28 to 2025-12-27 and is kept
// after it, with a machine-readable `RULES_EXPIRED` warning ("warn after it") on what is live under
// it on a later day: created after it, or still running then (kept once it ends).
// Fields and message name the rules, the article stating their validity and the last day, in the
// shape the sharing and open-data warning has; the English says what the Chinese title is.
const EXPIRED = {
  code: 'RULES_EXPIRED',
  rules: '厦门市公共数据开发利用管理暂行办法',
  basis: '厦门市公共数据开发利用管理暂行办法 第二十七条',
  rulesValidUntil: '2025-12-27',
  message: {
    zh: expect.stringMatching(/《厦门市公共数据开发利用管理暂行办法》.*2025-12-27.*第二十七条/),
    en: expect.stringMatching(/^The local authorized-operation rules 厦门市公共数据开发利用管理暂行办法 were valid until 2025-12-27 \(.*第二十七条\)/),
  },
};

for (const name of ['in-process fetch', 'msw setupServer', 'node:http server']) {
  describe(`local rules' validity over ${name}`, () => {
    const ctx = useAoMock(TRANSPORTS[name]!);

    it('xiamen: nothing warns on the rules\' last day; what is created or still live after it carries RULES_EXPIRED', async () => {
      const world = await openAoWorld(ctx, { profile: 'xiamen', startAt: '2025-12-27T10:00:00+08:00' });
      const before = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
      expectContract('authorized-operation', 'createPlan', before, 201);
      expect(before.body.warnings).toEqual([]);

      await world.advance({ to: '2025-12-28T09:00:00+08:00' });
      const after = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
      expectContract('authorized-operation', 'createPlan', after, 201);
      expect(after.body.warnings).toEqual([EXPIRED]);
      // The earlier plan, still being drafted after the last day, runs under the lapsed rules too.
      const reread = await world.ao('GET', `/plans/${before.body.id}`, { as: world.body });
      expectContract('authorized-operation', 'getPlan', reread, 200);
      expect(reread.body.warnings).toEqual([EXPIRED]);

      await world.ao('POST', `/plans/${after.body.id}/submissions`, { as: world.body, body: {} });
      await world.official('plan', after.body.id, 'approve_plan');
      const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: after.body.id, method: 'designation' } });
      expectContract('authorized-operation', 'createSelection', selection, 201);
      expect(selection.body.warnings).toEqual([EXPIRED]);
    });
  });
}

describe('xiamen: objects signed or made under the rules and still live after they lapsed', () => {
  const ctx = useAoMock();

  it('an authorization signed before 2025-12-27 and running after it carries RULES_EXPIRED, with its plan, selection, data access request and product, and keeps it once revoked; what ended by that day carries none', async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen', startAt: '2025-12-22T10:00:00+08:00' });
    const authorizationId = await designatedAuthorization(world);
    const authorization = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.body });
    const { planId, selectionId } = authorization.body;
    const request = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    expectContract('authorized-operation', 'submitDataAccessRequest', request, 201);
    const product = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
    expectContract('authorized-operation', 'createProduct', product, 201);
    // A plan rejected and an authorization expiring at 24:00 of 2025-12-27: both ended by the last valid day.
    const rejected = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    await world.ao('POST', `/plans/${rejected.body.id}/submissions`, { as: world.body, body: {} });
    expect((await world.official('plan', rejected.body.id, 'reject_plan', { reasons: [{ text: '范围不清。' }] })).status).toBe(200);
    const shortLived = await shortTermAuthorization(world, { from: '2025-12-22', to: '2025-12-27' });

    const paths = [`/authorizations/${authorizationId}`, `/plans/${planId}`, `/selections/${selectionId}`, `/data-access-requests/${request.body.id}`, `/products/${product.body.id}`];
    const warningsOf = async (path: string) => (await world.ao('GET', path, { as: path.startsWith('/products') || path.startsWith('/data-access') ? world.operator : world.body })).body.warnings;
    await world.advance({ to: '2025-12-27T18:00:00+08:00' });
    for (const path of paths) expect(await warningsOf(path), path).toEqual([]);

    await world.advance({ to: '2025-12-28T09:00:00+08:00' });
    const running = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.body });
    expectContract('authorized-operation', 'getAuthorization', running, 200);
    expect(running.body.state).toBe('active');
    for (const path of paths) expect(await warningsOf(path), path).toEqual([EXPIRED]);
    expect(await warningsOf(`/plans/${rejected.body.id}`)).toEqual([]);
    const expired = await world.ao('GET', `/authorizations/${shortLived}`, { as: world.body });
    expect(expired.body.state).toBe('expired');
    expect(expired.body.warnings).toEqual([]);

    // It operated under the lapsed rules: the warning stays once it ends.
    expect((await world.official('authorization', authorizationId, 'revoke', { reasons: [{ text: '严重违约。' }] })).status).toBe(200);
    const revoked = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.body });
    expectContract('authorized-operation', 'getAuthorization', revoked, 200);
    expect(revoked.body.state).toBe('terminated');
    expect(revoked.body.warnings).toEqual([EXPIRED]);
  });
});

/** A Xiamen plan approved, its operator designated and an agreement over `term` signed; answers the authorization's id. */
async function shortTermAuthorization(world: Awaited<ReturnType<typeof openAoWorld>>, term: { from: string; to: string }): Promise<string> {
  const plan = await approvedPlan(world);
  const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'designation' } });
  await world.official('selection', selection.body.id, 'designate', { operatorId: world.operator.id });
  await world.official('selection', selection.body.id, 'deliberate_agreement', { agreement: agreement([world.scopeItem()], term) });
  const signed = await world.official('selection', selection.body.id, 'sign');
  expect(signed.status).toBe(200);
  return signed.body.object.authorizationId;
}

describe('local rules without an end', () => {
  const ctx = useAoMock();

  it.each(['national', 'inner-mongolia'])('%s: no warning after 2025-12-27', async (profile) => {
    const world = await openAoWorld(ctx, { profile, startAt: '2026-03-02T10:00:00+08:00' });
    const plan = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    expectContract('authorized-operation', 'createPlan', plan, 201);
    expect(plan.body.warnings).toEqual([]);
  });

  it('a custom profile ending its rules without citing them: rules and basis null, the message names the profile', async () => {
    const profile = { name: 'ends-uncited', extends: 'national', options: { authorizedOperation: { rulesValidUntil: '2026-01-31' } } };
    const world = await openAoWorld(ctx, { profile, startAt: '2026-03-02T10:00:00+08:00' });
    const plan = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    expectContract('authorized-operation', 'createPlan', plan, 201);
    expect(plan.body.warnings).toEqual([{ code: 'RULES_EXPIRED', rules: null, basis: null, rulesValidUntil: '2026-01-31', message: { zh: expect.stringContaining('2026-01-31'), en: expect.stringContaining('2026-01-31') } }]);
  });
});

describe('a custom profile citing its local rules', () => {
  const ctx = useAoMock();

  // The authorized-operation rules and the sharing and open-data rules: each quoted by a warning the contracts bound.
  const LONG_CITATIONS = [
    ['authorizedOperation/rules', { authorizedOperation: { rules: { title: '办'.repeat(201), basis: '某市办法 第三十条' } } }],
    ['sharingOpenDataRules', { sharingOpenDataRules: { title: '办'.repeat(201), basis: '某市办法 第三十条', validUntil: '2025-12-27' } }],
  ] as const;

  it.each(LONG_CITATIONS)('refuses a %s title longer than the contracts allow at its pointer, creating nothing (the warning quoting it would break its contract)', async (path, options) => {
    const profile = { name: 'long-rules', extends: 'xiamen', options };
    const reply = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_long_rules', profile } });
    expectContract('simulation', 'createSandbox', reply, 400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: `/profile/options/${path}/title` })]);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/sbx_long_rules')).status).toBe(404);
  });

  const tempDir = useTempDirs();

  it.each(LONG_CITATIONS)('replays a create an older version acknowledged with a longer %s title, cut to the bound, rather than losing the sandbox', async (_path, options) => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    await open().close();
    const profile = { name: 'long-rules', extends: 'xiamen', options };
    journalAcknowledged(dataDir, [{ path: '/_sim/v1/sandboxes', body: { id: 'sbx_older', profile }, status: 201 }]);
    const replayed = open();
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expectContract('simulation', 'getSandbox', await callOf(replayed)('GET', '/_sim/v1/sandboxes/sbx_older'), 200);
    // Saved and restored on the next start, it still loads.
    await replayed.close();
    const objects = await callOf(open())('GET', '/_sim/v1/sandboxes/sbx_older/objects?platform=authorized-operation');
    expectContract('simulation', 'listObjects', objects, 200);
    expect(logged).toEqual([]);
  });
});
