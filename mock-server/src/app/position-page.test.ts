import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCursor, listPage, positionPage } from './paging.js';

describe('positionPage', () => {
  it('answers as listPage over the same log keyed by position, for any cursor and limit', () => {
    const cursor = fc.oneof(fc.integer({ min: -3, max: 60 }).map((n) => encodeCursor([n])), fc.string({ maxLength: 3 }).map((s) => encodeCursor([s])));
    fc.assert(
      fc.property(fc.nat(50), fc.option(cursor, { nil: undefined }), fc.integer({ min: 1, max: 12 }), (count, after, limit) => {
        const log = Array.from({ length: count }, (_, i) => `d${i}`);
        const ctx = { query: { limit, ...(after === undefined ? {} : { cursor: after }) } };
        const want = listPage(ctx, log.map((d, position) => ({ d, position })), (r) => [r.position], (r) => r.d);
        expect(positionPage(ctx, count, (i) => log[i] as string)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a cursor that is not one like every list (400 INVALID_CURSOR)', () => {
    expect(() => positionPage({ query: { cursor: '%%%' } }, 3, String)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
