/** A small seeded pseudo-random generator (mulberry32): same seed, same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A string of `length` characters from `alphabet`. */
  string(length: number, alphabet?: string): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** FNV-1a, 32 bit: turns the run seed and a check id into a generator state. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The non-negative integer a simulation API takes as a sandbox seed: the run seed itself when it
 * is a decimal integer, else its hash (the kit's `--seed` may be any text).
 *
 * @example
 * ```ts
 * sandboxSeed('42'); // 42
 * sandboxSeed('nightly'); // a stable integer
 * ```
 */
export function sandboxSeed(seed: string): number {
  return /^\d{1,15}$/.test(seed) ? Number(seed) : hash(seed);
}

/**
 * Creates a generator for a seed. Each check gets its own stream (`seed` + check id), so
 * adding or skipping a check does not change the inputs another check generates.
 *
 * @example
 * ```ts
 * const r = createRandom('42/REG-ACCEPT-01');
 * r.int(10); // always the same number for this seed
 * ```
 */
export function createRandom(seed: string): Random {
  let state = hash(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    pick(items) {
      const item = items[int(items.length)];
      if (item === undefined) throw new RangeError('pick() needs a non-empty list');
      return item;
    },
    string(length, alphabet = ALNUM) {
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet.charAt(int(alphabet.length));
      return out;
    },
  };
}
