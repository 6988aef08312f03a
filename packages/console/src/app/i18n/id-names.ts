import type { Locale } from './locale.js';

/**
 * A value the server sends as an id (a platform, an event type, an object type…) in the locale:
 * its Chinese name from `namesZh` in Chinese, else the id itself (a value added to the contract
 * later is shown, not dropped); in English always the id (the ids are English words, and what a
 * vendor's code, the URLs and the webhook subscriptions use).
 *
 * @example
 * ```ts
 * idName({ grant: '授权' }, 'grant', 'zh');  // '授权'
 * idName({ grant: '授权' }, 'grant', 'en');  // 'grant'
 * idName({ grant: '授权' }, 'permit', 'zh'); // 'permit'
 * ```
 */
export function idName(namesZh: Readonly<Record<string, string>>, id: string, locale: Locale): string {
  return locale === 'zh' && Object.hasOwn(namesZh, id) ? namesZh[id]! : id;
}
