/** A problem's `detail` split by language; a part is absent when the detail has none in it. */
export interface DetailByLanguage {
  zh?: string;
  en?: string;
}

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
const LETTER = /\p{L}/u;
const SEPARATOR = ' / ';

/**
 * Splits a problem's free-text `detail` into its Chinese and English parts, so that neither
 * language's message carries the other. Platforms write bilingual details as `中文 / English`
 * (the gdx mock does), a few as an English sentence followed by a Chinese one; a detail in one
 * language goes to that language only (English when it starts with a Latin letter, even if it
 * quotes Chinese names).
 */
export function splitDetail(detail: string): DetailByLanguage {
  if (!HAN.test(detail)) return { en: detail };
  if (startsWithHan(detail)) return splitAtSeparator(detail) ?? { zh: detail };
  return splitAtSentence(detail) ?? { en: detail };
}

/** `中文 / English`: of the separators with Chinese before and English after, the one leaving the least Chinese on the English side (either part may hold ` / ` itself). */
function splitAtSeparator(detail: string): DetailByLanguage | undefined {
  let best: DetailByLanguage | undefined;
  let bestHan = Number.POSITIVE_INFINITY;
  for (let at = detail.indexOf(SEPARATOR); at >= 0; at = detail.indexOf(SEPARATOR, at + 1)) {
    const en = detail.slice(at + SEPARATOR.length);
    if (startsWithHan(en) || !LETTER.test(en)) continue;
    const han = countHan(en);
    if (han < bestHan) {
      best = { zh: detail.slice(0, at), en };
      bestHan = han;
    }
  }
  return best;
}

/** `English. 中文`: the Chinese starts with the sentence before which the first Chinese character stands. */
function splitAtSentence(detail: string): DetailByLanguage | undefined {
  const firstHan = detail.search(HAN);
  const end = detail.lastIndexOf('. ', firstHan);
  if (end < 0) return undefined;
  const zh = detail.slice(end + 2);
  // "Org 厦门…" is an English sentence quoting a name, not a Chinese one.
  return startsWithHan(zh) ? { en: detail.slice(0, end + 1), zh } : undefined;
}

function startsWithHan(text: string): boolean {
  const letter = LETTER.exec(text);
  return letter !== null && HAN.test(letter[0]);
}

function countHan(text: string): number {
  return text.match(HAN_GLOBAL)?.length ?? 0;
}
