import { ROLE_NAMES_ZH } from '@gdx/protocol';
import type { Locale } from './locale.js';

/** A role's name in the locale: its Chinese name, or its id in words (`data_user` → "data user"). */
export function roleName(role: string, locale: Locale): string {
  return locale === 'zh' ? (ROLE_NAMES_ZH[role] ?? role) : role.replaceAll('_', ' ');
}
