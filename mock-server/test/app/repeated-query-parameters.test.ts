// A query parameter of one value sent twice (`limit=5&limit=10`, `state=a&state=b`), as a client
// does that merges its default query with the caller's: the repeated name parses to an array, and
// the refusal read "must be integer" or "not one of the allowed values" although each value was
// right (vendor probe of December 2026). It is now one REPEATED_PARAMETER error at the parameter,
// in both languages, saying how often it came; nothing else changes.
import { describe, expect, it } from 'vitest';
import { initialSubmission, submit, useHarness } from '../registration/harness.js';

interface FieldError {
  pointer: string;
  code: string;
  message: { zh: string; en: string };
}
type Reply = { status: number; body: { code?: string; errors?: FieldError[] } };

/** The field errors of a 400 VALIDATION_FAILED answer. */
function refusal(reply: Reply): FieldError[] {
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(reply.body.code).toBe('VALIDATION_FAILED');
  return reply.body.errors ?? [];
}

describe('a query parameter sent more than once', () => {
  const start = useHarness({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });

  it('is refused as repeated, not as the wrong type, on a platform list', async () => {
    const h = await start();
    const registrant = h.org(0);
    expect(refusal(await h.call(registrant, 'GET', '/applications?limit=5&limit=10'))).toEqual([
      {
        pointer: '/query/limit',
        code: 'REPEATED_PARAMETER',
        message: { en: 'The query parameter limit was sent 2 times; send it once', zh: '查询参数 limit 出现了 2 次，只能发送一次' },
      },
    ]);
  });

  it('is one error where the values were also checked against an enum', async () => {
    const h = await start();
    expect(refusal(await h.call(h.org(0), 'GET', '/applications?state=submitted&state=registered&state=submitted'))).toEqual([
      {
        pointer: '/query/state',
        code: 'REPEATED_PARAMETER',
        message: { en: 'The query parameter state was sent 3 times; send it once', zh: '查询参数 state 出现了 3 次，只能发送一次' },
      },
    ]);
  });

  it('is refused so on the simulation API too, beside the other errors', async () => {
    const h = await start();
    const errors = refusal(await h.sim('GET', `/sandboxes/${h.sandboxId}/events?order=asc&order=desc&limit=0`));
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/query/limit', 'RANGE'],
      ['/query/order', 'REPEATED_PARAMETER'],
    ]);
  });

  it('leaves the refusal of a single bad value as it was, and a single good value works', async () => {
    const h = await start();
    const registrant = h.org(0);
    await submit(h, registrant, initialSubmission(registrant));
    expect(refusal(await h.call(registrant, 'GET', '/applications?limit=x')).map((e) => [e.pointer, e.code])).toEqual([['/query/limit', 'TYPE']]);
    const listed = await h.call(registrant, 'GET', '/applications?limit=5&state=submitted');
    expect(listed.status).toBe(200);
    expect((listed.body as { items: unknown[] }).items).toHaveLength(1);
  });
});
