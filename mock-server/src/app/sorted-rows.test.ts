import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys, pageByKey } from './paging.js';
import { SortedRows } from './sorted-rows.js';

// Keys as the lists use them: a number (negated time or insertion number) and an id; few
// distinct numbers so ties are common, many operations so chunks split and empty.
const key = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.stringMatching(/^[a-f]{1,3}$/));
const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ insert: key }) },
  { weight: 1, arbitrary: fc.record({ remove: key }) },
);

describe('SortedRows', () => {
  it('holds the same rows, in the same order, as a sorted array of the distinct keys', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const rows = new SortedRows<string>();
        const model = new Map<string, readonly [number, string]>();
        for (const o of ops) {
          if ('insert' in o) {
            rows.insert(o.insert, o.insert.join('/'));
            model.set(o.insert.join('/'), o.insert);
          } else {
            expect(rows.remove(o.remove)).toBe(model.delete(o.remove.join('/')));
          }
        }
        const sorted = [...model.values()].sort(compareKeys);
        expect([...rows].map((r) => r.value)).toEqual(sorted.map((k) => k.join('/')));
        expect(rows.size).toBe(sorted.length);
      }),
      { numRuns: 40 },
    );
  });

  it('pages from any cursor key exactly as pageByKey over the sorted array', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 1500, selector: (k) => k.join('/') }), fc.option(key, { nil: undefined }), fc.integer({ min: 1, max: 30 }), (keys, after, limit) => {
        const rows = new SortedRows<readonly [number, string]>();
        for (const k of keys) rows.insert(k, k);
        const sorted = [...keys].sort(compareKeys);
        const want = pageByKey(sorted, (k) => k, after, limit);
        const got = rows.page(after, limit);
        expect(got.rows.map((r) => r.value)).toEqual(want.items);
        expect(got.more).toBe(want.nextCursor !== null);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps order across many chunk splits and emptied chunks (newest-first inserts at the front)', () => {
    const rows = new SortedRows<number>();
    for (let n = 1; n <= 5000; n += 1) rows.insert([-n], n);
    for (let n = 1; n <= 5000; n += 3) expect(rows.remove([-n])).toBe(true);
    for (let n = 2000; n <= 3500; n += 1) rows.remove([-n]);
    const want = Array.from({ length: 5000 }, (_, i) => 5000 - i).filter((n) => (n - 1) % 3 !== 0 && (n < 2000 || n > 3500));
    expect([...rows].map((r) => r.value)).toEqual(want);
    expect(rows.size).toBe(want.length);
    expect(rows.page([-3501], 3).rows.map((r) => r.value)).toEqual(want.filter((n) => n < 3501).slice(0, 3));
  });
});
