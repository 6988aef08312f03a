import { hashSeed, mulberry32 } from '@gdx/procedures';

/**
 * A tiny seeded pseudo-random generator: `@gdx/procedures`' mulberry32 over a string hash.
 *
 * Why not `Math.random`: seed data must be identical for the same seed on every machine and
 * every run, so tests, snapshots and two sandboxes created with one seed agree byte for byte.
 * `fork(label)` derives an independent stream, so adding organisations does not reshuffle the
 * catalog entries generated after them.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One value chosen by weight, e.g. `[['open', 35], ['not_open', 65]]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** `count` distinct elements of `items` in a random order (all of them when count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[];
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
  /** An independent generator for a named sub-stream. */
  fork(label: string): Rng;
}

/**
 * A murmur-style finaliser over `@gdx/procedures`' FNV-1a hash: better low bits for the seed data
 * than the bare hash (changing it would reshuffle every seeded sandbox).
 */
function mixedHash(text: string): number {
  let h = hashSeed(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Creates a deterministic generator from a seed.
 *
 * @example
 * ```ts
 * const rng = createRng('demo');
 * rng.int(1, 6); // the same number on every run for seed 'demo'
 * ```
 */
export function createRng(seed: string | number): Rng {
  const label = String(seed);
  const next = mulberry32(mixedHash(label));
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    pick,
    weighted<T>(choices: readonly (readonly [T, number])[]): T {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = choices[choices.length - 1];
      if (!last) throw new RangeError('weighted() needs at least one choice');
      return last[0];
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, Math.max(0, count));
    },
    chance: (p: number): boolean => next() < p,
    chars(alphabet: string, length: number): string {
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet[int(0, alphabet.length - 1)];
      return out;
    },
    fork: (sub: string): Rng => createRng(`${label}/${sub}`),
  };
}
