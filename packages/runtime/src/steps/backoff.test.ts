import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs, retryPolicy } from './backoff.js';

describe('backoffDelay', () => {
  it.each([
    { retry: 0, random: 0.999, want: 199 },
    { retry: 1, random: 0.5, want: 200 },
    { retry: 3, random: 0.5, want: 800 },
    { retry: 10, random: 0.5, want: 4000 }, // ceiling capped at 8 s
    { retry: 2, random: 0, want: 0 },
  ])('retry $retry with random $random → $want ms', ({ retry, random, want }) => {
    expect(backoffDelay(retryPolicy({ random: () => random }), retry)).toBe(want);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-10-21T07:27:30Z');
  it.each([
    { header: null, want: undefined },
    { header: '0', want: 0 },
    { header: ' 2 ', want: 2000 },
    { header: '1.5', want: 1500 },
    { header: '7200', want: 7_200_000 },
    { header: 'Wed, 21 Oct 2026 07:28:00 GMT', want: 30_000 },
    { header: 'Wed, 21 Oct 2026 07:00:00 GMT', want: 0 },
    { header: 'soon', want: undefined },
    { header: '-5', want: undefined },
  ])('$header → $want', ({ header, want }) => {
    expect(retryAfterMs(header, now)).toBe(want);
  });
});

describe('retryPolicy default sleep', () => {
  it('rejects with the reason when the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = retryPolicy().sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('resolves after the delay', async () => {
    await expect(retryPolicy().sleep(1, undefined)).resolves.toBeUndefined();
  });
});
