import type { Platform } from '../api/types.js';
import { idName } from './id-names.js';
import type { Locale } from './locale.js';

/** The platforms' Chinese names, as their contracts' titles give them (`openapi/<platform>/openapi.yaml`). */
const PLATFORM_NAMES_ZH: Record<Platform, string> = {
  registration: '公共数据资源登记',
  sharing: '政务数据共享',
  'open-data': '公共数据开放',
  catalog: '公共数据资源目录',
  'authorized-operation': '公共数据资源授权运营',
};

/**
 * A platform's name in the locale: its Chinese name, or its id in English (the ids are English
 * words, and what a vendor's code and the URLs use).
 *
 * @example
 * ```ts
 * platformName('open-data', 'zh'); // '公共数据开放'
 * platformName('open-data', 'en'); // 'open-data'
 * ```
 */
export function platformName(platform: string, locale: Locale): string {
  return idName(PLATFORM_NAMES_ZH, platform, locale);
}
