/**
 * Tokenisation for Chinese + Latin full text.
 *
 * Chinese has no spaces, so a word index would need a dictionary. Instead each run of Han
 * characters is indexed as its character **bigrams** (plus single characters, so one-character
 * queries work) and as one **whole token**. A query run must match all its bigrams (so `人口`
 * finds `人口基础信息`, and `基础信息` finds it too), and a document that has the query run as
 * a whole token ranks higher. Latin letters and digits form lower-cased word tokens (`PM2.5`).
 * Text is NFKC-normalised first so full-width letters and digits match half-width ones.
 */

const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:\.[a-z0-9]+)*/g;
const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** A run of Han characters or a Latin/digit word, in query or document order. */
export interface Run {
  text: string;
  han: boolean;
}

/**
 * Splits text into runs after NFKC normalisation and lower-casing.
 *
 * @example
 * ```ts
 * splitRuns('PM2.5浓度 人口'); // [{ text: 'pm2.5', han: false }, { text: '浓度', han: true }, { text: '人口', han: true }]
 * ```
 */
export function splitRuns(text: string): Run[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  return [...normalized.matchAll(RUN)].map((m) => ({ text: m[0], han: HAN.test(m[0]) }));
}

/** Index terms of one run: unigrams, bigrams and the whole run for Han text; the word otherwise. */
export function indexTerms(run: Run): string[] {
  if (!run.han) return [`a:${run.text}`];
  const chars = [...run.text];
  const terms = chars.map((c) => `u:${c}`);
  for (let i = 0; i + 1 < chars.length; i += 1) terms.push(`b:${chars[i]}${chars[i + 1]}`);
  terms.push(`w:${run.text}`);
  return terms;
}

/** The terms a query run requires: its bigrams (or its single character), or the Latin word. */
export function queryTerms(run: Run): string[] {
  if (!run.han) return [`a:${run.text}`];
  const chars = [...run.text];
  if (chars.length === 1) return [`u:${chars[0]}`];
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) terms.add(`b:${chars[i]}${chars[i + 1]}`);
  return [...terms];
}

/** The whole-token term of a query run, which earns a ranking bonus. */
export function wholeTerm(run: Run): string {
  return run.han ? `w:${run.text}` : `a:${run.text}`;
}
