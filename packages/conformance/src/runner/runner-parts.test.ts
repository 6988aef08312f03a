import { describe, expect, it } from 'vitest';
import { createExpect, ExpectationError } from './expect.js';
import { createRandom } from './random.js';
import { isSelected } from './select.js';

describe('isSelected', () => {
  it.each<[string, string[], string[], boolean]>([
    ['REG-ACCEPT-01', [], [], true],
    ['REG-ACCEPT-01', ['REG-*'], [], true],
    ['SHR-REVIEW-01', ['REG-*'], [], false],
    ['REG-ACCEPT-01', ['REG-*'], ['*-01'], false],
    ['reg-accept-02', ['REG-ACCEPT-0?'], [], true],
    ['CON-SCHEMA-REG-getApplication', ['CON-*', 'SEC-*'], ['CON-SCHEMA-*'], false],
    ['A.B', ['A?B'], [], true],
    ['AxB', ['A.B'], [], false],
  ])('%s with include %j exclude %j → %s', (id, include, exclude, want) => {
    expect(isSelected(id, include, exclude)).toBe(want);
  });
});

describe('createRandom', () => {
  it('repeats a sequence for the same seed and differs for another', () => {
    const take = (seed: string) => { const r = createRandom(seed); return [r.next(), r.int(1000), r.string(8)]; };
    expect(take('1/REG-ACCEPT-01')).toEqual(take('1/REG-ACCEPT-01'));
    expect(take('1/REG-ACCEPT-01')).not.toEqual(take('2/REG-ACCEPT-01'));
  });

  it('stays in range', () => {
    const r = createRandom('range');
    for (let i = 0; i < 500; i += 1) {
      const n = r.int(7);
      expect(n >= 0 && n < 7 && Number.isInteger(n)).toBe(true);
    }
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe('createExpect', () => {
  it('records expected and actual of the first broken expectation', () => {
    const e = createExpect();
    expect(() => e.equal({ a: 1 }, { a: 1 }, 'same')).not.toThrow();
    try {
      e.equal({ dueDate: '2025-10-09' }, { dueDate: '2025-09-30' }, 'due date');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpectationError);
      expect((error as ExpectationError).failure).toEqual({ message: 'due date', expected: { dueDate: '2025-09-30' }, actual: { dueDate: '2025-10-09' } });
    }
  });

  it('checks membership and conditions', () => {
    const e = createExpect();
    expect(() => e.oneOf(409, [400, 409], 'refused')).not.toThrow();
    expect(() => e.oneOf(200, [400, 409], 'refused')).toThrow('refused');
    expect(() => e.that(false, 'cond', 'x', 'y')).toThrow(ExpectationError);
  });
});
