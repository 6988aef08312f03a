import type { IdGenerator, Random } from '../app/platform-module.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeTime(ms: number): string {
  let out = '';
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
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
  return {
    next(prefix: string): string {
      let tail = '';
      for (let i = 0; i < 16; i += 1) tail += CROCKFORD[random.int(32)];
      return `${prefix}_${encodeTime(now())}${tail}`;
    },
  };
}
