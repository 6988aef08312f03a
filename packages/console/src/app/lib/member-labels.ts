import { createContext } from 'preact';
import type { Localized } from '../api/types.js';
import type { Locale } from '../i18n/locale.js';

/** The names an action's form gives the members inside its fields and their choices (`ActionField.memberLabels`, merged). */
export type MemberLabels = Readonly<Record<string, Localized | undefined>>;

/**
 * The name of the member whose value goes at `pointer` in the body sent, or of one of its choices
 * (`pointer=value`), in the locale; `own` (the wire name) when the contract names none. The labels
 * leave array indexes out: every reason's `text` is `reasons/text`.
 *
 * @example
 * ```ts
 * const labels = { 'reasons/text': { zh: '理由', en: 'Reason' }, 'sharing/type=unconditional': { zh: '无条件共享', en: 'Unconditional' } };
 * memberLabel(labels, '/reasons/1/text', 'zh', 'text');                   // '理由'
 * memberLabel(labels, '/sharing/type=unconditional', 'zh', 'unconditional'); // '无条件共享'
 * memberLabel(labels, '/reasons/1/code', 'zh', 'code');                   // 'code'
 * ```
 */
export function memberLabel(labels: MemberLabels, pointer: string, locale: Locale, own: string): string {
  return labels[pointer.slice(1).replace(/\/\d+(?=\/|$)/g, '')]?.[locale] ?? own;
}

/** The member names of the form a field is in. */
export const FormLabels = createContext<MemberLabels>({});
