import type { Rng } from './prng.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A deterministic ULID-shaped id with a type prefix, e.g. `cte_01J8…`. The time part comes from
 * `epochMs` (so ids of seeded objects sort roughly by their date) and the rest from `rng`.
 *
 * @example
 * ```ts
 * seedId('org', createRng('s'), Date.UTC(2025, 0, 1)); // 'org_' + 26 characters
 * ```
 */
export function seedId(prefix: string, rng: Rng, epochMs: number): string {
  let time = '';
  let t = Math.max(0, Math.floor(epochMs));
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `${prefix}_${time}${rng.chars(CROCKFORD, 16)}`;
}
