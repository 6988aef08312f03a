// The simulation API's writes that take no body (reset, the DELETEs, a webhook's enable, a
// redelivery) ignored whatever body came: `POST …/reset` with `{"seed": 9}` reset the sandbox with
// its old seed, and one with `{bad` answered 200 (vendor probe of December 2026). Such a body is
// now refused like any body a schema does not take, and nothing changes; no body, `{}` and `null`
// (what HTTP tooling sends with a bodiless POST) are taken as before.
import { signRequest } from '@gdx/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type App } from '../../src/index.js';
import { notesPlatform } from '../support/notes-platform.js';

interface Answer {
  status: number;
  body: { code?: string; detail?: string; seed?: number; errors?: { pointer: string; code: string; message: { zh: string; en: string } }[] } | null;
}

describe('a simulation-API write that takes no body', () => {
  let app: App;
  beforeEach(() => {
    app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
  });
  afterEach(() => app.close());

  const send = async (method: string, path: string, body?: string, contentType = 'application/json'): Promise<Answer> => {
    const answer = await app.dispatch({ method, path, query: '', headers: { 'content-type': contentType }, body });
    const text = String(answer.body ?? '');
    return { status: answer.status, body: text === '' ? null : (JSON.parse(text) as Answer['body']) };
  };
  /** Notes in the default sandbox: a reset drops them, so they show whether one ran. */
  const notes = async () => ((await send('GET', '/sharing/v1/stats')).body as unknown as { notes: number }).notes;
  const addNote = async () => {
    const sandbox = (await send('GET', '/_sim/v1/sandboxes/default')).body as unknown as { organizations: { appKey: string; secret: string }[] };
    const org = sandbox.organizations[0]!;
    const body = '{"text":"kept"}';
    const headers = { 'content-type': 'application/json', ...signRequest({ method: 'POST', url: '/sharing/v1/notes', body, appKey: org.appKey, secret: org.secret }) };
    expect((await app.dispatch({ method: 'POST', path: '/sharing/v1/notes', query: '', headers, body })).status).toBe(201);
  };

  it('refuses members it would not read at their pointers, and does not reset', async () => {
    await addNote();
    const refused = await send('POST', '/_sim/v1/sandboxes/default/reset', '{"seed":9,"profile":"xiamen"}');
    expect(refused.status).toBe(400);
    expect(refused.body?.code).toBe('VALIDATION_FAILED');
    expect(refused.body?.detail).toBe('this operation takes no request body');
    const notRead = { en: 'This operation takes no request body: the field is not read', zh: '该接口不接受请求体：此字段不会被读取' };
    expect(refused.body?.errors).toEqual([
      { pointer: '/seed', code: 'UNKNOWN_FIELD', message: notRead },
      { pointer: '/profile', code: 'UNKNOWN_FIELD', message: notRead },
    ]);
    expect(await notes()).toBe(1);
  });

  it('refuses a body that is not JSON, or JSON that is no object, and does not reset', async () => {
    await addNote();
    const malformed = await send('POST', '/_sim/v1/sandboxes/default/reset', '{bad');
    expect([malformed.status, malformed.body?.errors?.[0]?.code]).toEqual([400, 'MALFORMED_JSON']);
    const list = await send('POST', '/_sim/v1/sandboxes/default/reset', '[1]');
    expect(list.status).toBe(400);
    expect(list.body?.errors).toEqual([{ pointer: '', code: 'BODY_NOT_ALLOWED', message: { en: 'This operation takes no request body: send none (or {})', zh: '该接口不接受请求体：请不发送请求体（或发送 {}）' } }]);
    expect(await notes()).toBe(1);
  });

  it('refuses one on the other bodiless writes too (a DELETE)', async () => {
    const created = await send('POST', '/_sim/v1/sandboxes', '{"profile":"national"}');
    expect(created.status).toBe(201);
    const id = (created.body as unknown as { id: string }).id;
    expect((await send('DELETE', `/_sim/v1/sandboxes/${id}`, '{"force":true}')).status).toBe(400);
    expect((await send('GET', `/_sim/v1/sandboxes/${id}`)).status).toBe(200);
    expect((await send('DELETE', `/_sim/v1/sandboxes/${id}`, '{}')).status).toBe(204);
  });

  it.each([
    ['a webhook enable', 'POST', '/_sim/v1/sandboxes/default/webhooks/whk_x/enable'],
    ['a redelivery', 'POST', '/_sim/v1/sandboxes/default/webhooks/deliveries/dlv_1_1/redeliver'],
    ['a journal clear', 'DELETE', '/_sim/v1/sandboxes/default/requests'],
  ])('refuses one on %s, before looking the target up', async (_name, method, path) => {
    const refused = await send(method, path, '{"force":true}');
    expect(refused.status).toBe(400);
    expect(refused.body?.errors?.map((e) => [e.pointer, e.code])).toEqual([['/force', 'UNKNOWN_FIELD']]);
  });

  it.each([['no body', undefined], ['{}', '{}'], ['null', 'null'], ['{} with white space', ' { } ']])('takes %s, as before', async (_name, body) => {
    await addNote();
    const reset = await send('POST', '/_sim/v1/sandboxes/default/reset', body);
    expect(reset.status).toBe(200);
    expect(reset.body?.seed).toBe(5);
    expect(await notes()).toBe(0);
  });
});
