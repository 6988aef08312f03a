import type { CatalogEntry } from '../../../sandbox/seed/types.js';
import { indexTerms, splitRuns } from './tokenize.js';

/** Field weights: a hit in the name counts most, then data item names, then the summary. */
const WEIGHTS = { name: 3, item: 1.5, summary: 1, itemDescription: 0.5 } as const;

/**
 * The weighted terms of one entry. Weights depend only on the entry itself (no corpus
 * statistics such as idf), so an entry's relevance for a query never changes when other entries
 * are inserted: that is what keeps relevance-sorted cursors stable under concurrent inserts.
 *
 * @example
 * ```ts
 * documentTerms(entry).get('b:人口'); // 3 when 人口 occurs once in the name
 * ```
 */
export function documentTerms(entry: CatalogEntry): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    for (const run of splitRuns(text)) {
      for (const term of indexTerms(run)) terms.set(term, (terms.get(term) ?? 0) + weight);
    }
  };
  add(entry.name, WEIGHTS.name);
  add(entry.summary, WEIGHTS.summary);
  for (const item of entry.items) {
    add(item.name, WEIGHTS.item);
    if (item.description !== item.name) add(item.description, WEIGHTS.itemDescription);
  }
  return terms;
}
