// The simulation contract's security says which operations need the control token, and a mock
// started with one agrees: every operation whose requirement names `simToken` answers 401
// `SIM_TOKEN_REQUIRED` without it and not with it; the operations with `security: []` (the
// probes) answer without it. And `SimulationClient` sends the token it is given.
import { loadBundledSpec } from '@gdx/openapi';
import { SimulationClient } from '@gdx/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';

const TOKEN = 'sim-token-security-0123456789';
const ORIGIN = 'http://mock.test';
const app = createApp({ seed: 3, logError: () => undefined, simToken: TOKEN });
afterAll(() => app.close());

type Json = Record<string, any>;
const spec = loadBundledSpec('simulation') as Json;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Every operation with its effective security and a concrete path (`default` sandbox, placeholder ids). */
const operations = Object.entries(spec.paths as Json).flatMap(([template, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({
    label: `${method.toUpperCase()} ${template}`,
    method: method.toUpperCase(),
    path: `/_sim/v1${template.replace('{sandboxId}', 'default').replace(/\{year\}/, '2027').replace(/\{[^}]+\}/g, 'x_1')}`,
    needsToken: ((item[method].security ?? spec.security) as Json[]).some((requirement) => 'simToken' in requirement),
  })),
);

async function send(method: string, path: string, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
  return app.handle(new Request(`${ORIGIN}${path}`, { method, headers, ...(body ? { body } : {}) }));
}

describe('the simulation contract declares the token the mock requires', () => {
  it('names simToken on every operation but the probes', () => {
    expect(operations.filter((op) => !op.needsToken).map((op) => op.label)).toEqual(['GET /health', 'GET /ready']);
  });

  it.each(operations.map((op) => [op.label, op] as const))('%s', async (_label, op) => {
    const without = await send(op.method, op.path);
    if (op.needsToken) {
      expect(without.status).toBe(401);
      expect(((await without.json()) as Json).code).toBe('SIM_TOKEN_REQUIRED');
      expect(without.headers.get('www-authenticate')).toMatch(/^Bearer /);
      // Reads only with the token: a write would change the default sandbox for the next rows.
      if (op.method === 'GET') expect((await send(op.method, op.path, TOKEN)).status).not.toBe(401);
    } else {
      expect(without.status).not.toBe(401);
    }
  });
});

describe('SimulationClient with bearerToken', () => {
  const client = (bearerToken?: string) =>
    new SimulationClient({ fetch: (input, init) => app.handle(new Request(input, init)), baseUrl: `${ORIGIN}/_sim/v1`, maxRetries: 0, validateResponses: true, ...(bearerToken ? { bearerToken } : {}) });

  it('sends the token on reads and writes, bodiless ones included', async () => {
    const sim = client(TOKEN);
    const created = await sim.sandboxes.create({ profile: 'national', seed: 4 });
    expect((await sim.sandboxes.get(created.id)).id).toBe(created.id);
    await sim.sandboxes.reset(created.id);
    await sim.sandboxes.delete(created.id);
    expect((await sim.service.ready()).ready).toBe(true);
  });

  it('without it, is refused with SIM_TOKEN_REQUIRED except by the probes', async () => {
    const sim = client();
    await expect(sim.sandboxes.get('default')).rejects.toMatchObject({ code: 'SIM_TOKEN_REQUIRED' });
    expect((await sim.service.health()).status).toBe('ok');
  });
});
