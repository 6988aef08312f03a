import { createApp } from '@gdx/mock-server';
import { createFetch } from '@gdx/mock-server/fetch';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

// A gdx mock started with --sim-token: the kit sends the token to the simulation API, and every
// write (the sandbox's deletion included) as JSON.
const TOKEN = 'conformance-token-0123456789';
const app = createApp({ seed: 1, logError: () => undefined, simToken: TOKEN });
afterAll(() => app.close());

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: { method: string; status: number }[] = [];
  const inner = createFetch(app);
  const fetchImpl: typeof fetch = async (input, init) => {
    const res = await inner(input, init);
    if (String(input).includes('/_sim/v1')) calls.push({ method: init?.method ?? 'GET', status: res.status });
    return res;
  };
  return { out, err, calls, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), color: false, fetch: fetchImpl, env } };
}

const args = ['--sim-url', 'http://mock.test/_sim/v1', '--only', 'SEC-SIG-01', '--json'];

describe('gdx-conformance against a mock with --sim-token', () => {
  it('runs with --sim-token, and deletes its sandbox with the token', async () => {
    const t = io();
    expect(await main([...args, '--sim-token', TOKEN], t.io)).toBe(0);
    expect(JSON.parse(t.out.join('')).results).toEqual([expect.objectContaining({ id: 'SEC-SIG-01', status: 'passed' })]);
    expect(t.calls[0]).toEqual({ method: 'POST', status: 201 });
    expect(t.calls.at(-1)).toEqual({ method: 'DELETE', status: 204 });
  });

  it('takes the token from GDX_MOCK_SIM_TOKEN', async () => {
    expect(await main(args, io({ GDX_MOCK_SIM_TOKEN: TOKEN }).io)).toBe(0);
  });

  it('stops with the 401 of the simulation API without the token', async () => {
    const t = io();
    expect(await main(args, t.io)).toBe(1);
    expect(t.err.join('')).toMatch(/401/);
  });
});
