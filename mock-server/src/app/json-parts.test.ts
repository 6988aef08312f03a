import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonInParts } from './json-parts.js';

/** Every piece its own part, a turn of the event loop after each: the most the text is cut. */
const FINEST = { sliceMs: 0, partUnits: 1 };

async function joined(value: object, options = FINEST): Promise<{ text: string; byteLength: number }> {
  const { parts, byteLength } = await jsonInParts(value, options);
  return { text: parts.join(''), byteLength };
}

const deep = { a: { b: { c: { d: { e: { f: { g: { h: [1, { i: 'x' }] } } } } } } } };

describe('jsonInParts', () => {
  it.each([
    ['an empty object', {}],
    ['an empty array', []],
    ['what JSON.stringify leaves out of objects', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
    ['what it writes as null in arrays', [undefined, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY]],
    ['only left-out keys', { a: undefined }],
    ['a left-out first key', { a: undefined, b: { c: undefined, d: [] } }],
    ['toJSON values', { at: new Date(Date.UTC(2025, 8, 26, 2)), custom: { toJSON: () => ({ replaced: true }) }, gone: { toJSON: () => undefined } }],
    ['boxed primitives', { n: Object(1), s: Object('字'), b: Object(false) }],
    ['a top-level toJSON', { toJSON: () => [1, 2] }],
    ['objects deeper than those taken apart', deep],
    ['arrays of arrays', { rows: [[1, [2, [3]]], [], [{}]] }],
    ['keys to escape, integer-like keys first', { 'b"\\': 1, '2': 2, 'a\n': 3, '1': 4 }],
    ['text outside ASCII and lone surrogates', { zh: '公共交通客流数据产品', emoji: '🚌', lone: '\ud800x' }],
    ['-0 and large numbers', [-0, 1e21, 5e-324, Number.MAX_SAFE_INTEGER]],
  ])('writes the text of JSON.stringify, byte for byte: %s', async (_name, value) => {
    const { text, byteLength } = await joined(value as object);
    expect(text).toBe(JSON.stringify(value));
    expect(byteLength).toBe(new TextEncoder().encode(text).byteLength);
  });

  it('writes the text of JSON.stringify for any JSON value, however it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())), fc.integer({ min: 1, max: 64 }), async (value, partUnits) => {
        const { text, byteLength } = await joined(value, { sliceMs: 0, partUnits });
        expect(text).toBe(JSON.stringify(value));
        expect(byteLength).toBe(new TextEncoder().encode(text).byteLength);
      }),
      { numRuns: 200 },
    );
  });

  it('throws as JSON.stringify does for what JSON cannot hold', async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    await expect(jsonInParts(cycle)).rejects.toThrow(TypeError);
    await expect(jsonInParts({ big: 1n })).rejects.toThrow(TypeError);
  });

  it('lets the event loop turn between slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    // A clock that moves a slice's length per reading: every piece ends a slice.
    let now = 0;
    const made = jsonInParts({ items: [1, 2, 3] }, { sliceMs: 10, monotonic: () => (now += 10) }).then(() => order.push('made'));
    await made;
    expect(order).toEqual(['other work', 'made']);
  });

  it('closes a part once it holds partUnits', async () => {
    const { parts } = await jsonInParts({ items: ['a'.repeat(10), 'b'.repeat(10), 'c'] }, { partUnits: 16 });
    expect(parts).toEqual(['{"items":["aaaaaaaaaa"', ',"bbbbbbbbbb","c"', ']}']);
  });
});
