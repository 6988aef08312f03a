import type { Random } from '../app/platform-module.js';

/** A `Random` whose position can be saved in a snapshot and restored exactly. */
export interface SeededRandom extends Random {
  /** The generator's position (four 32-bit words). */
  state(): [number, number, number, number];
}

/** Hashes a seed string into 32 bits (FNV-1a). */
function hash(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * sfc32, chosen because its whole state is four integers: a sandbox snapshot stores them and
 * the restored sandbox continues with the very same numbers.
 *
 * @example
 * ```ts
 * const r = createRandom('seed-1');
 * const again = createRandom('ignored', r.state());
 * r.next() === again.next(); // true
 * ```
 */
export function createRandom(seed: string, saved?: readonly number[]): SeededRandom {
  let [a, b, c, d] = saved && saved.length === 4
    ? (saved.map((n) => n >>> 0) as [number, number, number, number])
    : [hash(seed, 1), hash(seed, 2), hash(seed, 3), hash(seed, 4)];
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  if (!saved) for (let i = 0; i < 12; i += 1) next(); // mix the hashed seed
  return {
    next,
    int: (maxExclusive: number): number => Math.floor(next() * maxExclusive),
    state: () => [a, b, c, d],
  };
}
