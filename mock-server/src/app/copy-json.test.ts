import { describe, expect, it } from 'vitest';
import { copyJson } from './copy-json.js';

describe('copyJson', () => {
  it('copies nested objects and arrays, sharing nothing with the original', () => {
    const original = { items: [{ name: '姓名', length: 50, sensitive: true, note: null }], sharing: { type: 'conditional', conditions: ['a'] }, n: 0 };
    const copy = copyJson(original);
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
    expect(copy.items).not.toBe(original.items);
    expect(copy.items[0]).not.toBe(original.items[0]);
    copy.items[0]!.name = '变更';
    copy.sharing.conditions.push('b');
    expect(original.items[0]!.name).toBe('姓名');
    expect(original.sharing.conditions).toEqual(['a']);
  });

  it('keeps an own __proto__ key as a key, not as the prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const copy = copyJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });

  it('returns primitives as they are', () => {
    expect([copyJson('x'), copyJson(1), copyJson(true), copyJson(null)]).toEqual(['x', 1, true, null]);
  });
});
