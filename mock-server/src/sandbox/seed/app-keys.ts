import type { Rng } from './prng.js';

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The separator between a sandbox id and a seeded app key; never occurs in either. */
const SCOPE_SEPARATOR = '.';

/**
 * Draws an app key and secret for one organisation from the seed's generator.
 *
 * @example
 * ```ts
 * const { appKey, appSecret } = drawCredentials(createRng('s').fork('org:x'));
 * appKey.startsWith('ak_'); // true
 * ```
 */
export function drawCredentials(rng: Rng): { appKey: string; appSecret: string } {
  return { appKey: `ak_${rng.chars(KEY_ALPHABET, 24)}`, appSecret: rng.chars(SECRET_ALPHABET, 43) };
}

/**
 * Prefixes an app key with a sandbox id, so that sandboxes created from the same seed still have
 * distinct app keys and a signed request identifies its sandbox from the key alone.
 *
 * @example
 * ```ts
 * scopeAppKey('sbx_demo', 'ak_abc'); // 'sbx_demo.ak_abc'
 * ```
 */
export function scopeAppKey(sandboxId: string, appKey: string): string {
  if (sandboxId.includes(SCOPE_SEPARATOR)) throw new RangeError(`sandbox id must not contain "${SCOPE_SEPARATOR}": ${sandboxId}`);
  return `${sandboxId}${SCOPE_SEPARATOR}${appKey}`;
}

/**
 * Splits a scoped app key back into sandbox id and seeded key; `null` when it is not scoped.
 *
 * @example
 * ```ts
 * parseScopedAppKey('sbx_demo.ak_abc'); // { sandboxId: 'sbx_demo', appKey: 'ak_abc' }
 * ```
 */
export function parseScopedAppKey(scoped: string): { sandboxId: string; appKey: string } | null {
  const at = scoped.indexOf(SCOPE_SEPARATOR);
  if (at <= 0 || at === scoped.length - 1) return null;
  return { sandboxId: scoped.slice(0, at), appKey: scoped.slice(at + 1) };
}
