import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('is determined by the seed', () => {
    const a = createRandom('s');
    const b = createRandom('s');
    const c = createRandom('t');
    const draw = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('continues exactly from a saved state of unsigned words', () => {
    const r = createRandom('s');
    for (let i = 0; i < 10; i += 1) r.next();
    const state = r.state();
    expect(state.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32)).toBe(true);
    const restored = createRandom('ignored', state);
    expect(Array.from({ length: 5 }, () => restored.next())).toEqual(Array.from({ length: 5 }, () => r.next()));
  });

  it('draws integers in range', () => {
    const r = createRandom('s');
    for (let i = 0; i < 1000; i += 1) {
      const n = r.int(7);
      expect(n >= 0 && n < 7 && Number.isInteger(n)).toBe(true);
    }
  });
});
