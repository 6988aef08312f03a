/**
 * mulberry32: a tiny, fast, deterministic 32-bit PRNG. Same seed → same sequence on every
 * platform, which is all a simulation needs (it is not cryptographic).
 *
 * @example
 * const rand = mulberry32(42);
 * rand(); // 0.6011037519201636, always
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit FNV-1a hash of a string, to derive independent PRNG seeds from (seed, object, step).
 *
 * @example
 * hashSeed('42|rga_1|3'); // a stable uint32
 */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
