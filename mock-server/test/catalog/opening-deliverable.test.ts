// An opened resource can be obtained (open-data.md: a dataset offers "files or an API"; 普遍开放 is
// "download or API with an app key"). A catalog entry opened (`open`, `on_application`) with no file
// format and no `api` delivery method would publish an open dataset offering nothing, to which every
// application is refused for its delivery method: create, edit and change answer 400
// OPENING_NOT_DELIVERABLE at `…/formats`, nothing stored.
import { describe, expect, it } from 'vitest';
import { entryContent, expectCatalog, act, submit, useCatalogMock } from './workflow-harness.js';

describe('an opened catalog resource is deliverable', () => {
  const ctx = useCatalogMock();
  const opened: Record<string, unknown> = { ...entryContent('开放可获取测试资源'), sharing: { type: 'not_shared', legalBasis: '《中华人民共和国数据安全法》第三十八条', deliveryMethods: [] }, opening: { type: 'open', conditions: [] } };

  it('refuses an open entry with neither a file format nor an api (create, edit, change), and takes one with either', async () => {
    const sbx = await ctx.sandbox({ profile: 'national' });
    const me = sbx.providers[0]!;
    const create = (body: unknown) => ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body });

    const none = await create({ ...opened, formats: [] });
    expectCatalog(none, 'POST', '/entries', 400);
    expect(none.body.errors).toEqual([expect.objectContaining({ pointer: '/formats', code: 'OPENING_NOT_DELIVERABLE', message: expect.objectContaining({ zh: expect.stringContaining('无条件开放的资源须可获取') }) })]);
    const { formats: _formats, ...withoutFormats } = opened;
    expect((await create({ ...withoutFormats, opening: { type: 'on_application', conditions: ['usage_feedback'] } })).body.errors).toEqual([expect.objectContaining({ pointer: '/formats', code: 'OPENING_NOT_DELIVERABLE' })]);
    // An interface alone delivers it; files alone too.
    expectCatalog(await create({ ...opened, formats: [], sharing: { type: 'unconditional', deliveryMethods: ['api'] } }), 'POST', '/entries', 201);
    const draft = expectCatalog(await create(opened), 'POST', '/entries', 201);

    const edit = await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { formats: [] } });
    expectCatalog(edit, 'PATCH', '/entries/{entryId}', 400);
    expect(edit.body.errors).toEqual([expect.objectContaining({ pointer: '/formats', code: 'OPENING_NOT_DELIVERABLE' })]);
    // An edit of other fields is not held to it.
    expectCatalog(await ctx.call('PATCH', `${sbx.catalog}/entries/${draft.id}`, { as: me, body: { summary: '只改摘要。' } }), 'PATCH', '/entries/{entryId}', 200);

    await submit(ctx, sbx, me, draft.id);
    expect((await act(ctx, sbx, draft.id, 'publish')).status).toBe(200);
    const change = await ctx.call('POST', `${sbx.catalog}/entries/${draft.id}/changes`, { as: me, body: { changes: { formats: [] } } });
    expectCatalog(change, 'POST', '/entries/{entryId}/changes', 400);
    expect(change.body.errors).toEqual([expect.objectContaining({ pointer: '/changes/formats', code: 'OPENING_NOT_DELIVERABLE' })]);
    expect((await ctx.call('GET', `${sbx.catalog}/entries/${draft.id}`, { as: me })).body).toMatchObject({ state: 'published', version: 1, content: { formats: opened.formats } });
  });
});
