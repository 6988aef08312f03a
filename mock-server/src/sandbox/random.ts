import type { Random } from '../app/platform-module.js';

/** A `Random` whose position can be saved in a snapshot and restored exactly. */
export interface SeededRandom extends Random {
  /** The generator's position (four 32-bit words). */
  state(): [number, number, number, number];
  /** Moves the generator back to a position `state()` answered: the draws since are undone. */
  restore(saved: readonly number[]): void;
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
  // The four words live in a typed array, not in closure variables: a variable holding a word
  // above 2^31 is a boxed number, so each draw allocated four of them (16 draws per seeded id,
  // a tenth of the bytes a simulated year allocates). Storing into the array wraps like `>>> 0`.
  const s = new Uint32Array(saved && saved.length === 4 ? saved : [hash(seed, 1), hash(seed, 2), hash(seed, 3), hash(seed, 4)]);
  const next = (): number => {
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (((a + b) >>> 0) + d) >>> 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t / 4294967296;
  };
  if (!saved) for (let i = 0; i < 12; i += 1) next(); // mix the hashed seed
  return {
    next,
    int: (maxExclusive: number): number => Math.floor(next() * maxExclusive),
    state: () => [s[0] as number, s[1] as number, s[2] as number, s[3] as number],
    restore: (saved: readonly number[]): void => s.set(saved),
  };
}
