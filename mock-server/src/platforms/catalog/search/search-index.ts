import type { CatalogEntry } from '../../../sandbox/seed/types.js';
import { fnv1a } from '../../../app/fnv1a.js';
import { documentTerms } from './document-terms.js';
import { FACET_NAMES, facetValue, type FacetBucket, type FacetName } from './facets.js';
import { decodeSearchCursor, encodeSearchCursor, type SortKey } from './search-cursor.js';
import { CatalogSearchError } from './search-error.js';
import { queryTerms, splitRuns, wholeTerm } from './tokenize.js';

/** `relevance` (best first; the default with `q`) or `modified` (newest first; the default without). */
export type CatalogSort = 'relevance' | 'modified';

export interface CatalogSearchQuery {
  /**
   * Full text over name, summary and data items: its runs of Han characters and its Latin/digit
   * words are searched. A `q` with none of them (only spaces, punctuation, symbols or emoji)
   * matches nothing; an empty `q` is the same as none.
   */
  q?: string;
  /** Values of a facet are OR-ed; facets are AND-ed. */
  filters?: Partial<Record<FacetName, readonly string[]>>;
  sort?: CatalogSort;
  /** 1–200, default 20. */
  limit?: number;
  cursor?: string;
}

export interface CatalogSearchResult {
  items: CatalogEntry[];
  nextCursor: string | null;
  /** Entries matching the query and filters (all pages). */
  total: number;
  /** Counts over the filtered result, largest first. */
  facets: Record<FacetName, FacetBucket[]>;
}

interface Doc {
  entry: CatalogEntry;
  /** Shared with every document of the same texts (`documentTerms`): read only. */
  terms: ReadonlyMap<string, number>;
  modifiedMs: number;
  name: string;
  /** [value, label] per facet, in FACET_NAMES order (computed once, counted per query). */
  facets: (readonly [string, string])[];
  /** Per facet, in FACET_NAMES order, the number of the value in its `FacetValueNumbers`: counted in an array, not a `Map`. */
  facetNumbers: Uint32Array;
}

/**
 * A small number for each value one facet has taken, so a query counts values in a reused array.
 * Numbers are never given back: values come from the catalog's providers, regions and code lists,
 * which are few and bounded by the entries ever published.
 */
class FacetValueNumbers {
  private readonly numbers = new Map<string, number>();
  /** Counts of one query by value number; all zero between queries. */
  counts = new Uint32Array(16);

  numberOf(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      this.numbers.set(value, (n = this.numbers.size));
      if (n >= this.counts.length) this.counts = new Uint32Array(this.counts.length * 2);
    }
    return n;
  }

  /** The same numbers, with counts of its own (a query counts in them). */
  copy(): FacetValueNumbers {
    const copy = new FacetValueNumbers();
    for (const [value, n] of this.numbers) copy.numbers.set(value, n);
    copy.counts = new Uint32Array(this.counts.length);
    return copy;
  }
}

/**
 * What indexing a frozen list of seed entries builds, shared by every index seeded with that list
 * (every sandbox of one seed): its documents, posting sets and facet numbers. Nobody changes it:
 * an index searches the base's own maps until its first change, then copies the maps, and a
 * posting set of a base (`SHARED_SETS`) before it changes one (copy on write). Built by
 * `CatalogSearchIndex.#baseOf`.
 */
interface IndexBase {
  readonly docs: ReadonlyMap<string, Doc>;
  readonly postings: ReadonlyMap<string, Set<string>>;
  readonly facetPostings: ReadonlyMap<FacetName, ReadonlyMap<string, Set<string>>>;
  readonly facetNumbers: readonly FacetValueNumbers[];
}

const BASES = new WeakMap<readonly CatalogEntry[], IndexBase>();
/**
 * What an index holds before anything is indexed in it, shared by every new index like a seed's
 * base (a sandbox's index was ~6 KB of empty maps it replaces with its seed's base anyway).
 */
const EMPTY_BASE: IndexBase = {
  docs: new Map(),
  postings: new Map(),
  facetPostings: new Map(FACET_NAMES.map((f) => [f, new Map()])),
  facetNumbers: FACET_NAMES.map(() => new FacetValueNumbers()),
};
const NO_ENTRIES: ReadonlyMap<string, CatalogEntry> = new Map();
/**
 * The entries by id of a frozen list of frozen seed entries with distinct ids, shared read-only by
 * the indices seeded with it until each first changes.
 */
const SEED_LISTS = new WeakMap<readonly CatalogEntry[], ReadonlyMap<string, CatalogEntry>>();
/** The posting sets that belong to a base: copied by an index before it adds or removes an id. */
const SHARED_SETS = new WeakSet<Set<string>>();

/** A query tokenised once, not per scored document. */
interface PreparedQuery {
  text: string;
  runs: { text: string; terms: string[]; whole: string }[];
}

/** Orders sort keys (primary: score or modified time; secondary: modified time) descending. */
function compareDesc(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  if (a[1] !== b[1]) return b[1] - a[1];
  return a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : 0;
}

/**
 * An in-memory inverted index over published catalog entries with facets and cursor paging.
 *
 * A query intersects the posting sets of its terms (smallest first), then the facet filters,
 * then scores only the candidates. Relevance is document-local (see `documentTerms`), and the
 * cursor holds the last item's full sort key `[score|modified, modified, id]`, so paging is
 * stable past any number of rows and under concurrent inserts: a page never repeats or skips an
 * entry that existed when the first page was read.
 *
 * @example
 * ```ts
 * const index = new CatalogSearchIndex(seed.catalogEntries);
 * const page = index.search({ q: '人口', filters: { sharingType: ['unconditional'] }, limit: 50 });
 * const next = index.search({ q: '人口', filters: { sharingType: ['unconditional'] }, limit: 50, cursor: page.nextCursor! });
 * ```
 */
export class CatalogSearchIndex {
  /**
   * Every published entry by id, in insertion order: what `get`, `entries` and `size` read. A
   * seeded index reads the seed list's shared map (`SEED_LISTS`) until its first change
   * (`#ownPublished`): most sandboxes never change their catalog.
   */
  private published = NO_ENTRIES;
  #publishedShared = true;
  /**
   * Entries with terms and postings. An entry is tokenised when a search first needs it, not when
   * it is published: a sandbox seeds 300 entries, and most sandboxes (a test's, a kit check's)
   * never search; tokenising at seed time was ~45 % of creating a sandbox (bench/HISTORY.md).
   */
  private docs = EMPTY_BASE.docs as Map<string, Doc>;
  /** Ids published since the last search, tokenised by the next one. */
  private readonly unindexed = new Set<string>();
  private postings = EMPTY_BASE.postings as Map<string, Set<string>>;
  private facetPostings = EMPTY_BASE.facetPostings as Map<FacetName, Map<string, Set<string>>>;
  private facetNumbers = EMPTY_BASE.facetNumbers as FacetValueNumbers[];
  /** Seed entries given to `seed`, whose shared base the index adopts before its first search or change. */
  #pendingBase: readonly CatalogEntry[] | undefined;
  /**
   * Whether `docs`, `postings`, `facetPostings` and `facetNumbers` are an adopted base's own maps,
   * read but never changed: the index copies them before its first change (`#ownIndex`). A
   * sandbox that only searches (most of a conformance run's) copies nothing; copying ~2,700
   * postings and 300 documents at a first search was ~20 % of what a kit run allocated.
   * A new index shares the empty base (`EMPTY_BASE`) the same way.
   */
  #indexShared = true;
  #generation = 0;

  constructor(entries: Iterable<CatalogEntry> = []) {
    for (const entry of entries) this.upsert(entry);
  }

  get size(): number {
    return this.published.size;
  }

  /**
   * Changes whenever an entry is added, replaced or removed: the same query on the same generation
   * has the same answer (relevance is document-local, and nothing else varies), so an answer
   * rendered for a generation can be kept for it.
   */
  get generation(): number {
    return this.#generation;
  }

  /**
   * What the answers of this index are the same as: while it holds the seed's entries unchanged,
   * the seed list's shared entries, the same for every index seeded with that list (every
   * sandbox of the seed answers a query alike, at the same `generation`); once it changes, the
   * index itself. Answers rendered for one index can be kept under it for the others.
   */
  get answerScope(): object {
    return this.#publishedShared ? this.published : this;
  }

  get(id: string): CatalogEntry | undefined {
    return this.published.get(id);
  }

  /** Every published entry, in insertion order. */
  entries(): CatalogEntry[] {
    return [...this.published.values()];
  }

  /**
   * Publishes the seed's entries into an empty index. A frozen list of frozen entries (seed data,
   * shared by the sandboxes of a seed) is indexed once for all of them: the index adopts the shared
   * base at its first search or change, copying its maps and, on write, the posting sets it changes.
   * A fresh sandbox's first search took ~8 ms indexing 300 entries; adopting the base takes well
   * under one. Any other list is upserted entry by entry.
   */
  seed(entries: readonly CatalogEntry[]): void {
    const published = this.published.size === 0 && this.#pendingBase === undefined ? CatalogSearchIndex.#seedList(entries) : undefined;
    if (published === undefined) {
      for (const entry of entries) this.upsert(entry);
      return;
    }
    this.published = published;
    this.#publishedShared = true;
    this.#pendingBase = entries;
    this.#generation += 1;
  }

  /** The shared entries by id of a frozen list of frozen entries with distinct ids, made once; `undefined` for any other list. */
  static #seedList(entries: readonly CatalogEntry[]): ReadonlyMap<string, CatalogEntry> | undefined {
    let published = SEED_LISTS.get(entries);
    if (published === undefined && Object.isFrozen(entries) && entries.every((entry) => Object.isFrozen(entry))) {
      const byId = new Map(entries.map((entry) => [entry.id, entry]));
      if (byId.size === entries.length) SEED_LISTS.set(entries, (published = byId));
    }
    return published;
  }

  /** The index's own `published` map, copied from the seed list's before its first change. */
  #ownPublished(): Map<string, CatalogEntry> {
    if (this.#publishedShared) {
      this.published = new Map(this.published);
      this.#publishedShared = false;
    }
    return this.published as Map<string, CatalogEntry>;
  }

  /** The base of a frozen list of entries, built once: a scratch index indexes them, then gives its structures up. */
  static #baseOf(entries: readonly CatalogEntry[]): IndexBase {
    let base = BASES.get(entries);
    if (base === undefined) {
      const scratch = new CatalogSearchIndex(entries);
      scratch.indexPending();
      base = { docs: scratch.docs, postings: scratch.postings, facetPostings: scratch.facetPostings, facetNumbers: scratch.facetNumbers };
      for (const set of base.postings.values()) SHARED_SETS.add(set);
      for (const values of base.facetPostings.values()) for (const set of values.values()) SHARED_SETS.add(set);
      BASES.set(entries, base);
    }
    return base;
  }

  /**
   * Takes the pending seed base over, its maps read as they are (`#indexShared`). The base's facet
   * counts are shared too: a query counts in them and sets them back to zero before it returns.
   */
  #adoptBase(): void {
    const entries = this.#pendingBase;
    if (entries === undefined) return;
    this.#pendingBase = undefined;
    const base = CatalogSearchIndex.#baseOf(entries);
    // Typed as the index's own maps; `#ownIndex` copies them before anything writes to them.
    this.docs = base.docs as Map<string, Doc>;
    this.postings = base.postings as Map<string, Set<string>>;
    this.facetPostings = base.facetPostings as Map<FacetName, Map<string, Set<string>>>;
    this.facetNumbers = base.facetNumbers as FacetValueNumbers[];
    this.#indexShared = true;
  }

  /** Before a change of the documents or postings: copies of the adopted base's maps, its documents and posting sets still shared. */
  #ownIndex(): void {
    this.#adoptBase();
    if (!this.#indexShared) return;
    this.#indexShared = false;
    this.docs = new Map(this.docs);
    this.postings = new Map(this.postings);
    this.facetPostings = new Map([...this.facetPostings].map(([facet, values]) => [facet, new Map(values)]));
    this.facetNumbers = this.facetNumbers.map((numbers) => numbers.copy());
  }

  /** Adds an entry or replaces the entry with the same id (a new published version). */
  upsert(entry: CatalogEntry): void {
    this.remove(entry.id);
    this.#generation += 1;
    this.#ownPublished().set(entry.id, entry);
    this.unindexed.add(entry.id);
  }

  /** Removes an entry (withdrawn); unknown ids are ignored. */
  remove(id: string): void {
    if (!this.published.has(id)) return;
    this.#ownPublished().delete(id);
    this.#generation += 1;
    this.unindexed.delete(id);
    // A seeded entry has its document in the base (an index adopts it now if it had not searched yet).
    this.#adoptBase();
    const doc = this.docs.get(id);
    if (!doc) return;
    this.#ownIndex();
    this.docs.delete(id);
    for (const term of doc.terms.keys()) this.unpost(this.postings, term, id);
    FACET_NAMES.forEach((facet, i) => this.unpost(this.facetPostings.get(facet)!, (doc.facets[i] as readonly [string, string])[0], id));
  }

  /** Tokenises and posts the entries published since the last search. */
  private indexPending(): void {
    this.#adoptBase();
    if (this.unindexed.size === 0) return;
    this.#ownIndex();
    for (const id of this.unindexed) {
      const entry = this.published.get(id) as CatalogEntry;
      const facets = FACET_NAMES.map((facet) => facetValue(facet, entry));
      const doc: Doc = {
        entry,
        terms: documentTerms(entry),
        modifiedMs: Date.parse(entry.modifiedAt),
        name: entry.name.normalize('NFKC').toLowerCase(),
        facets,
        facetNumbers: Uint32Array.from(facets, ([value], i) => (this.facetNumbers[i] as FacetValueNumbers).numberOf(value)),
      };
      this.docs.set(id, doc);
      for (const term of doc.terms.keys()) this.postingSet(this.postings, term).add(id);
      FACET_NAMES.forEach((facet, i) => this.postingSet(this.facetPostings.get(facet)!, (doc.facets[i] as readonly [string, string])[0]).add(id));
    }
    this.unindexed.clear();
  }

  search(query: CatalogSearchQuery = {}): CatalogSearchResult {
    const limit = query.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CatalogSearchError('LIMIT_OUT_OF_RANGE');
    const q = (query.q ?? '').trim();
    const runs = splitRuns(q);
    // Something to search for with nothing the index holds (`😀`, `✅`, ` `) finds nothing, as
    // any other q without a match does: it used to filter nothing and answer the whole catalog.
    const unsearchable = query.q !== undefined && query.q !== '' && runs.length === 0;
    const sort = query.sort ?? (runs.length > 0 ? 'relevance' : 'modified');
    if (sort !== 'relevance' && sort !== 'modified') throw new CatalogSearchError('SORT_UNKNOWN');
    this.indexPending();
    const fp = fnv1a(JSON.stringify([runs.map((r) => r.text), sort, this.normalizedFilters(query.filters), ...(unsearchable ? ['unsearchable'] : [])]));
    const after = query.cursor === undefined ? undefined : decodeSearchCursor(query.cursor, fp);
    if (unsearchable) return { items: [], nextCursor: null, total: 0, facets: this.countFacets([]) };

    const prepared: PreparedQuery = {
      text: q.normalize('NFKC').toLowerCase(),
      runs: runs.map((run) => ({ text: run.text, terms: queryTerms(run), whole: wholeTerm(run) })),
    };
    const matched: Doc[] = [];
    for (const id of this.matchingIds(runs, query.filters)) matched.push(this.docs.get(id) as Doc);
    // Top-k selection: keep only the best `limit + 1` rows after the cursor, O(n log k), no full sort.
    const top: { doc: Doc; key: SortKey }[] = [];
    let remaining = 0;
    for (const doc of matched) {
      const key: SortKey = [sort === 'relevance' ? this.score(doc, prepared) : doc.modifiedMs, doc.modifiedMs, doc.entry.id];
      if (after && compareDesc(after, key) >= 0) continue;
      remaining += 1;
      if (top.length > limit && compareDesc(key, (top[top.length - 1] as { key: SortKey }).key) >= 0) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareDesc((top[mid] as { key: SortKey }).key, key) < 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, { doc, key });
      if (top.length > limit + 1) top.pop();
    }
    const page = top.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((k) => k.doc.entry),
      nextCursor: remaining > limit && last ? encodeSearchCursor(fp, last.key) : null,
      total: matched.length,
      facets: this.countFacets(matched),
    };
  }

  private matchingIds(runs: ReturnType<typeof splitRuns>, filters: CatalogSearchQuery['filters']): Set<string> {
    const sets: Set<string>[] = [];
    for (const run of runs) for (const term of queryTerms(run)) sets.push(this.postings.get(term) ?? new Set());
    for (const facet of FACET_NAMES) {
      const values = filters?.[facet];
      if (!values || values.length === 0) continue;
      const union = new Set<string>();
      for (const value of values) for (const id of this.facetPostings.get(facet)?.get(value) ?? []) union.add(id);
      sets.push(union);
    }
    if (sets.length === 0) return new Set(this.docs.keys());
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets as [Set<string>, ...Set<string>[]];
    const result = new Set<string>();
    for (const id of smallest) if (rest.every((s) => s.has(id))) result.add(id);
    return result;
  }

  /**
   * Sum of the (saturated) weights of the query terms, plus bonuses for a whole-word match and for
   * the query in the name (more when it covers more of the name, so 人口基础信息 beats its variants); integer.
   */
  private score(doc: Doc, query: PreparedQuery): number {
    let score = 0;
    for (const run of query.runs) {
      for (const term of run.terms) {
        const w = doc.terms.get(term) ?? 0;
        score += (w * 2.2) / (w + 1.2);
      }
      if (doc.terms.has(run.whole)) score += 2;
      if (doc.name.includes(run.text)) score += 3 + (3 * run.text.length) / doc.name.length;
      if (doc.name.startsWith(run.text)) score += 1;
    }
    if (doc.name === query.text) score += 5;
    return Math.round(score * 1000);
  }

  /**
   * Facet counts over the matched entries: per facet, counts by value number in the facet's reused
   * array, a bucket made when a value is first seen (its label is that entry's), then the buckets
   * sorted by count, then value. The same buckets as a `Map` per facet per query, at a fraction of
   * the cost (facet counting was ~10 % of a search, bench/HISTORY.md).
   */
  private countFacets(docs: Doc[]): Record<FacetName, FacetBucket[]> {
    const result = {} as Record<FacetName, FacetBucket[]>;
    for (const [i, facet] of FACET_NAMES.entries()) {
      const { counts } = this.facetNumbers[i] as FacetValueNumbers;
      const buckets: FacetBucket[] = [];
      const numbers: number[] = [];
      for (const doc of docs) {
        const n = doc.facetNumbers[i] as number;
        if (counts[n] === 0) {
          const [value, label] = doc.facets[i] as readonly [string, string];
          buckets.push({ value, label, count: 0 });
          numbers.push(n);
        }
        counts[n] = (counts[n] as number) + 1;
      }
      buckets.forEach((bucket, b) => {
        const n = numbers[b] as number;
        bucket.count = counts[n] as number;
        counts[n] = 0;
      });
      result[facet] = buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    }
    return result;
  }

  private normalizedFilters(filters: CatalogSearchQuery['filters']): [string, string[]][] {
    return FACET_NAMES.filter((f) => (filters?.[f]?.length ?? 0) > 0).map((f) => [f, [...(filters?.[f] ?? [])].sort()]);
  }

  /** The index's own posting set of `key` (a new one, or a copy of a base's), to add an id to. */
  private postingSet(map: Map<string, Set<string>>, key: string): Set<string> {
    let set = map.get(key);
    if (!set || SHARED_SETS.has(set)) map.set(key, (set = new Set(set)));
    return set;
  }

  private unpost(map: Map<string, Set<string>>, key: string, id: string): void {
    const shared = map.get(key);
    if (!shared?.has(id)) return;
    const set = SHARED_SETS.has(shared) ? new Set(shared) : shared;
    set.delete(id);
    if (set.size === 0) map.delete(key);
    else if (set !== shared) map.set(key, set);
  }
}
