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

/** The state of the generator `reseeded` hands out (one per process: see there). */
let shared = 0;

/** mulberry32's step on the shared state (the same arithmetic as the closure `mulberry32` makes). */
function drawShared(): number {
  shared = (shared + 0x6d2b79f5) >>> 0;
  let t = shared;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * @internal `mulberry32(seed)` without a new closure and context per seed: one shared generator,
 * reseeded, drawing the same sequence. Officials reseed per plan, after every state change of a
 * clock advance (a closure per plan was ~50 B of each). Valid only until the next `reseeded`:
 * callers draw synchronously and drop it (nothing it is handed to may keep it).
 *
 * @example
 * const rand = reseeded(42);
 * rand(); // 0.6011037519201636, as mulberry32(42)()
 */
export function reseeded(seed: number): () => number {
  shared = seed >>> 0;
  return drawShared;
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
  // A sandbox plans every decision with its one seed: its hash is remembered (and no text made of it).
  if (seed !== lastSeed) {
    lastSeedHash = fnv1a(FNV_OFFSET, String(seed));
    lastSeed = seed;
  }
  let h = Math.imul(lastSeedHash ^ BAR, FNV_PRIME);
  h = fnv1a(h, objectId);
  h = Math.imul(h ^ BAR, FNV_PRIME);
  return fnv1a(h, String(step)) >>> 0;
}

/** The seed `hashSeedOf` hashed last and that hash (FNV-1a of its text, before the separator). */
let lastSeed: number | string | undefined;
let lastSeedHash = 0;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BAR = 0x7c; // '|'

/** FNV-1a over `text`, continuing from the hash `h`. */
function fnv1a(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}
