import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes the value and every object and array it holds', () => {
    const value = deepFreeze({ items: [{ name: '姓名', tags: ['a'] }], region: { code: '350200' }, count: 3 });
    expect([value, value.items, value.items[0], value.items[0]!.tags, value.region].every((v) => Object.isFrozen(v))).toBe(true);
  });

  it('walks own enumerable members only, as Object.values does', () => {
    const inherited = { shared: { kept: 'mutable' } };
    const value = Object.create(inherited) as { own: { x: number }; shared: { kept: string } };
    value.own = { x: 1 };
    Object.defineProperty(value, 'hidden', { value: { y: 2 }, enumerable: false });
    deepFreeze(value);
    expect(Object.isFrozen(value.own)).toBe(true);
    expect(Object.isFrozen(inherited.shared)).toBe(false);
    expect(Object.isFrozen((value as unknown as { hidden: object }).hidden)).toBe(false);
  });
});
