import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCursor, listPage, positionPage } from './paging.js';

describe('positionPage', () => {
  it('answers as listPage over the same log keyed by position, for any position and limit', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.option(fc.integer({ min: 0, max: 60 }).map((n) => encodeCursor([n])), { nil: undefined }), fc.integer({ min: 1, max: 12 }), (count, after, limit) => {
        const log = Array.from({ length: count }, (_, i) => `d${i}`);
        const ctx = { query: { limit, ...(after === undefined ? {} : { cursor: after }) } };
        const want = listPage(ctx, log.map((d, position) => ({ d, position })), ['integer'], (r) => [r.position], (r) => r.d);
        expect(positionPage(ctx, count, (i) => log[i] as string)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a cursor no page makes: a negative, fractional or textual position (listPage the non-integers too, once it has keys to compare)', () => {
    const forged = fc.oneof(fc.integer({ min: -50, max: -1 }), fc.double({ min: 0, max: 60, noInteger: true, noNaN: true }), fc.string({ maxLength: 3 })).map((k) => ({ k, cursor: encodeCursor([k]) }));
    fc.assert(
      fc.property(fc.nat(50), forged, (count, { k, cursor }) => {
        const ctx = { query: { cursor } };
        expect(() => positionPage(ctx, count, String)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
        const rows = Array.from({ length: count }, (_, position) => ({ position }));
        if (count > 0 && !Number.isInteger(k)) expect(() => listPage(ctx, rows, ['integer'], (r) => [r.position], String)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a cursor that is not one like every list (400 INVALID_CURSOR)', () => {
    expect(() => positionPage({ query: { cursor: '%%%' } }, 3, String)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
