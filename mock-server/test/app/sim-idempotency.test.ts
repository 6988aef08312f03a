import { describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';
import { entryOf } from '../sharing/fixtures.js';
import type { Reply } from '../support/client.js';
import { journalOnlyStore } from '../support/journal-only-store.js';
import { useWorld, openWorld } from '../support/world.js';

// The simulation API's writes the contract gives an `Idempotency-Key` (createSandbox,
// importSnapshot, createWebhook, fileThirdPartyObjection) answer a retry as the platforms do:
// the first answer again with `Idempotent-Replayed: true`, or 422 for another body.

const key = (k: string) => ({ 'idempotency-key': k });
const replayed = (reply: Reply) => reply.headers.get('idempotent-replayed');

function expectSandboxDeleted(reply: Reply, sandboxId: string): void {
  expect({ status: reply.status, code: reply.body.code, replayed: replayed(reply), errors: reply.body.errors }).toEqual({
    status: 409,
    code: 'SANDBOX_DELETED',
    replayed: null,
    errors: [{ pointer: '/header/idempotency-key', code: 'SANDBOX_DELETED', message: { zh: expect.stringContaining(sandboxId), en: expect.stringContaining(sandboxId) } }],
  });
  expect(reply.body.message.zh).toMatch(/沙箱/);
}

describe('Idempotency-Key on the simulation API', () => {
  const ctx = useWorld();
  const sandboxCount = async () => (await ctx.call('GET', '/_sim/v1/sandboxes')).body.total as number;

  it('creates one sandbox for a retried POST /sandboxes and replays the first answer', async () => {
    const before = await sandboxCount();
    const send = () => ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', seed: 5 }, headers: key('k1') });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(replayed(first)).toBeNull();
    expect(second.status).toBe(201);
    expect(replayed(second)).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await sandboxCount()).toBe(before + 1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the key with another body, and creates nothing', async () => {
    await ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', seed: 5 }, headers: key('k2') });
    const before = await sandboxCount();
    const other = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', seed: 6 }, headers: key('k2') });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await sandboxCount()).toBe(before);
  });

  it('does not store a refusal: a retry of a refused create runs again', async () => {
    const refused = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'default', profile: 'national' }, headers: key('k3') });
    expect(refused.status).toBe(409);
    const retried = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_k3', profile: 'national' }, headers: key('k3') });
    expect(retried.status).toBe(201);
    expect(replayed(retried)).toBeNull();
  });

  it('imports once for a retried POST /sandboxes/import', async () => {
    const snapshot = (await ctx.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    const before = await sandboxCount();
    const send = () => ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'sbx_copy', snapshot }, headers: key('imp') });
    const first = await send();
    expect(first.status).toBe(201);
    const second = await send();
    expect(second.status).toBe(201);
    expect(replayed(second)).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(await sandboxCount()).toBe(before + 1);
  });

  it('subscribes one webhook for a retried POST …/webhooks, per sandbox', async () => {
    const world = await openWorld(ctx);
    const hook = { organizationId: world.organizations[0]!.id, url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-16-chars' };
    const send = (sandboxId: string) => ctx.call('POST', `/_sim/v1/sandboxes/${sandboxId}/webhooks`, { body: hook, headers: key('hook-1') });
    const first = await send(world.id);
    const second = await send(world.id);
    expect(first.status).toBe(201);
    expect(replayed(second)).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await world.sim('GET', '/webhooks')).body.items).toHaveLength(1);
    const changed = await ctx.call('POST', `/_sim/v1/sandboxes/${world.id}/webhooks`, { body: { ...hook, url: 'http://127.0.0.1:9/other' }, headers: key('hook-1') });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // Another sandbox keeps its own keys.
    const other = await openWorld(ctx);
    const elsewhere = await ctx.call('POST', `/_sim/v1/sandboxes/${other.id}/webhooks`, { body: { ...hook, organizationId: other.organizations[0]!.id }, headers: key('hook-1') });
    expect(elsewhere.status).toBe(201);
    expect(replayed(elsewhere)).toBeNull();
  });

  it('files one objection for a retried POST …/objections', async () => {
    const world = await openWorld(ctx);
    const entry = entryOf(world, 'conditional');
    const objection = {
      kind: 'data',
      platform: 'sharing',
      objection: { subject: { kind: 'person', residentId: '350203199003071236', name: '张三' }, kind: 'incomplete', dataReference: { resourceId: entry.id, description: '登记日期有误' }, text: '实际登记日期为 2019-05-10。' },
    };
    const send = () => ctx.call('POST', `/_sim/v1/sandboxes/${world.id}/objections`, { body: objection, headers: key('obj-1') });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(replayed(second)).toBe('true');
    expect(second.body.objectId).toBe(first.body.objectId);
    const objects = (await world.sim('GET', '/objects?platform=sharing&objectType=data_objection')).body;
    expect(objects.items).toHaveLength(1);
  });

  it('answers the key of a sandbox deleted since with 409 SANDBOX_DELETED, creating nothing; a new key creates', async () => {
    const send = (k: string) => ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', seed: 11 }, headers: key(k) });
    const created = await send('k-gone');
    expect(created.status).toBe(201);
    expect((await ctx.call('DELETE', `/_sim/v1/sandboxes/${created.body.id}`)).status).toBe(204);
    const before = await sandboxCount();
    const again = await send('k-gone');
    expectSandboxDeleted(again, created.body.id);
    expect(await sandboxCount()).toBe(before);
    // Another request under the key is still another request.
    const other = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', seed: 12 }, headers: key('k-gone') });
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const fresh = await send('k-gone-2');
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(created.body.id);
  });

  it('does the same for the key of an imported sandbox deleted since', async () => {
    const snapshot = (await ctx.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    const send = () => ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'sbx_imported_gone', snapshot }, headers: key('imp-gone') });
    expect((await send()).status).toBe(201);
    expect((await ctx.call('DELETE', '/_sim/v1/sandboxes/sbx_imported_gone')).status).toBe(204);
    expectSandboxDeleted(await send(), 'sbx_imported_gone');
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/sbx_imported_gone')).status).toBe(404);
  });

  it('leaves writes the contract gives no key alone (a clock advance runs each time)', async () => {
    const world = await openWorld(ctx);
    const advance = () => ctx.call('POST', `/_sim/v1/sandboxes/${world.id}/clock/advance`, { body: { duration: 'P1D' }, headers: key('adv') });
    const first = await advance();
    const second = await advance();
    expect(first.status).toBe(200);
    expect(replayed(second)).toBeNull();
    expect(second.body.clock.now).not.toBe(first.body.clock.now);
  });
});

describe('Idempotency-Key records of the simulation API across a restart', () => {
  const tempDir = useTempDirs();
  const create = (call: ReturnType<typeof openApp>['call'], k: string, body: Record<string, unknown>) => call('POST', '/_sim/v1/sandboxes', { body, headers: key(k) });

  it.each([
    ['rebuilt from the journal', (dataDir: string): AppOptions => ({ store: journalOnlyStore(openDataDir(dataDir)) })],
    ['kept in a snapshot', (): AppOptions => ({ compactEvery: 1, backgroundCompaction: false })],
  ])('replay the first answer byte for byte when %s', async (_how, optionsFor) => {
    const dataDir = tempDir();
    const first = openApp(dataDir, optionsFor(dataDir));
    const created = await create(first.call, 'k-restart', { id: 'sbx_kept', profile: 'national' });
    const hook = { organizationId: created.body.organizations[0].id, url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-16-chars' };
    const subscribed = await first.call('POST', '/_sim/v1/sandboxes/sbx_kept/webhooks', { body: hook, headers: key('hook-restart') });
    expect(subscribed.status).toBe(201);
    await first.app.close();

    const second = openApp(dataDir, optionsFor(dataDir));
    const again = await create(second.call, 'k-restart', { id: 'sbx_kept', profile: 'national' });
    expect(again.status).toBe(201);
    expect(replayed(again)).toBe('true');
    // The platforms' URLs are made from the origin of the first request, also when the answer is made again from the journal.
    expect(again.body).toEqual(created.body);
    expect(again.headers.get('location')).toBe(created.headers.get('location'));
    const resubscribed = await second.call('POST', '/_sim/v1/sandboxes/sbx_kept/webhooks', { body: hook, headers: key('hook-restart') });
    expect(replayed(resubscribed)).toBe('true');
    expect(resubscribed.body).toEqual(subscribed.body);
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_kept/webhooks')).body.items).toHaveLength(1);
    expect((await create(second.call, 'k-restart', { id: 'sbx_other', profile: 'national' })).status).toBe(422);
    await second.app.close();
  });

  it.each([
    ['rebuilt from the journal', (dataDir: string): AppOptions => ({ store: journalOnlyStore(openDataDir(dataDir)) })],
    ['kept in a snapshot', (): AppOptions => ({ compactEvery: 1, backgroundCompaction: false })],
  ])('still refuse the key of a deleted sandbox when %s', async (_how, optionsFor) => {
    const dataDir = tempDir();
    const first = openApp(dataDir, optionsFor(dataDir));
    expect((await create(first.call, 'k-deleted', { id: 'sbx_deleted', profile: 'national' })).status).toBe(201);
    expect((await first.call('DELETE', '/_sim/v1/sandboxes/sbx_deleted')).status).toBe(204);
    await first.app.close();

    const second = openApp(dataDir, optionsFor(dataDir));
    expectSandboxDeleted(await create(second.call, 'k-deleted', { id: 'sbx_deleted', profile: 'national' }), 'sbx_deleted');
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_deleted')).status).toBe(404);
    await second.app.close();
  });

  it('replays a journal in which a key made a second sandbox after its first was deleted (acknowledged by older versions): both runs happen again', async () => {
    const dataDir = tempDir();
    await openApp(dataDir).app.close();
    const store = openDataDir(dataDir);
    // A minute ago: the retries below come within the keys' retention.
    const at = Date.now() - 60_000;
    const created = { kind: 'command' as const, at, method: 'POST', path: '/_sim/v1/sandboxes', query: '', contentType: 'application/json', idempotencyKey: 'k-again', body: JSON.stringify({ id: 'sbx_again', profile: 'national' }), status: 201 };
    const deleted = { kind: 'command' as const, at, method: 'DELETE', path: '/_sim/v1/sandboxes/sbx_again', query: '', contentType: 'application/json', status: 204 };
    store.append([
      { seq: store.lastSeq + 1, ...created },
      { seq: store.lastSeq + 2, ...deleted },
      { seq: store.lastSeq + 3, ...created },
    ]);
    store.close();

    const errors: string[] = [];
    const reopened = openApp(dataDir, { logError: (message) => errors.push(message) });
    expect((await reopened.call('GET', '/_sim/v1/sandboxes/sbx_again')).status).toBe(200);
    expect(errors).toEqual([]);
    const retried = await create(reopened.call, 'k-again', { id: 'sbx_again', profile: 'national' });
    expect(replayed(retried)).toBe('true');
    await reopened.app.close();
  });

  it('replays a journal that holds a key twice (written before the simulation API honoured keys): both sandboxes are rebuilt', async () => {
    const dataDir = tempDir();
    await openApp(dataDir).app.close();
    const store = openDataDir(dataDir);
    // A minute ago: the retries below come within the keys' retention.
    const at = Date.now() - 60_000;
    const entry = (seq: number, id: string) => ({ seq, kind: 'command' as const, at, method: 'POST', path: '/_sim/v1/sandboxes', query: '', contentType: 'application/json', idempotencyKey: 'k-old', body: JSON.stringify({ id, profile: 'national' }), status: 201 });
    store.append([entry(store.lastSeq + 1, 'sbx_a'), entry(store.lastSeq + 2, 'sbx_b')]);
    store.close();

    const errors: string[] = [];
    const reopened = openApp(dataDir, { logError: (message) => errors.push(message) });
    const ids = ((await reopened.call('GET', '/_sim/v1/sandboxes')).body.items as { id: string }[]).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['sbx_a', 'sbx_b']));
    expect(errors).toEqual([]);
    // The key stands for the last of its executions.
    const retried = await create(reopened.call, 'k-old', { id: 'sbx_b', profile: 'national' });
    expect(replayed(retried)).toBe('true');
    expect(retried.body.id).toBe('sbx_b');
    await reopened.app.close();
  });
});
