// A dispute over a sharing-type label (共享属性异议, 厦门 第十五条): "政务部门、公共服务组织应当依职责标注公共数据的
// 共享属性，市大数据主管部门对标注的公共数据共享属性有异议，且经协商不能达成一致意见的，报市人民政府决定。"
// The data authority disputes during its review (simulation API), the provider answers on the
// catalog platform, the city government decides what negotiation did not settle.
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../support/client.js';
import { act, advance, createDraft, entryContent, expectCatalog, expectSim, getEntry, search, submit, useCatalogMock, withSdkClients, type TestSandbox } from './workflow-harness.js';

const ANSWER = '/entries/{entryId}/sharing-type-dispute/answer';
const ACTIONS = '/sandboxes/{sandboxId}/actions';
const TIMELINE = '/sandboxes/{sandboxId}/objects/{platform}/{objectType}/{objectId}/timeline';
const PROVIDER_LABEL = { type: 'conditional', conditions: ['specific_scenario'] };
const dispute = { reasons: [{ text: '机动车登记信息属基础信息，应无条件共享。' }], sharing: { type: 'unconditional' } };
const keep = { answer: 'keep', reasons: [{ text: '含所有人身份信息，仅限定应用场景共享。' }] };

describe('sharing-type dispute of a catalog entry (xiamen)', () => {
  const ctx = useCatalogMock();

  /** A submitted entry of the vehicles example (conditional, specific_scenario) in a `profile` sandbox. */
  async function submittedEntry(name: string, profile = 'xiamen') {
    const sbx = await ctx.sandbox({ profile });
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me, name);
    await submit(ctx, sbx, me, draft.id);
    return { sbx, me, id: draft.id as string };
  }

  const answer = (sbx: TestSandbox, me: Credentials, id: string, body: unknown) => ctx.call('POST', `${sbx.catalog}/entries/${id}/sharing-type-dispute/answer`, { as: me, body });
  const offered = async (sbx: TestSandbox, id: string) => {
    const timeline = expectSim(await ctx.sim('GET', `/sandboxes/${sbx.id}/objects/catalog/entry/${id}/timeline`), 'GET', TIMELINE, 200);
    return timeline.allowedActions.map((a: { action: string; role: string }) => [a.action, a.role]);
  };
  const official = async (sbx: TestSandbox, id: string, action: string, extra: Record<string, unknown> = {}) => expectSim(await act(ctx, sbx, id, action, extra), 'POST', ACTIONS, 200);

  it('dispute → the provider agrees → the review resumes with a fresh clock → published with the proposed label', async () => {
    const { sbx, me, id } = await submittedEntry('共享属性异议同意测试');
    const disputed = await official(sbx, id, 'dispute_sharing_type', dispute);
    expect(disputed).toMatchObject({ from: 'submitted', to: 'sharing_type_negotiation', event: { actor: { role: 'data_authority' }, reason: dispute.reasons[0] } });
    expect(disputed.object).toMatchObject({ state: 'sharing_type_negotiation', deadline: null, content: { sharing: PROVIDER_LABEL } });
    expect(await offered(sbx, id)).toEqual([['withdraw_dispute', 'data_authority']]);
    expect(disputed.object.sharingTypeDisputes).toEqual([
      { version: 1, status: 'negotiating', disputedLabel: PROVIDER_LABEL, proposed: dispute.sharing, reasons: dispute.reasons, answer: null, decision: null, openedAt: disputed.object.updatedAt, closedAt: null },
    ]);

    await advance(ctx, sbx, { workingDays: 10 });
    const agreed = expectCatalog(await answer(sbx, me, id, { answer: 'agree', note: '同意调整。' }), 'POST', ANSWER, 200);
    expect(agreed).toMatchObject({ state: 'submitted', content: { sharing: { type: 'unconditional', deliveryMethods: ['api', 'file'] } } });
    expect(agreed.content.sharing.conditions).toBeUndefined();
    // The review's clock restarted (disputeReviewClock: restart): 5 WD from the answer, not overdue.
    expect(agreed.deadline).toMatchObject({ step: 'authority_review', limit: 5, startedOn: agreed.updatedAt.slice(0, 10), overdue: false });
    expect(agreed.sharingTypeDisputes[0]).toMatchObject({ status: 'agreed', answer: { kind: 'agree', reasons: [], at: agreed.updatedAt }, closedAt: agreed.updatedAt });

    const published = (await official(sbx, id, 'publish')).object;
    expect(published).toMatchObject({ state: 'published', content: { sharing: { type: 'unconditional' } } });
    expect((await search(ctx, sbx, '共享属性异议同意测试')).items).toEqual([expect.objectContaining({ id, sharingType: 'unconditional' })]);
    // Others read the settled dispute with the published version.
    expect((await getEntry(ctx, sbx, sbx.providers[1]!, id)).sharingTypeDisputes).toEqual(published.sharingTypeDisputes);
  });

  it('dispute of a change → the provider keeps its label → escalated → the city government decides → published with the decided label', async () => {
    const { sbx, me, id } = await submittedEntry('共享属性异议市政府决定测试');
    await official(sbx, id, 'publish');
    expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries/${id}/changes`, { as: me, body: { changes: { updateCycle: 'real_time' } } }), 'POST', '/entries/{entryId}/changes', 200);
    expect((await official(sbx, id, 'dispute_sharing_type', dispute)).to).toBe('sharing_type_negotiation');

    const kept = expectCatalog(await answer(sbx, me, id, keep), 'POST', ANSWER, 200);
    expect(kept).toMatchObject({ state: 'sharing_type_unresolved', content: { sharing: PROVIDER_LABEL } });
    expect(kept.sharingTypeDisputes[0]).toMatchObject({ version: 2, status: 'unresolved', answer: { kind: 'keep', reasons: keep.reasons } });
    expect(kept.events.at(-1)).toMatchObject({ from: 'sharing_type_negotiation', to: 'sharing_type_unresolved', actor: { role: 'data_provider', organizationId: me.id }, reason: keep.reasons[0] });

    expect(await offered(sbx, id)).toEqual([['withdraw_dispute', 'data_authority'], ['escalate', 'data_authority']]);
    expect((await official(sbx, id, 'escalate')).object.sharingTypeDisputes[0].status).toBe('escalated');
    // The timeline offers the city government's decision, with the fields it needs.
    const timeline = expectSim(await ctx.sim('GET', `/sandboxes/${sbx.id}/objects/catalog/entry/${id}/timeline`), 'GET', TIMELINE, 200);
    expect(timeline.allowedActions).toEqual([expect.objectContaining({ action: 'decide_sharing_type', role: 'city_government' })]);
    expect(timeline.allowedActions[0].fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['reasons', 'sharing']));
    const decision = { reasons: [{ text: '经研究，限定市重点工作共享。' }], sharing: { type: 'conditional', conditions: ['key_municipal_work'] } };
    const decided = await official(sbx, id, 'decide_sharing_type', decision);
    expect(decided).toMatchObject({ from: 'sharing_type_escalated', to: 'change_submitted', event: { actor: { role: 'city_government' } } });
    expect(decided.object).toMatchObject({ state: 'change_submitted', content: { sharing: { type: 'conditional', conditions: ['key_municipal_work'] } }, publishedContent: { sharing: PROVIDER_LABEL } });
    expect(decided.object.sharingTypeDisputes[0]).toMatchObject({ status: 'decided', decision: { sharing: decision.sharing, reasons: decision.reasons, at: decided.object.updatedAt }, closedAt: decided.object.updatedAt });

    const published = (await official(sbx, id, 'publish')).object;
    expect(published).toMatchObject({ state: 'published', version: 2, content: { updateCycle: 'real_time', sharing: { type: 'conditional', conditions: ['key_municipal_work'] } } });
  });

  it('the authority withdraws its dispute: the review continues with the provider\'s label', async () => {
    const { sbx, me, id } = await submittedEntry('共享属性异议撤回测试');
    await official(sbx, id, 'dispute_sharing_type', { ...dispute, sharing: { type: 'not_shared', legalBasis: '《中华人民共和国数据安全法》第二十一条' } });
    expectCatalog(await answer(sbx, me, id, keep), 'POST', ANSWER, 200);
    const withdrawn = await official(sbx, id, 'withdraw_dispute');
    expect(withdrawn.object).toMatchObject({ state: 'submitted', content: { sharing: PROVIDER_LABEL }, deadline: { step: 'authority_review' } });
    expect(withdrawn.object.sharingTypeDisputes[0]).toMatchObject({ status: 'withdrawn', decision: null, closedAt: withdrawn.object.updatedAt });
    expect((await official(sbx, id, 'publish')).object.content.sharing).toMatchObject(PROVIDER_LABEL);
  });

  it('national has no such dispute: 409 ILLEGAL_TRANSITION, nothing changed', async () => {
    const { sbx, me, id } = await submittedEntry('全国共享属性异议测试', 'national');
    const before = await getEntry(ctx, sbx, me, id);
    const refused = expectSim(await act(ctx, sbx, id, 'dispute_sharing_type', dispute), 'POST', ACTIONS, 409);
    expect(refused).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'submitted' });
    expect(refused.allowedEvents).not.toContain('dispute_sharing_type');
    expect(await getEntry(ctx, sbx, me, id)).toEqual(before);
  });

  it('bad input answers 400 at the field and changes nothing', async () => {
    const { sbx, me, id } = await submittedEntry('共享属性异议输入校验测试');
    const before = await getEntry(ctx, sbx, me, id);
    const cases: [Record<string, unknown>, string][] = [
      [{ sharing: { type: 'unconditional' } }, '/reasons'],
      [{ ...dispute, sharing: { type: 'shared_sometimes' } }, '/sharing/type'],
      [{ ...dispute, sharing: { type: 'not_shared' } }, '/sharing/legalBasis'],
    ];
    for (const [extra, pointer] of cases) {
      const reply = expectSim(await act(ctx, sbx, id, 'dispute_sharing_type', extra), 'POST', ACTIONS, 400);
      expect(reply.code).toBe('VALIDATION_FAILED');
      expect(reply.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      expect(reply.errors[0].message).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
    expect(await getEntry(ctx, sbx, me, id)).toEqual(before);

    // No dispute open: the provider's answer is refused by the state.
    expect(expectCatalog(await answer(sbx, me, id, { answer: 'agree' }), 'POST', ANSWER, 409).code).toBe('ILLEGAL_TRANSITION');
    await official(sbx, id, 'dispute_sharing_type', dispute);
    const during = await getEntry(ctx, sbx, me, id);
    const unreasoned = expectCatalog(await answer(sbx, me, id, { answer: 'keep' }), 'POST', ANSWER, 400);
    expect(unreasoned.errors.map((e: { pointer: string }) => e.pointer)).toContain('/reasons');
    expect(expectCatalog(await answer(sbx, me, id, { answer: 'maybe' }), 'POST', ANSWER, 400).errors.map((e: { pointer: string }) => e.pointer)).toContain('/answer');
    // Another provider does not see the entry under review; the data authority cannot answer for the provider.
    expect(expectCatalog(await answer(sbx, sbx.providers[1]!, id, { answer: 'agree' }), 'POST', ANSWER, 404).code).toBe('NOT_FOUND');
    expect(expectSim(await act(ctx, sbx, id, 'agree_sharing_type'), 'POST', ACTIONS, 400).code).toBe('VALIDATION_FAILED');
    expect(await getEntry(ctx, sbx, me, id)).toEqual(during);
  });
});

describe('sharing-type dispute through the SDKs, replays and snapshots', () => {
  const ctx = useCatalogMock();

  it('a replayed answer returns the first result; an imported snapshot keeps the open dispute', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me, '共享属性异议幂等测试');
    await submit(ctx, sbx, me, draft.id);
    expectSim(await act(ctx, sbx, draft.id, 'dispute_sharing_type', dispute), 'POST', ACTIONS, 200);

    const snapshot = expectSim(await ctx.sim('GET', `/sandboxes/${sbx.id}/snapshot`), 'GET', '/sandboxes/{sandboxId}/snapshot', 200);
    const imported = expectSim(await ctx.sim('POST', '/sandboxes/import', { id: 'sbx_dispute_copy', snapshot }), 'POST', '/sandboxes/import', 201);
    const copy = { ...sbx, id: imported.id, catalog: `/sandboxes/${imported.id}/catalog/v1` };
    expect(await getEntry(ctx, copy, me, draft.id)).toEqual(await getEntry(ctx, sbx, me, draft.id));

    const send = () => ctx.call('POST', `${sbx.catalog}/entries/${draft.id}/sharing-type-dispute/answer`, { as: me, body: keep, headers: { 'Idempotency-Key': 'keep-once' } });
    const first = expectCatalog(await send(), 'POST', ANSWER, 200);
    const again = await send();
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(again.body).toEqual(first);
    expect(first.events.filter((e: { to: string }) => e.to === 'sharing_type_unresolved')).toHaveLength(1);
  });

  it('the provider answers through @gdx/catalog, the officials act through @gdx/simulation', async () => {
    await withSdkClients(async ({ sim, sbx, catalog }) => {
      const entry = await catalog.entries.create(entryContent('SDK共享属性异议测试') as Parameters<typeof catalog.entries.create>[0]);
      await catalog.entries.submit(entry.id);
      const target = { platform: 'catalog', objectType: 'entry', objectId: entry.id } as const;
      await sim.officials.act(sbx.id, { ...target, action: 'dispute_sharing_type', reasons: dispute.reasons, sharing: { type: 'unconditional' } });
      const answered = await catalog.entries.answerSharingTypeDispute(entry.id, { answer: 'agree' });
      expect(answered.state).toBe('submitted');
      expect(answered.sharingTypeDisputes.at(-1)?.status).toBe('agreed');
      expect(answered.content.sharing?.type).toBe('unconditional');
    });
  });
});
