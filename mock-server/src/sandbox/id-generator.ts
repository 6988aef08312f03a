import type { IdGenerator, Random } from '../app/platform-module.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODES = Array.from(CROCKFORD, (c) => c.charCodeAt(0));

const UNDERSCORE = '_'.charCodeAt(0);

/** Random characters of an id: 16, drawn as two halves of 8 (40 bits each, exact in a double). */
const HALF = 8;

/** Writes the 10 character codes of a ULID's time part into `out` from index `at`. */
function encodeTime(ms: number, out: number[], at: number): void {
  let rest = Math.max(0, Math.floor(ms));
  for (let i = at + 9; i >= at; i -= 1) {
    out[i] = CODES[rest % 32] as number;
    rest = Math.floor(rest / 32);
  }
}

/** Writes the 8 character codes of one drawn half (`drawHalf`) into `out` from index `at`. */
function encodeHalf(half: number, out: number[], at: number): void {
  let rest = half;
  for (let i = at + HALF - 1; i >= at; i -= 1) {
    out[i] = CODES[rest % 32] as number;
    rest = Math.floor(rest / 32);
  }
}

/** Eight draws of `random.int(32)`, the first in the highest 5 bits (the order `next` spells them in). */
function drawHalf(random: Random): number {
  let half = 0;
  for (let i = 0; i < HALF; i += 1) half = half * 32 + random.int(32);
  return half;
}

/** Writes `prefix` and the `_` after it into `out` from index 0. */
function encodePrefix(prefix: string, out: number[]): void {
  for (let i = 0; i < prefix.length; i += 1) out[i] = prefix.charCodeAt(i);
  out[prefix.length] = UNDERSCORE;
}

/**
 * Ids of one prefix drawn now and spelled when first read: what an id is made of (the clock's
 * instant and its random part, three numbers in typed arrays) instead of a string per id. The
 * feed draws one per event and reads few of them (a page, a webhook, a snapshot): a 30-character
 * string kept per event was ~48 B that every scavenge of a clock advance copied.
 *
 * @example
 * ```ts
 * const drawn = new DrawnIds('evt');
 * const at = ids.draw(drawn); // the same draws as ids.next('evt')
 * drawn.spell(at); // 'evt_01K61VZA80…', what ids.next('evt') would have answered
 * ```
 */
export class DrawnIds {
  readonly #prefix: string;
  /** Per id: the instant, then the two random halves. */
  #numbers = new Float64Array(3 * 256);
  #size = 0;
  /** The codes of the id being spelled (prefix written once). */
  readonly #codes: number[] = [];

  constructor(prefix: string) {
    this.#prefix = prefix;
    this.#codes.length = prefix.length + 1 + 26;
    encodePrefix(prefix, this.#codes);
  }

  /** Keeps one id's numbers; answers its index. */
  add(ms: number, high: number, low: number): number {
    const at = this.#size * 3;
    if (at + 3 > this.#numbers.length) {
      const grown = new Float64Array(this.#numbers.length * 2);
      grown.set(this.#numbers);
      this.#numbers = grown;
    }
    this.#numbers[at] = ms;
    this.#numbers[at + 1] = high;
    this.#numbers[at + 2] = low;
    return this.#size++;
  }

  /** The id at `index` (from `add`), spelled as `IdGenerator.next` spells an id of the prefix. */
  spell(index: number): string {
    const codes = this.#codes;
    const start = this.#prefix.length + 1;
    const at = index * 3;
    encodeTime(this.#numbers[at] as number, codes, start);
    encodeHalf(this.#numbers[at + 1] as number, codes, start + 10);
    encodeHalf(this.#numbers[at + 2] as number, codes, start + 10 + HALF);
    return String.fromCharCode.apply(null, codes);
  }
}

/** The sandbox's id source: `next`, and `draw` for ids spelled later (`DrawnIds`). */
export interface SandboxIdGenerator extends IdGenerator {
  /**
   * Draws the id `next(prefix)` would answer now (the same clock reading and random draws, so
   * every later id is the same too), keeps it in `into` unspelled and answers its index there.
   */
  draw(into: DrawnIds): number;
}

/**
 * ULID-shaped ids from the sandbox clock and its seeded randomness, so ids sort by creation time
 * and a replayed journal produces the same ids (order within one millisecond is random).
 *
 * @example
 * ```ts
 * const ids = createIdGenerator(() => clock.now(), random);
 * ids.next('rga'); // 'rga_01JB…'
 * ```
 */
export function createIdGenerator(now: () => number, random: Random): SandboxIdGenerator {
  // Ids are drawn for every event and kept (the feed's, the objects'), so each is made as one flat
  // string from its character codes: joining the prefix, the time part and the random part made
  // a chain of three strings per id (~75 B more kept per event, and copied by the collector).
  const codes: number[] = [];
  return {
    next(prefix: string): string {
      const ms = now();
      const start = prefix.length + 1;
      // In place (the array is as long as the id): prefixes alternate, and a rebuilt array is
      // garbage. The prefix and the time part are written on every call (~40 codes of arithmetic):
      // written only when they changed, that path was first taken by optimized code in a clock
      // advance (the creates before it draw one prefix at one instant here) and deoptimized it.
      codes.length = start + 26;
      encodePrefix(prefix, codes);
      encodeTime(ms, codes, start);
      // The draws `DrawnIds` keeps as two halves, in the same order.
      for (let i = start + 10; i < start + 26; i += 1) codes[i] = CODES[random.int(32)] as number;
      // `apply`, not a spread: a spread copies the array first (~0.5 KB per id).
      return String.fromCharCode.apply(null, codes);
    },
    draw(into: DrawnIds): number {
      const ms = now();
      const high = drawHalf(random);
      return into.add(ms, high, drawHalf(random));
    },
  };
}
