import { describe, expect, it } from 'vitest';
import { createIdGenerator, DrawnIds } from './id-generator.js';
import { createRandom } from './random.js';

describe('createIdGenerator', () => {
  it('draws the same ids from the same seed and clock as before (journals and snapshots rely on them)', () => {
    let now = Date.parse('2025-09-26T10:00:00+08:00');
    const ids = createIdGenerator(() => now, createRandom('7/platform'));
    const drawn = [ids.next('evt'), ids.next('rga')];
    now += 86_400_000;
    drawn.push(ids.next('evt'));
    // Known answers of the first implementation (string concatenation per character).
    expect(drawn).toEqual(['evt_01K61VZA80XQJDYC5MF0PN243A', 'rga_01K61VZA80WNKXNZPNFKTTVH83', 'evt_01K64EC180DC9K5HCB2Z8RTQG8']);
  });

  it('spells each id with its own prefix and the clock when prefixes of different lengths alternate', () => {
    let now = Date.parse('2025-09-26T10:00:00+08:00');
    const ids = createIdGenerator(() => now, createRandom('lengths'));
    const drawn = ['note', 'x', 'note', 'evt', 'evt', 'x'].map((prefix, i) => {
      if (i === 3) now += 1;
      return [prefix, ids.next(prefix)] as const;
    });
    for (const [prefix, id] of drawn) expect(id).toMatch(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`));
    expect(drawn.map(([prefix, id]) => id.slice(prefix.length + 1, prefix.length + 11))).toEqual(['01K61VZA80', '01K61VZA80', '01K61VZA80', '01K61VZA81', '01K61VZA81', '01K61VZA81']);
  });

  it('encodes the clock in the first ten characters, so ids sort by creation time', () => {
    let now = 0;
    const ids = createIdGenerator(() => now, createRandom('order'));
    const drawn = [0, 1, 31, 32, 1_758_852_000_000, 1_758_852_000_001].map((ms) => {
      now = ms;
      return ids.next('x');
    });
    expect(drawn.map((id) => id.slice(2, 12))).toEqual(['0000000000', '0000000001', '000000000Z', '0000000010', '01K61VZA80', '01K61VZA81']);
    expect([...drawn].sort()).toEqual(drawn);
    for (const id of drawn) expect(id).toMatch(/^x_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('draws an id unspelled that spells as next would have answered, and leaves every later id the same', () => {
    let now = Date.parse('2025-09-26T10:00:00+08:00');
    const spelled = createIdGenerator(() => now, createRandom('7/platform'));
    const deferred = createIdGenerator(() => now, createRandom('7/platform'));
    const drawn = new DrawnIds('evt');
    const expected: string[] = [];
    const indexes: number[] = [];
    // More than the store's first capacity, at instants from 0 (all-zero time part) on.
    for (let i = 0; i < 600; i += 1) {
      now = i === 0 ? 0 : now + (i % 7) * 86_400_017;
      expected.push(spelled.next('evt'));
      indexes.push(deferred.draw(drawn));
      // Ids of other prefixes between them draw from the same sequence.
      if (i % 5 === 0) expect(deferred.next('rga')).toBe(spelled.next('rga'));
    }
    expect(indexes.map((i) => drawn.spell(i))).toEqual(expected);
    expect(drawn.spell(0)).toBe(expected[0]);
  });
});
