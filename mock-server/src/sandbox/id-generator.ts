import type { IdGenerator, Random } from '../app/platform-module.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODES = Array.from(CROCKFORD, (c) => c.charCodeAt(0));

/** The 10-character time part of a ULID. */
function encodeTime(ms: number): string {
  const chars = new Array<number>(10);
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 9; i >= 0; i -= 1) {
    chars[i] = CODES[rest % 32] as number;
    rest = Math.floor(rest / 32);
  }
  return String.fromCharCode(...chars);
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
export function createIdGenerator(now: () => number, random: Random): IdGenerator {
  // Ids are drawn for every event, so the string work is kept to one string per part: the time
  // part is reused while the clock stands still (an advance fires many events at one instant).
  const tail = new Array<number>(16);
  let lastMs = Number.NaN;
  let lastTime = '';
  return {
    next(prefix: string): string {
      const ms = now();
      if (ms !== lastMs) {
        lastMs = ms;
        lastTime = encodeTime(ms);
      }
      for (let i = 0; i < 16; i += 1) tail[i] = CODES[random.int(32)] as number;
      return `${prefix}_${lastTime}${String.fromCharCode(...tail)}`;
    },
  };
}
