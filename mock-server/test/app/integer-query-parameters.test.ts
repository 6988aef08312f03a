// An integer query parameter written other than in decimal digits: the validators coerced the
// string as JavaScript's Number reads it, so `limit=0x10` paged by 16, `limit=1e1` by 10 and
// `limit=20%20` (or `+20`, a form-encoded space) by 20 (vendor probe of December 2026, a Python client building queries by hand).
// A platform's integer parser refuses all three: now a TYPE error at the parameter, zh/en.
import { describe, expect, it } from 'vitest';
import { useHarness } from '../registration/harness.js';

type Reply = { status: number; body: { code?: string; errors?: { pointer: string; code: string; message: { zh: string; en: string } }[]; items?: unknown[] } };

describe('an integer query parameter', () => {
  const start = useHarness({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });

  it.each(['0x10', '1e1', '20%20', '%2020', '+20', '0b11', '1_0'])('written %s is refused at its pointer', async (limit) => {
    const h = await start();
    const reply = (await h.call(h.org(0), 'GET', `/applications?limit=${limit}`)) as Reply;
    expect([reply.status, reply.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors?.[0]).toMatchObject({ pointer: '/query/limit', code: 'TYPE', message: { en: expect.stringContaining('must be integer'), zh: expect.stringContaining('integer') } });
  });

  it.each([
    ['5', 200],
    ['%2B5', 200],
    ['05', 200],
    ['0', 400],
  ] as const)('written %s in decimal digits is read as before', async (limit, status) => {
    const h = await start();
    expect(((await h.call(h.org(0), 'GET', `/applications?limit=${limit}`)) as Reply).status).toBe(status);
  });

  it('is checked on the simulation API too (the event feed)', async () => {
    const h = await start();
    const reply = (await h.sim('GET', `/sandboxes/${h.sandboxId}/events?limit=0x10`)) as Reply;
    expect(reply.body.errors?.map((e) => [e.pointer, e.code])).toEqual([['/query/limit', 'TYPE']]);
  });
});
