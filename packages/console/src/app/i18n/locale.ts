import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { messageOf, type MessageKey } from './messages.js';
import type { Localized } from '../api/types.js';
import { eventTypeName } from './event-types.js';
import { objectTypeName } from './object-types.js';
import { platformName } from './platforms.js';
import { roleName } from './roles.js';

export type Locale = 'zh' | 'en';
const LOCALE_KEY = 'gdx-console.locale';

/** The saved choice, else the browser's language (Chinese for any `zh-*`, English otherwise). */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function saveLocale(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}

export const LocaleContext = createContext<Locale>('zh');

/**
 * A translator: a message with its `{name}` slots filled, and its `{name:one|other}` slots by
 * whether the value is 1 (English counts need a plural; Chinese ones do not, so they have none).
 */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, values = {}) => {
    let text: string = messageOf(key)![locale === 'zh' ? 0 : 1].replace(/\{(\w+):([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => (values[name] === 1 ? one : other));
    for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

/**
 * The name of a value the server sends as an id (a delivery's state, a fault's kind…) in the
 * locale: the message `${prefix}.${id}`, or the id itself for one the console has no name for yet
 * (a value added to the contract later is shown, not dropped).
 *
 * @example
 * ```ts
 * nameOf(translator('zh'), 'webhooks.state', 'failed'); // '投递失败'
 * nameOf(translator('zh'), 'webhooks.state', 'paused'); // 'paused'
 * ```
 */
export function nameOf(t: Translate, prefix: string, id: string): string {
  const key = `${prefix}.${id}`;
  return messageOf(key) ? t(key as MessageKey) : id;
}

/** What `useT` gives a view: the locale's translator and namers of what the server sends. */
export interface LocaleTools {
  t: Translate;
  locale: Locale;
  /** The locale's text of one the server sends in both languages (`''` for none). */
  pick: (text: Localized | undefined | null) => string;
  role: (role: string) => string;
  platform: (platform: string) => string;
  /** An event's `type` by its Chinese name in Chinese, by its id in English. */
  eventType: (type: string) => string;
  /** A workflow object's kind by its Chinese name in Chinese, by its id in English. */
  objectType: (objectType: string) => string;
}

/** The translator of the current locale, a picker for texts the server sends in both languages, and names of roles, platforms, event types and object types. */
export function useT(): LocaleTools {
  const locale = useContext(LocaleContext);
  return {
    t: translator(locale),
    locale,
    pick: (text) => (text ? text[locale] : ''),
    role: (role) => roleName(role, locale),
    platform: (platform) => platformName(platform, locale),
    eventType: (type) => eventTypeName(type, locale),
    objectType: (objectType) => objectTypeName(objectType, locale),
  };
}
