import type { CatalogEntry } from '../../../sandbox/seed/types.js';
import { indexTerms, splitRuns } from './tokenize.js';

/** Field weights: a hit in the name counts most, then data item names, then the summary. */
const WEIGHTS = { name: 3, item: 1.5, summary: 1, itemDescription: 0.5 } as const;

/** How many texts' terms are kept; past it the memo starts again (a bound, not a cache policy). */
const MEMO_TEXTS = 20_000;
/** Longer texts are tokenised each time: the seed's are shorter, and the memo stays a few MB at most. */
const MEMO_TEXT_LENGTH = 256;
const termsByText = new Map<string, readonly string[]>();

/**
 * The index terms of one text, in order (with repeats). Memoised: the seed's entries repeat the
 * same names, summaries and data items in every sandbox, and a search tokenises a sandbox's 300
 * entries on first use; tokenising them again was ~12 % of a conformance kit run.
 */
function termsOfText(text: string): readonly string[] {
  if (text.length > MEMO_TEXT_LENGTH) return splitRuns(text).flatMap(indexTerms);
  let terms = termsByText.get(text);
  if (terms === undefined) {
    terms = splitRuns(text).flatMap(indexTerms);
    if (termsByText.size >= MEMO_TEXTS) termsByText.clear();
    termsByText.set(text, terms);
  }
  return terms;
}

/** How many entries' terms are kept by their texts; past it the memo starts again (a bound, not a cache policy). */
const MEMO_ENTRIES = 5_000;
const termsByEntryText = new Map<string, ReadonlyMap<string, number>>();

/**
 * The weighted terms of one entry. Weights depend only on the entry itself (no corpus
 * statistics such as idf), so an entry's relevance for a query never changes when other entries
 * are inserted: that is what keeps relevance-sorted cursors stable under concurrent inserts.
 *
 * Memoised by the texts they come from, and shared: every seed draws its entries from the same
 * templates, so the entries of a new seed have the names, summaries and data items of the last
 * one's, and indexing a seed's 300 entries made ~40 % of its index in term maps already made.
 * Nobody changes a document's terms once made.
 *
 * @example
 * ```ts
 * documentTerms(entry).get('b:人口'); // 3 when 人口 occurs once in the name
 * ```
 */
export function documentTerms(entry: CatalogEntry): ReadonlyMap<string, number> {
  // Each text led by its length: no two lists of texts make the same key, whatever they contain.
  let key = `${entry.name.length}:${entry.name}${entry.summary.length}:${entry.summary}`;
  for (const item of entry.items) key += `${item.name.length}:${item.name}${item.description.length}:${item.description}`;
  let terms = termsByEntryText.get(key);
  if (terms === undefined) {
    terms = termsOf(entry);
    if (termsByEntryText.size >= MEMO_ENTRIES) termsByEntryText.clear();
    termsByEntryText.set(key, terms);
  }
  return terms;
}

function termsOf(entry: CatalogEntry): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    for (const term of termsOfText(text)) terms.set(term, (terms.get(term) ?? 0) + weight);
  };
  add(entry.name, WEIGHTS.name);
  add(entry.summary, WEIGHTS.summary);
  for (const item of entry.items) {
    add(item.name, WEIGHTS.item);
    if (item.description !== item.name) add(item.description, WEIGHTS.itemDescription);
  }
  return terms;
}
