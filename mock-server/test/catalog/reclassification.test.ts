// Reclassification of a 不予开放 resource (厦门 第二十二条 第三款): "经处理后符合开放要求或者相关权利人
// 明示同意开放的，应当根据使用条件和适用范围纳入普遍开放或者依申请开放范围". The provider states the
// ground; the data authority reviews it as a catalog change; the published version opens the
// resource on the open-data platform, and the legal basis it left behind stays in the history.
import { describe, expect, it } from 'vitest';
import { createOpenDataPlatform } from '../../src/platforms/open-data/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { applicationBy } from '../open-data/fixtures.js';
import type { Credentials } from '../support/client.js';
import { act, createDraft, expectCatalog, expectSim, getEntry, submit, useCatalogMock, type TestSandbox } from './workflow-harness.js';
import { sharedContract } from '../../src/app/shared-contracts.js';

const RECLASSIFY = '/entries/{entryId}/reclassification';
const LEGAL_BASIS = '《中华人民共和国个人信息保护法》第十三条';

const desensitised = {
  openingType: 'open',
  ground: { kind: 'desensitisation', description: '删除所有人身份证号，号牌号码按公共数据治理与脱敏脱密规则去标识化。', evidenceRef: 'TM-2025-0931 脱敏处理记录' },
  note: '经脱敏处理后符合开放要求。',
};

const consented = {
  openingType: 'on_application',
  conditions: ['scenario_list', 'credit_status'],
  ground: { kind: 'right_holder_consent', description: '相关权利人书面明示同意依申请开放。', evidenceRef: '同意书 2025-TY-017' },
};

describe('reclassifying a not_open catalog resource', () => {
  const ctx = useCatalogMock(undefined, {}, () => [createOpenDataPlatform({ spec: sharedContract('open-data'), seedData: seedDataOf })]);

  /** A published `not_open` entry of `me` (the vehicles example). */
  async function publishedNotOpen(sbx: TestSandbox, me: Credentials, name: string): Promise<any> {
    const draft = await createDraft(ctx, sbx, me, name);
    await submit(ctx, sbx, me, draft.id);
    return expectSim(await act(ctx, sbx, draft.id, 'publish'), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
  }

  const reclassify = (sbx: TestSandbox, me: Credentials, id: string, body: unknown) => ctx.call('POST', `${sbx.catalog}/entries/${id}/reclassification`, { as: me, body });
  const datasets = async (sbx: TestSandbox, q: string) => (await ctx.call('GET', `${sbx.base('open-data')}/datasets?q=${encodeURIComponent(q)}`)).body.items;

  it('with desensitisation: under review (5 WD) while the resource stays not open, then published as open, with the legal basis kept and a dataset on the open-data platform', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '脱敏重分类测试资源');
    expect(await datasets(sbx, '脱敏重分类测试资源')).toEqual([]);

    const proposed = expectCatalog(await reclassify(sbx, me, entry.id, desensitised), 'POST', RECLASSIFY, 200);
    expect(proposed).toMatchObject({ state: 'change_submitted', version: 2, content: { opening: { type: 'open', conditions: [] } }, publishedContent: { opening: { type: 'not_open', legalBasis: LEGAL_BASIS } } });
    expect(proposed.content.opening.legalBasis).toBeUndefined();
    expect(proposed.deadline).toMatchObject({ step: 'authority_review', limit: 5, startTrigger: 'change_submitted' });
    expect(proposed.reclassifications).toEqual([
      { version: 2, status: 'pending', from: { type: 'not_open', legalBasis: LEGAL_BASIS }, to: { type: 'open', conditions: [] }, ground: desensitised.ground, proposedAt: proposed.updatedAt, effectiveAt: null },
    ]);
    const event = proposed.events.at(-1);
    expect(event).toMatchObject({ type: 'state_changed', from: 'published', to: 'change_submitted', actor: { role: 'data_provider', organizationId: me.id }, reason: { code: 'desensitisation', text: desensitised.ground.description } });
    // Under review, nothing is open yet.
    expect(await datasets(sbx, '脱敏重分类测试资源')).toEqual([]);

    const published = expectSim(await act(ctx, sbx, entry.id, 'publish'), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
    expect(published).toMatchObject({ state: 'published', version: 2, content: { opening: { type: 'open' } }, publishedContent: null });
    expect(published.reclassifications[0]).toMatchObject({ status: 'effective', effectiveAt: published.updatedAt, from: { legalBasis: LEGAL_BASIS } });

    const [dataset] = await datasets(sbx, '脱敏重分类测试资源');
    expect(dataset).toMatchObject({ entryId: entry.id, openingType: 'open', conditions: [], provider: { creditCode: sbx.organizations.find((o) => o.id === me.id)!.creditCode } });
    // Sensitive items stay out of the published field list.
    expect(dataset.fields.map((f: { name: string }) => f.name)).toEqual(['号牌号码']);
    const one = await ctx.call('GET', `${sbx.base('open-data')}/datasets/${dataset.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(dataset);

    // Another organisation reads the published version, its reclassification included.
    const reader = sbx.providers[1]!;
    expect((await getEntry(ctx, sbx, reader, entry.id)).reclassifications).toEqual(published.reclassifications);

    const feed = await ctx.sim('GET', `/sandboxes/${sbx.id}/events?limit=200`);
    const mine = feed.body.items.filter((e: { objectId: string }) => e.objectId === entry.id).map((e: { event: { from: string; to: string } }) => `${e.event.from}→${e.event.to}`);
    expect(mine.slice(-2)).toEqual(['published→change_submitted', 'change_submitted→published']);
    const timeline = expectSim(await ctx.sim('GET', `/sandboxes/${sbx.id}/objects/catalog/entry/${entry.id}/timeline`), 'GET', '/sandboxes/{sandboxId}/objects/{platform}/{objectType}/{objectId}/timeline', 200);
    expect(timeline.events.map((e: { event: { reason: unknown } }) => e.event.reason)).toContainEqual({ code: 'desensitisation', text: desensitised.ground.description });
  });

  it('replays a reclassification sent again with its Idempotency-Key instead of refusing it', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '幂等重分类测试资源');
    const send = () => ctx.call('POST', `${sbx.catalog}/entries/${entry.id}/reclassification`, { as: me, body: desensitised, headers: { 'Idempotency-Key': 'reclassify-once' } });
    const first = expectCatalog(await send(), 'POST', RECLASSIFY, 200);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first);
    expect((await getEntry(ctx, sbx, me, entry.id)).reclassifications).toHaveLength(1);
  });

  it('with the right holder consent: on_application with opening conditions, which an application must evidence', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '同意重分类测试资源');
    expectCatalog(await reclassify(sbx, me, entry.id, consented), 'POST', RECLASSIFY, 200);
    const published = expectSim(await act(ctx, sbx, entry.id, 'publish'), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
    expect(published.content.opening).toEqual({ type: 'on_application', conditions: ['scenario_list', 'credit_status'] });
    expect(published.reclassifications[0]).toMatchObject({ status: 'effective', ground: { kind: 'right_holder_consent', evidenceRef: '同意书 2025-TY-017' } });
    const [dataset] = await datasets(sbx, '同意重分类测试资源');
    expect(dataset).toMatchObject({ openingType: 'on_application', conditions: [{ kind: 'scenario_list' }, { kind: 'credit_status' }] });
    expect(dataset.distributions.every((d: { requiresGrant: boolean }) => d.requiresGrant)).toBe(true);

    const applicant = sbx.organizations.find((o) => o.roles.includes('applicant'))!;
    const application = (conditionEvidence: { condition: string; text: string }[]) =>
      applicationBy(applicant, { id: dataset.id, openingConditions: [] }, { scenario: { name: '车辆保险定价', description: '按车型统计出险率' }, conditionEvidence });
    const unevidenced = await ctx.call('POST', `${sbx.base('open-data')}/applications`, { as: applicant, body: application([{ condition: 'scenario_list', text: '场景在允许范围内' }]) });
    expect(unevidenced.status).toBe(400);
    expect(unevidenced.body.errors[0]).toMatchObject({ pointer: '/conditionEvidence', code: 'CONDITION_EVIDENCE_MISSING' });
    const evidence = [{ condition: 'scenario_list', text: '场景在允许范围内' }, { condition: 'credit_status', text: '未列入失信名单' }];
    const submitted = await ctx.call('POST', `${sbx.base('open-data')}/applications`, { as: applicant, body: application(evidence) });
    expect(submitted.status).toBe(201);
  });

  it('opens a seeded not_open resource too (a dataset id of its own, stable across reads)', async () => {
    const sbx = await ctx.sandbox();
    const seeded = seedDataOf({ id: sbx.id, seed: 42, profile: 'xiamen', startAt: Date.parse('2025-09-26T10:00:00+08:00') }).catalogEntries.find(
      (e) => e.state === 'published' && e.opening.type === 'not_open',
    )!;
    const provider = sbx.organizations.find((o) => o.id === seeded.provider.organizationId)!;
    expectCatalog(await reclassify(sbx, provider, seeded.id, desensitised), 'POST', RECLASSIFY, 200);
    expect((await act(ctx, sbx, seeded.id, 'publish')).status).toBe(200);
    const found = (await ctx.call('GET', `${sbx.base('open-data')}/datasets?limit=200&provider=${seeded.provider.creditCode}`)).body.items.filter((d: { entryId: string }) => d.entryId === seeded.id);
    expect(found).toHaveLength(1);
    expect((await ctx.call('GET', `${sbx.base('open-data')}/datasets/${found[0].id}`)).body).toEqual(found[0]);
  });

  it('refuses a reclassification without a ground, without consent evidence, or to on_application without conditions: 400 at the field, nothing changed', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '无依据重分类测试资源');
    const before = await getEntry(ctx, sbx, me, entry.id);
    const cases: [unknown, string][] = [
      [{ openingType: 'open' }, '/ground'],
      [{ openingType: 'open', ground: { kind: 'right_holder_consent', description: '权利人同意' } }, '/ground/evidenceRef'],
      [{ openingType: 'on_application', ground: desensitised.ground }, '/conditions'],
      [{ openingType: 'not_open', ground: desensitised.ground }, '/openingType'],
      [{ openingType: 'open', ground: { kind: 'request_from_society', description: '社会需求' } }, '/ground/kind'],
    ];
    for (const [body, pointer] of cases) {
      const reply = await reclassify(sbx, me, entry.id, body);
      expectCatalog(reply, 'POST', RECLASSIFY, 400);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      expect(reply.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
    }
    expect(await getEntry(ctx, sbx, me, entry.id)).toEqual(before);
    expect(await datasets(sbx, '无依据重分类测试资源')).toEqual([]);
  });

  it('refuses to reclassify a resource that is not not_open (409 NOT_RECLASSIFIABLE) and a change pending (409), changing nothing', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '已开放重分类测试资源');
    expectCatalog(await reclassify(sbx, me, entry.id, desensitised), 'POST', RECLASSIFY, 200);
    const pending = await reclassify(sbx, me, entry.id, consented);
    expectCatalog(pending, 'POST', RECLASSIFY, 409);
    expect(pending.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'change_submitted' });
    await act(ctx, sbx, entry.id, 'publish');

    const before = await getEntry(ctx, sbx, me, entry.id);
    const again = await reclassify(sbx, me, entry.id, consented);
    expectCatalog(again, 'POST', RECLASSIFY, 409);
    expect(again.body).toMatchObject({ code: 'NOT_RECLASSIFIABLE', openingType: 'open', message: { zh: expect.stringContaining('不予开放'), en: expect.stringContaining('not_open') } });
    expect(await getEntry(ctx, sbx, me, entry.id)).toEqual(before);

    const stranger = sbx.providers[1]!;
    expect((await reclassify(sbx, stranger, entry.id, desensitised)).status).toBe(404);
  });

  it('offers reclassify in allowedEvents only while the published version is not_open, as it is accepted', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '可重分类事件测试资源');
    const submitAgain = () => ctx.call('POST', `${sbx.catalog}/entries/${entry.id}/submissions`, { as: me, body: {} });
    const closed = await submitAgain();
    expectCatalog(closed, 'POST', '/entries/{entryId}/submissions', 409);
    expect(closed.body.allowedEvents).toEqual(['propose_change', 'reclassify', 'withdraw']);

    expectCatalog(await reclassify(sbx, me, entry.id, desensitised), 'POST', RECLASSIFY, 200);
    await act(ctx, sbx, entry.id, 'publish');
    // Published as open now: a reclassification answers NOT_RECLASSIFIABLE, so no refusal offers it.
    const open = await submitAgain();
    expectCatalog(open, 'POST', '/entries/{entryId}/submissions', 409);
    expect(open.body.allowedEvents).toEqual(['propose_change', 'withdraw']);
    expect(open.body.detail).toContain('allowed: propose_change, withdraw');
    const edit = await ctx.call('PATCH', `${sbx.catalog}/entries/${entry.id}`, { as: me, body: { summary: '已发布时不可直接修改。' } });
    expectCatalog(edit, 'PATCH', '/entries/{entryId}', 409);
    expect(edit.body.allowedEvents).toEqual(['propose_change', 'withdraw']);
  });

  it('refuses to lift not_open through an ordinary change or edit (422 RECLASSIFICATION_REQUIRED at the opening type)', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '绕过重分类测试资源');
    const change = await ctx.call('POST', `${sbx.catalog}/entries/${entry.id}/changes`, { as: me, body: { changes: { opening: { type: 'open', conditions: [] } } } });
    expectCatalog(change, 'POST', '/entries/{entryId}/changes', 422);
    expect(change.body).toMatchObject({ code: 'RECLASSIFICATION_REQUIRED', errors: [{ pointer: '/changes/opening/type', code: 'RECLASSIFICATION_REQUIRED' }] });
    // A change that keeps it not_open (a new legal basis) is an ordinary change.
    const basis = await ctx.call('POST', `${sbx.catalog}/entries/${entry.id}/changes`, { as: me, body: { changes: { opening: { type: 'not_open', conditions: [], legalBasis: '《中华人民共和国数据安全法》第三十八条' } } } });
    expectCatalog(basis, 'POST', '/entries/{entryId}/changes', 200);
    // Returned for correction, the not_open version is still the published one: an edit may not lift it either.
    await act(ctx, sbx, entry.id, 'return', { reasons: [{ text: '法律依据引用不准确' }] });
    const edit = await ctx.call('PATCH', `${sbx.catalog}/entries/${entry.id}`, { as: me, body: { opening: { type: 'open', conditions: [] } } });
    expectCatalog(edit, 'PATCH', '/entries/{entryId}', 422);
    expect(edit.body.errors[0].pointer).toBe('/opening/type');
  });

  it('a returned reclassification stays pending; resubmitted and published, it takes effect; returned and corrected back to not_open, it is abandoned', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '退回重分类测试资源');
    await reclassify(sbx, me, entry.id, consented);
    const returned = expectSim(await act(ctx, sbx, entry.id, 'return', { reasons: [{ text: '未附同意书扫描件' }] }), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
    expect(returned).toMatchObject({ state: 'returned', reclassifications: [{ status: 'pending' }] });
    expect(await datasets(sbx, '退回重分类测试资源')).toEqual([]);
    // The provider may adjust the target within the pending reclassification.
    expectCatalog(await ctx.call('PATCH', `${sbx.catalog}/entries/${entry.id}`, { as: me, body: { opening: { type: 'on_application', conditions: ['usage_feedback'] } } }), 'PATCH', '/entries/{entryId}', 200);
    await submit(ctx, sbx, me, entry.id);
    const published = expectSim(await act(ctx, sbx, entry.id, 'publish'), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
    expect(published.reclassifications).toEqual([expect.objectContaining({ status: 'effective', to: { type: 'on_application', conditions: ['usage_feedback'] } })]);

    const other = await publishedNotOpen(sbx, me, '放弃重分类测试资源');
    await reclassify(sbx, me, other.id, desensitised);
    await act(ctx, sbx, other.id, 'return', { reasons: [{ text: '脱敏不充分' }] });
    await ctx.call('PATCH', `${sbx.catalog}/entries/${other.id}`, { as: me, body: { opening: { type: 'not_open', conditions: [], legalBasis: LEGAL_BASIS } } });
    await submit(ctx, sbx, me, other.id);
    const kept = expectSim(await act(ctx, sbx, other.id, 'publish'), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
    expect(kept).toMatchObject({ content: { opening: { type: 'not_open' } }, reclassifications: [{ status: 'abandoned', effectiveAt: null }] });
    expect(await datasets(sbx, '放弃重分类测试资源')).toEqual([]);
  });

  it('takes effect at once where the profile has no review of reclassifications (options.reclassificationReview: none)', async () => {
    const sbx = await ctx.sandbox({ profile: { extends: 'xiamen', name: 'xiamen-direct', options: { reclassificationReview: 'none' } } });
    const me = sbx.providers[0]!;
    const entry = await publishedNotOpen(sbx, me, '直接重分类测试资源');
    const done = expectCatalog(await reclassify(sbx, me, entry.id, desensitised), 'POST', RECLASSIFY, 200);
    expect(done).toMatchObject({ state: 'published', version: 2, deadline: null, content: { opening: { type: 'open' } }, reclassifications: [{ status: 'effective' }] });
    expect(done.events.at(-1)).toMatchObject({ from: 'published', to: 'published', reason: { code: 'desensitisation' } });
    expect(await datasets(sbx, '直接重分类测试资源')).toHaveLength(1);
  });
});
