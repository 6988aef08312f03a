import type { IdGenerator, Random } from '../app/platform-module.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODES = Array.from(CROCKFORD, (c) => c.charCodeAt(0));

const UNDERSCORE = '_'.charCodeAt(0);

/** Writes the 10 character codes of a ULID's time part into `out` from index `at`. */
function encodeTime(ms: number, out: number[], at: number): void {
  let rest = Math.max(0, Math.floor(ms));
  for (let i = at + 9; i >= at; i -= 1) {
    out[i] = CODES[rest % 32] as number;
    rest = Math.floor(rest / 32);
  }
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
  // Ids are drawn for every event and kept (the feed's, the objects'), so each is made as one flat
  // string from its character codes: joining the prefix, the time part and the random part made
  // a chain of three strings per id (~75 B more kept per event, and copied by the collector).
  // The codes of the prefix and time part stay while they do (an advance fires many events at one instant).
  const codes: number[] = [];
  let lastPrefix: string | undefined;
  let lastMs = Number.NaN;
  return {
    next(prefix: string): string {
      const ms = now();
      const start = prefix.length + 1;
      if (prefix !== lastPrefix) {
        // In place (the array is as long as the id): prefixes alternate, and a rebuilt array is garbage.
        if (codes.length !== start + 26) codes.length = start + 26;
        for (let i = 0; i < prefix.length; i += 1) codes[i] = prefix.charCodeAt(i);
        codes[prefix.length] = UNDERSCORE;
        lastPrefix = prefix;
        lastMs = Number.NaN;
      }
      if (ms !== lastMs) {
        lastMs = ms;
        encodeTime(ms, codes, start);
      }
      for (let i = start + 10; i < start + 26; i += 1) codes[i] = CODES[random.int(32)] as number;
      // `apply`, not a spread: a spread copies the array first (~0.5 KB per id).
      return String.fromCharCode.apply(null, codes);
    },
  };
}
