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
  return fnv1a(FNV_OFFSET, text) >>> 0;
}

/**
 * `hashSeed` of `${seed}|${objectId}|${step}` without building that string (officials plan after
 * every state change of a clock advance): the same value.
 *
 * @example
 * hashSeedOf(42, 'rga_1', 3) === hashSeed('42|rga_1|3'); // true
 */
export function hashSeedOf(seed: number | string, objectId: string, step: number): number {
  let h = fnv1a(FNV_OFFSET, String(seed));
  h = Math.imul(h ^ BAR, FNV_PRIME);
  h = fnv1a(h, objectId);
  h = Math.imul(h ^ BAR, FNV_PRIME);
  return fnv1a(h, String(step)) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BAR = 0x7c; // '|'

/** FNV-1a over `text`, continuing from the hash `h`. */
function fnv1a(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}
