// A webhook or delivery the sandbox does not hold answered a bare 404 problem, with no `detail`
// and no field error, and a sandbox the path names that does not exist a `detail` without one,
// where the other refusals point at what to fix (vendor probe of December 2026). Now each names
// the id and points at the path parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type App } from '../../src/index.js';
import { notesPlatform } from '../support/notes-platform.js';

describe('a sandbox, webhook or delivery that does not exist', () => {
  let app: App;
  beforeAll(() => {
    app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
  });
  afterAll(() => app.close());

  const send = async (method: string, path: string) => {
    const answer = await app.dispatch({ method, path, query: '', headers: { 'content-type': 'application/json' }, body: undefined });
    return { status: answer.status, body: JSON.parse(String(answer.body)) as { code: string; detail?: string; errors?: unknown[] } };
  };

  it.each([
    ['GET', '/_sim/v1/sandboxes/default/webhooks/whk_gone', 'webhookId', 'webhook whk_gone', '回调：whk_gone'],
    ['POST', '/_sim/v1/sandboxes/default/webhooks/whk_gone/enable', 'webhookId', 'webhook whk_gone', '回调：whk_gone'],
    ['DELETE', '/_sim/v1/sandboxes/default/webhooks/whk_gone', 'webhookId', 'webhook whk_gone', '回调：whk_gone'],
    ['POST', '/_sim/v1/sandboxes/default/webhooks/deliveries/dlv_9_9/redeliver', 'deliveryId', 'webhook delivery dlv_9_9', '回调投递：dlv_9_9'],
  ])('%s %s: 404 naming it, at /path/%s', async (method, path, param, en, zh) => {
    const answer = await send(method, path);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
    expect(answer.body.detail).toBe(`sandbox default has no ${en}`);
    expect(answer.body.errors).toEqual([{ pointer: `/path/${param}`, code: 'NOT_FOUND', message: { en: `There is no ${en}`, zh: `没有该${zh}` } }]);
  });

  it.each([
    ['a platform operation', 'GET', '/sandboxes/sbx_gone/sharing/v1/stats'],
    ['a simulation-API operation', 'POST', '/_sim/v1/sandboxes/sbx_gone/reset'],
  ])('%s under a sandbox that does not exist: 404 naming it, at /path/sandboxId', async (_what, method, path) => {
    const answer = await send(method, path);
    expect(answer.status).toBe(404);
    expect(answer.body.detail).toBe('sandbox sbx_gone does not exist');
    expect(answer.body.errors).toEqual([
      { pointer: '/path/sandboxId', code: 'SANDBOX_NOT_FOUND', message: { en: 'Sandbox sbx_gone does not exist (never created, deleted, or mistyped)', zh: '沙箱 sbx_gone 不存在（从未创建、已删除或拼写有误）' } },
    ]);
  });
});
