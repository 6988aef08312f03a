import { describe, expect, it } from 'vitest';
import { ApiClient, type LogEvent } from '../src/index.js';
import { json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();
const get = { operationId: 'getGrant', method: 'GET', path: '/grants/g_1' } as const;

describe('logger', () => {
  it('reports request, response, retry and error events without secrets', async () => {
    const events: LogEvent[] = [];
    server.enqueue(json(503, {}, { 'x-request-id': 'req_a' }), json(404, { code: 'NOT_FOUND' }, { 'x-request-id': 'req_b' }));
    const client = new ApiClient({
      baseUrl: server.origin,
      credentials: { appKey: 'ak_1', secret: 'top-secret-value' },
      logger: { onEvent: (e) => events.push(e) },
      retry: { random: () => 0.5, sleep: async () => {} },
    });
    await expect(client.request(get)).rejects.toMatchObject({ status: 404 });
    expect(events.map((e) => e.type)).toEqual(['request', 'response', 'retry', 'request', 'response', 'error']);
    expect(events[1]).toMatchObject({ status: 503, requestId: 'req_a', attempt: 0, durationMs: expect.any(Number) });
    expect(events[2]).toMatchObject({ delayMs: 100, reason: 'HTTP 503', attempt: 0 });
    expect(events[4]).toMatchObject({ status: 404, attempt: 1 });
    expect(events[5]).toMatchObject({ code: 'HTTP_404', operationId: 'getGrant', url: `${server.origin}/grants/g_1` });
    const serialised = JSON.stringify(events.map(({ ...e }) => ({ ...e, error: undefined })));
    const signature = server.received[0]?.headers['x-gdx-signature'];
    expect(serialised).not.toContain('top-secret-value');
    expect(typeof signature).toBe('string');
    expect(serialised).not.toContain(String(signature));
  });

  it('routes events to a console-like logger by level', async () => {
    const lines: [string, string][] = [];
    const at = (level: string) => (message: string) => void lines.push([level, message]);
    server.enqueue(json(503, {}), json(200, {}));
    const client = new ApiClient({
      baseUrl: server.origin,
      logger: { debug: at('debug'), warn: at('warn'), error: at('error') },
      retry: { random: () => 0, sleep: async () => {} },
    });
    await client.request(get);
    expect(lines.map(([level]) => level)).toEqual(['debug', 'debug', 'warn', 'debug', 'debug']);
    expect(lines[2]?.[1]).toBe(`gdx getGrant GET ${server.origin}/grants/g_1 failed (HTTP 503); retry in 0 ms`);
  });
});
