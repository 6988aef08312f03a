// Validation problems name what is wrong with the body the client meant (issue 10): the branch a
// discriminator picks, the allowed values, what a pattern asks for, in Chinese and English.
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { usePlatforms } from '../support/harness.js';
import { TRANSPORTS } from '../support/transports.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 20 }), TRANSPORTS['node:http server']!);
const sim = (method: string, path: string, body: unknown) => ctx.call(method, `/_sim/v1/sandboxes/default${path}`, { body });

interface FieldError {
  pointer: string;
  code: string;
  message: { zh: string; en: string };
}

describe('validation messages', () => {
  it('answers a misspelt action with one error listing the allowed actions', async () => {
    const reply = await sim('POST', '/actions', { platform: 'registration', objectType: 'application', objectId: 'rga_1', action: 'acept' });
    expect(reply.status).toBe(400);
    const errors = reply.body.errors as FieldError[];
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([['/action', 'ENUM']]);
    expect(errors[0]!.message.en).toContain('accept, request_supplements, not_accept');
    expect(errors[0]!.message.zh).toContain('accept、request_supplements、not_accept');
  });

  it("reports only the chosen action's fields", async () => {
    const reply = await sim('POST', '/actions', { platform: 'registration', objectType: 'application', objectId: 'rga_1', action: 'explain_overdue' });
    expect(reply.status).toBe(400);
    expect((reply.body.errors as FieldError[]).map((e) => [e.pointer, e.code])).toEqual([['/explanation', 'REQUIRED']]);
  });

  it('says that only +08:00 instants are accepted for a clock advance to a Z instant', async () => {
    const reply = await sim('POST', '/clock/advance', { to: '2025-10-01T00:00:00Z' });
    expect(reply.status).toBe(400);
    const errors = reply.body.errors as FieldError[];
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([['/to', 'PATTERN']]);
    expect(errors[0]!.message.en).toContain('+08:00');
    expect(errors[0]!.message.zh).toContain('仅接受带 +08:00 偏移');
  });

  it('names the alternatives when a clock advance has none of them, and the limit that was crossed', async () => {
    const none = await sim('POST', '/clock/advance', {});
    expect((none.body.errors as FieldError[]).map((e) => [e.pointer, e.code, e.message.en])).toEqual([
      ['', 'REQUIRED', 'One of these fields is required: workingDays, duration, to'],
    ]);
    const tooFar = await sim('POST', '/clock/advance', { workingDays: 5000 });
    const [error] = tooFar.body.errors as FieldError[];
    expect(error).toMatchObject({ pointer: '/workingDays', code: 'RANGE' });
    expect(error!.message.en).toContain('<= 2000');
    expect(error!.message.zh).toContain('<= 2000');
  });
});
