import { describe, expect, it } from 'vitest';
import { openApp, useTempDirs } from './data-dir-app.js';

// A write held by an injected latency runs after the delay against the sandbox of that moment: one
// reset or deleted meanwhile is not the one it would have changed, and its journal entry replays
// against whatever holds the sandbox's id at a restart.

describe('a write delayed by a latency fault', () => {
  const tempDir = useTempDirs();

  it('lands in the sandbox a reset made meanwhile, in memory as after a restart', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const org = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    await first.call('PUT', '/_sim/v1/sandboxes/default/faults', { body: { rules: [{ operation: 'createNote', probability: 1, kind: 'latency', latencyMs: 200, times: 1 }] } });
    const delayed = first.call('POST', '/sharing/v1/notes', { body: { text: 'held' }, as: org });
    expect((await first.call('POST', '/_sim/v1/sandboxes/default/reset')).status).toBe(200);
    const made = await delayed;
    expect(made.status).toBe(201);
    const seen = async (call: typeof first.call) => ({ stats: (await call('GET', '/sharing/v1/stats')).body, note: (await call('GET', `/sharing/v1/notes/${made.body.id}`, { as: org })).status });
    expect(await seen(first.call)).toEqual({ stats: { notes: 1 }, note: 200 });
    await first.app.close();

    const second = openApp(dataDir);
    expect(await seen(second.call)).toEqual({ stats: { notes: 1 }, note: 200 });
    await second.app.close();
  });

  it('answers 404 when its sandbox was deleted meanwhile, and leaves nothing to replay', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const made = await first.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_held', profile: 'national' } });
    const org = made.body.organizations[0];
    await first.call('PUT', '/_sim/v1/sandboxes/sbx_held/faults', { body: { rules: [{ operation: 'createNote', probability: 1, kind: 'latency', latencyMs: 200, times: 1 }] } });
    const delayed = first.call('POST', '/sandboxes/sbx_held/sharing/v1/notes', { body: { text: 'held' }, as: org });
    expect((await first.call('DELETE', '/_sim/v1/sandboxes/sbx_held')).status).toBe(204);
    const answer = await delayed;
    expect([answer.status, answer.body.code]).toEqual([404, 'NOT_FOUND']);
    await first.app.close();
    const second = openApp(dataDir);
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_held')).status).toBe(404);
    expect(second.app.storage.replayRefused.count).toBe(0);
    await second.app.close();
  });
});
