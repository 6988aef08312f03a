import { describe, expect, it } from 'vitest';
import { expectCatalog, expectSim } from './workflow-harness.js';
import { act, advance, createDraft, entryContent, getEntry, search, submit, useCatalogMock } from './workflow-harness.js';

describe('catalog entries: changes, withdrawal, illegal transitions, tenancy', () => {
  const ctx = useCatalogMock();

  async function publishedEntry(name: string) {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me, name);
    await submit(ctx, sbx, me, draft.id);
    expect((await act(ctx, sbx, draft.id, 'publish')).status).toBe(200);
    return { sbx, me, id: draft.id as string };
  }

  it('an on_application opening states its opening conditions (厦门 第二十四条): none → 400 at /opening/conditions, nothing stored', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me, '依申请开放条件测试资源');
    for (const opening of [{ type: 'on_application' }, { type: 'on_application', conditions: [] }]) {
      const edit = await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { opening } });
      expectCatalog(edit, 'PATCH', '/entries/{entryId}', 400);
      expect(edit.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/opening/conditions');
    }
    expect((await getEntry(ctx, sbx, me, draft.id)).content.opening.type).toBe('not_open');
  });

  it('sharing and opening attributes agree with their type (厦门 第十七、十九、二十四条): a contradiction → 400 at the field, nothing stored', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const total = async () => (await ctx.call('GET', `${sbx.catalog}/entries`, { as: me })).body.total;
    const before = await total();
    const open = { type: 'open', conditions: [] };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ sharing: { type: 'conditional', deliveryMethods: ['api'] }, opening: open }, '/sharing/conditions', 'SHARING_CONDITIONS_REQUIRED'],
      [{ sharing: { type: 'conditional', conditions: [], deliveryMethods: ['api'] }, opening: open }, '/sharing/conditions', 'SHARING_CONDITIONS_REQUIRED'],
      [{ sharing: { type: 'unconditional', conditions: ['specific_scenario'], deliveryMethods: ['api'] }, opening: open }, '/sharing/conditions', 'SHARING_CONDITIONS_NOT_ALLOWED'],
      [{ sharing: { type: 'not_shared', conditions: ['key_municipal_work'], legalBasis: '《中华人民共和国数据安全法》第二十一条', deliveryMethods: [] }, opening: { type: 'not_open', legalBasis: '同上' } }, '/sharing/conditions', 'SHARING_CONDITIONS_NOT_ALLOWED'],
      [{ sharing: { type: 'unconditional', deliveryMethods: [] }, opening: open }, '/sharing/deliveryMethods', 'DELIVERY_METHODS_REQUIRED'],
      [{ sharing: { type: 'conditional', conditions: ['specific_scenario'], deliveryMethods: [] }, opening: open }, '/sharing/deliveryMethods', 'DELIVERY_METHODS_REQUIRED'],
      [{ sharing: { type: 'unconditional', deliveryMethods: ['api'] }, opening: { type: 'open', conditions: ['credit_status'] } }, '/opening/conditions', 'OPENING_CONDITIONS_NOT_ALLOWED'],
      [{ sharing: { type: 'unconditional', deliveryMethods: ['api'] }, opening: { type: 'not_open', conditions: ['usage_feedback'], legalBasis: '《中华人民共和国个人信息保护法》第十三条' } }, '/opening/conditions', 'OPENING_CONDITIONS_NOT_ALLOWED'],
    ];
    for (const [attributes, pointer, code] of cases) {
      const reply = await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('共享开放属性一致性测试资源'), ...attributes } });
      expectCatalog(reply, 'POST', '/entries', 400);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer, code, message: { zh: expect.stringMatching(/共享|开放/), en: expect.any(String) } })]);
    }
    expect(await total()).toBe(before);

    // Consistent attributes of every type are taken, with an empty list where the type has none.
    for (const sharing of [{ type: 'unconditional', conditions: [], deliveryMethods: ['api'] }, { type: 'not_shared', legalBasis: '《中华人民共和国数据安全法》第二十一条', deliveryMethods: [] }]) {
      expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('共享开放属性一致性测试资源'), sharing } }), 'POST', '/entries', 201);
    }
    // Sharing and opening are classified separately (厦门 第十五、十八、二十二条): a resource not shared
    // between agencies may still be opened to society.
    const notSharedButOpen = { sharing: { type: 'not_shared', legalBasis: '《中华人民共和国数据安全法》第二十一条', deliveryMethods: [] }, opening: { type: 'open', conditions: [] } };
    expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('共享开放属性一致性测试资源'), ...notSharedButOpen } }), 'POST', '/entries', 201);

    // An edit and a change proposal are held to the same rules, at their own pointers.
    const draft = await createDraft(ctx, sbx, me, '共享开放属性一致性测试资源');
    const edit = await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { sharing: { type: 'conditional', deliveryMethods: ['file'] } } });
    expectCatalog(edit, 'PATCH', '/entries/{entryId}', 400);
    expect(edit.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/sharing/conditions']);
    expect((await getEntry(ctx, sbx, me, draft.id)).content.sharing).toEqual(entryContent().sharing);
    const published = await publishedEntry('共享开放属性一致性变更测试');
    const change = await ctx.call('POST', `${published.sbx.catalog}/entries/${published.id}/changes`, { as: published.me, body: { changes: { sharing: { type: 'unconditional', conditions: ['specific_scenario'], deliveryMethods: [] } } } });
    expectCatalog(change, 'POST', '/entries/{entryId}/changes', 400);
    expect(change.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/changes/sharing/conditions', '/changes/sharing/deliveryMethods']);
    expect((await getEntry(ctx, published.sbx, published.me, published.id)).state).toBe('published');
  });

  it('a legal basis belongs to not_shared / not_open, delivery methods to shared resources, and a name is not blank: else 400 at the field, nothing stored', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const total = async () => (await ctx.call('GET', `${sbx.catalog}/entries`, { as: me })).body.total;
    const before = await total();
    const basis = '《中华人民共和国数据安全法》第二十一条';
    const open = { type: 'open', conditions: [] };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ sharing: { type: 'not_shared', legalBasis: basis, deliveryMethods: ['api'] }, opening: { type: 'not_open', legalBasis: basis } }, '/sharing/deliveryMethods', 'DELIVERY_METHODS_NOT_ALLOWED'],
      [{ sharing: { type: 'unconditional', legalBasis: basis, deliveryMethods: ['api'] }, opening: open }, '/sharing/legalBasis', 'SHARING_LEGAL_BASIS_NOT_ALLOWED'],
      [{ sharing: { type: 'conditional', conditions: ['specific_scenario'], legalBasis: basis, deliveryMethods: ['api'] } }, '/sharing/legalBasis', 'SHARING_LEGAL_BASIS_NOT_ALLOWED'],
      [{ opening: { type: 'open', legalBasis: basis } }, '/opening/legalBasis', 'OPENING_LEGAL_BASIS_NOT_ALLOWED'],
      [{ opening: { type: 'on_application', conditions: ['usage_feedback'], legalBasis: basis } }, '/opening/legalBasis', 'OPENING_LEGAL_BASIS_NOT_ALLOWED'],
      [{ name: '   ' }, '/name', 'NAME_BLANK'],
      [{ name: '\u3000\t' }, '/name', 'NAME_BLANK'],
    ];
    for (const [fields, pointer, code] of cases) {
      const reply = await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('属性与类型一致性测试资源'), ...fields } });
      expectCatalog(reply, 'POST', '/entries', 400);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer, code, message: { zh: expect.any(String), en: expect.any(String) } })]);
    }
    expect(await total()).toBe(before);

    // An edit and a change proposal are held to the same rules, at their own pointers.
    const draft = await createDraft(ctx, sbx, me, '属性与类型一致性测试资源');
    const edit = await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { name: ' ', sharing: { type: 'not_shared', legalBasis: basis, deliveryMethods: ['file'] } } });
    expectCatalog(edit, 'PATCH', '/entries/{entryId}', 400);
    expect(edit.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/name', '/sharing/deliveryMethods']);
    expect((await getEntry(ctx, sbx, me, draft.id)).content).toMatchObject({ name: '属性与类型一致性测试资源', sharing: entryContent().sharing });
    const published = await publishedEntry('属性与类型一致性变更测试');
    const change = await ctx.call('POST', `${published.sbx.catalog}/entries/${published.id}/changes`, { as: published.me, body: { changes: { sharing: { type: 'unconditional', legalBasis: basis, deliveryMethods: ['api'] } } } });
    expectCatalog(change, 'POST', '/entries/{entryId}/changes', 400);
    expect(change.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/changes/sharing/legalBasis']);
    expect((await getEntry(ctx, published.sbx, published.me, published.id)).state).toBe('published');
  });

  it('names each data item once (compared trimmed and NFKC): a repeated name → 400 DUPLICATE_ITEM_NAME at the later item, nothing stored', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const total = async () => (await ctx.call('GET', `${sbx.catalog}/entries`, { as: me })).body.total;
    const before = await total();
    const item = (name: string, sensitive = false) => ({ name, dataType: 'string', length: 16, description: '号牌', sensitive });
    const cases: [unknown[], string[]][] = [
      [[item('号牌号码'), item('号牌号码', true)], ['/items/1/name']],
      [[item('号牌号码'), item('车辆类型'), item(' 号牌号码\u3000')], ['/items/2/name']],
      [[item('VIN码'), item('ＶＩＮ码'), item('VIN码 ')], ['/items/1/name', '/items/2/name']],
    ];
    for (const [items, pointers] of cases) {
      const reply = await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('信息项重名测试资源'), items } });
      expectCatalog(reply, 'POST', '/entries', 400);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(pointers);
      expect(reply.body.errors[0]).toMatchObject({ code: 'DUPLICATE_ITEM_NAME', message: { zh: expect.stringContaining('重复'), en: expect.stringContaining('/items/0/name') } });
    }
    const blank = await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('信息项重名测试资源'), items: [item('号牌号码'), item('  ')] } });
    expect(expectCatalog(blank, 'POST', '/entries', 400).errors).toEqual([expect.objectContaining({ pointer: '/items/1/name', code: 'NAME_BLANK' })]);
    expect(await total()).toBe(before);

    const repeated = { items: [item('号牌号码'), item('所有人身份证号', true), item('号牌号码', true)] };
    const draft = await createDraft(ctx, sbx, me, '信息项重名测试资源');
    const edit = await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: repeated });
    expectCatalog(edit, 'PATCH', '/entries/{entryId}', 400);
    expect(edit.body.errors).toEqual([expect.objectContaining({ pointer: '/items/2/name', code: 'DUPLICATE_ITEM_NAME' })]);
    expect((await getEntry(ctx, sbx, me, draft.id)).content.items).toEqual(entryContent().items);
    const published = await publishedEntry('信息项重名变更测试');
    const change = await ctx.call('POST', `${published.sbx.catalog}/entries/${published.id}/changes`, { as: published.me, body: { changes: repeated } });
    expectCatalog(change, 'POST', '/entries/{entryId}/changes', 400);
    expect(change.body.errors).toEqual([expect.objectContaining({ pointer: '/changes/items/2/name', code: 'DUPLICATE_ITEM_NAME' })]);
    expect((await getEntry(ctx, published.sbx, published.me, published.id)).state).toBe('published');
  });

  it('a format is free text but not empty, markup or control characters: such a one → 400 at /formats/i, nothing stored', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const total = async () => (await ctx.call('GET', `${sbx.catalog}/entries`, { as: me })).body.total;
    const before = await total();
    for (const bad of ['', ' csv', 'csv<script>', 'CSV\u0000', 'json\n']) {
      const reply = await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('格式校验测试资源'), formats: ['CSV', bad] } });
      expectCatalog(reply, 'POST', '/entries', 400);
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/formats/1');
    }
    expect(await total()).toBe(before);
    const written = ['矢量数据', 'Excel 2007', 'text/csv; charset=utf-8', 'tar.gz'];
    const draft = expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('格式校验测试资源'), formats: written } }), 'POST', '/entries', 201);
    expect(draft.content.formats).toEqual(written);
  });

  it('keeps the published version in search while a change is reviewed, then shows the new version', async () => {
    const { sbx, me, id } = await publishedEntry('机动车登记信息变更测试');
    const reply = await ctx.call('POST', `${sbx.catalog}/entries/${id}/changes`, { as: me, body: { changes: { updateCycle: 'real_time', name: '机动车登记实时信息变更测试' }, note: '已接入实时数据流。' } });
    const changing = expectCatalog(reply, 'POST', '/entries/{entryId}/changes', 200);
    expect(changing).toMatchObject({ state: 'change_submitted', version: 2, content: { updateCycle: 'real_time' }, publishedContent: { updateCycle: 'daily' } });
    expect(changing.deadline).toMatchObject({ step: 'authority_review', startTrigger: 'change_submitted', dueDate: '2025-10-10' });

    const during = await search(ctx, sbx, '机动车登记信息变更测试');
    expect(during.items).toEqual([expect.objectContaining({ id, version: 1, updateCycle: 'daily' })]);

    await advance(ctx, sbx, { workingDays: 1 });
    const published = expectSim(await act(ctx, sbx, id, 'publish'), 'POST', '/sandboxes/{sandboxId}/actions', 200).object;
    expect(published).toMatchObject({ state: 'published', version: 2, publishedContent: null, publishedOn: '2025-09-26', modifiedOn: '2025-09-28' });
    const after = await search(ctx, sbx, '机动车登记实时信息变更测试');
    expect(after.items).toEqual([expect.objectContaining({ id, version: 2, updateCycle: 'real_time', resourceCode: published.resourceCode, modifiedOn: '2025-09-28' })]);
  });

  it('a returned change keeps the published version visible', async () => {
    const { sbx, me, id } = await publishedEntry('退回变更测试目录');
    await ctx.call('POST', `${sbx.catalog}/entries/${id}/changes`, { as: me, body: { changes: { grade: 'core' } } });
    const returned = (await act(ctx, sbx, id, 'return', { reasons: [{ text: '分级依据不足' }] })).body.object;
    expect(returned).toMatchObject({ state: 'returned', publishedContent: { grade: 'important' }, content: { grade: 'core' } });
    expect((await search(ctx, sbx, '退回变更测试目录')).items).toEqual([expect.objectContaining({ id, grade: 'important', version: 1 })]);
  });

  // 退回纠正 (内政办发〔2023〕32号 二(三)): a returned entry goes back to review only once corrected.
  it('a returned entry resubmitted unchanged → 409 RETURNED_UNCHANGED at /content, still returned; once edited it is taken', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me, '退回未改测试目录');
    await submit(ctx, sbx, me, draft.id);
    expect((await act(ctx, sbx, draft.id, 'return', { reasons: [{ text: '信息项描述不完整' }] })).status).toBe(200);
    // An edit that sets what is already there corrects nothing.
    await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { name: draft.content.name } });

    const unchanged = expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries/${draft.id}/submissions`, { as: me }), 'POST', '/entries/{entryId}/submissions', 409);
    expect(unchanged).toMatchObject({ code: 'RETURNED_UNCHANGED', errors: [{ pointer: '/content', code: 'RETURNED_UNCHANGED', message: { zh: expect.stringContaining('退回'), en: expect.stringContaining('returned') } }] });
    expect(unchanged.message).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(await getEntry(ctx, sbx, me, draft.id)).toMatchObject({ state: 'returned', reasons: [{ text: '信息项描述不完整' }] });

    await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { summary: '补充了信息项描述。' } });
    expect(await submit(ctx, sbx, me, draft.id)).toMatchObject({ state: 'submitted', reasons: [] });
  });

  it('a returned change resubmitted unchanged is refused too; corrected it goes back to review', async () => {
    const { sbx, me, id } = await publishedEntry('退回变更未改测试目录');
    await ctx.call('POST', `${sbx.catalog}/entries/${id}/changes`, { as: me, body: { changes: { grade: 'core' } } });
    expect((await act(ctx, sbx, id, 'return', { reasons: [{ text: '分级依据不足' }] })).status).toBe(200);
    const unchanged = await ctx.call('POST', `${sbx.catalog}/entries/${id}/submissions`, { as: me });
    expect([unchanged.status, unchanged.body.code]).toEqual([409, 'RETURNED_UNCHANGED']);
    await ctx.call('PATCH', `${sbx.catalog}/entries/${id}`, { as: me, body: { grade: 'important' } });
    expect(await submit(ctx, sbx, me, id)).toMatchObject({ state: 'submitted' });
  });

  it('withdrawal needs a reason, is terminal and removes the entry from search and DCAT', async () => {
    const { sbx, me, id } = await publishedEntry('撤销测试目录');
    const noReason = await ctx.call('POST', `${sbx.catalog}/entries/${id}/withdrawal`, { as: me, body: {} });
    expect(noReason.status).toBe(400);
    const withdrawn = expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries/${id}/withdrawal`, { as: me, body: { reason: { text: '该资源已并入其他目录' } } }), 'POST', '/entries/{entryId}/withdrawal', 200);
    expect(withdrawn).toMatchObject({ state: 'withdrawn', reasons: [{ text: '该资源已并入其他目录' }], deadline: null });
    expect((await search(ctx, sbx, '撤销测试目录')).total).toBe(0);
    expect((await ctx.call('GET', `${sbx.catalog}/dcat/${id}`)).status).toBe(404);

    for (const [method, path, body] of [
      ['POST', `/entries/${id}/submissions`, undefined],
      ['POST', `/entries/${id}/changes`, { changes: { grade: 'core' } }],
      ['PATCH', `/entries/${id}`, { grade: 'core' }],
    ] as const) {
      const reply = await ctx.call(method, `${sbx.catalog}${path}`, { as: me, ...(body ? { body } : {}) });
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'withdrawn', allowedEvents: [] });
    }
    expect((await act(ctx, sbx, id, 'publish')).body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'withdrawn' });
  });

  it.each([
    ['edit a submitted entry', 'PATCH', '', { grade: 'core' }, 'submitted', []],
    // allowedEvents are the provider's own: while the data authority reviews (publish, return, the
    // sharing-type dispute of 厦门 第十五条) it may send nothing.
    ['propose a change to a submitted entry', 'POST', '/changes', { changes: { grade: 'core' } }, 'submitted', []],
    ['withdraw a submitted entry', 'POST', '/withdrawal', { reason: { text: '不再提供' } }, 'submitted', []],
  ])('answers 409 ILLEGAL_TRANSITION to %s, naming the state and allowed events', async (_what, method, suffix, body, state, allowed) => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me);
    await submit(ctx, sbx, me, draft.id);
    const reply = await ctx.call(method, `${sbx.catalog}/entries/${draft.id}${suffix}`, { as: me, body });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: state });
    expect(reply.body.allowedEvents).toEqual(allowed);
    expect((await getEntry(ctx, sbx, me, draft.id)).state).toBe('submitted');
  });

  it('refuses official actions a draft does not take, and actions the catalog does not know', async () => {
    const sbx = await ctx.sandbox();
    const draft = await createDraft(ctx, sbx, sbx.providers[0]!);
    for (const action of ['publish', 'approve']) {
      const reply = await act(ctx, sbx, draft.id, action);
      expect(reply.status).toBe(409);
      // The data authority's own allowed events: a draft waits for its provider's submit.
      expect(reply.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'draft', allowedEvents: [] });
    }
    expect((await act(ctx, sbx, 'ent_unknown', 'publish')).status).toBe(404);
  });

  it("keeps another organisation's entries out of sight (404), also for reports naming them", async () => {
    const sbx = await ctx.sandbox();
    const [owner, other] = sbx.providers;
    const draft = await createDraft(ctx, sbx, owner!);
    for (const [method, path, body] of [
      ['GET', `/entries/${draft.id}`, undefined],
      ['GET', `/entries/${draft.id}/events`, undefined],
      ['PATCH', `/entries/${draft.id}`, { grade: 'core' }],
      ['POST', `/entries/${draft.id}/submissions`, undefined],
      ['POST', `/entries/${draft.id}/withdrawal`, { reason: { text: 'x' } }],
      ['POST', '/function-changes', { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转', entryIds: [draft.id] }],
    ] as const) {
      const reply = await ctx.call(method, `${sbx.catalog}${path}`, { as: other, ...(body ? { body } : {}) });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.code).toBe('NOT_FOUND');
    }
    const mine = expectCatalog(await ctx.call('GET', `${sbx.catalog}/entries?state=draft`, { as: other }), 'GET', '/entries', 200);
    expect(mine.items.map((e: { id: string }) => e.id)).not.toContain(draft.id);
    const own = expectCatalog(await ctx.call('GET', `${sbx.catalog}/entries?state=draft`, { as: owner }), 'GET', '/entries', 200);
    expect(own.items.map((e: { id: string }) => e.id)).toEqual([draft.id]);
  });

  it('lists seeded published entries to their provider, who can propose changes to them', async () => {
    const sbx = await ctx.sandbox();
    const seeded = (await ctx.call('GET', `${sbx.catalog}/search?limit=1`)).body.items[0];
    const provider = sbx.view.organizations.find((o: { creditCode: string }) => o.creditCode === seeded.provider.creditCode);
    const page = expectCatalog(await ctx.call('GET', `${sbx.catalog}/entries?state=published&limit=200`, { as: provider }), 'GET', '/entries', 200);
    expect(page.items.map((e: { id: string }) => e.id)).toContain(seeded.id);
    const changing = expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries/${seeded.id}/changes`, { as: provider, body: { changes: { updateCycle: 'weekly' } } }), 'POST', '/entries/{entryId}/changes', 200);
    expect(changing).toMatchObject({ state: 'change_submitted', version: seeded.version + 1, resourceCode: seeded.resourceCode });
  });
});
