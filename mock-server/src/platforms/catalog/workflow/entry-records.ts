import type { EntryRecord } from './records.js';

const NONE: ReadonlyMap<string, EntryRecord> = new Map();

/**
 * A sandbox's catalog entry records by id: the seed's records (`seed`, one map the sandboxes of a
 * seed share, never changed) under the sandbox's own — the entries it created or imported, and
 * its copies of seeded ones it changed (`CatalogWorkflow.#ownRecord`). It reads, and lists, as
 * one `Map` in which the seed's records were set first: a sandbox no longer fills a map of 300
 * records it mostly never reads.
 *
 * @example
 * ```ts
 * const records = new EntryRecords();
 * records.seed(seededRecords);      // shared
 * records.set(id, own);             // this sandbox's own, in place of a seeded one or new
 * [...records.values()];            // seeded first (own copies in their place), then new ones
 * ```
 */
export class EntryRecords {
  #seeded = NONE;
  readonly #own = new Map<string, EntryRecord>();

  /** Takes the seed's records under a collection that holds none yet. */
  seed(records: ReadonlyMap<string, EntryRecord>): void {
    if (this.#seeded.size > 0 || this.#own.size > 0) throw new Error('seed records go into empty entry records');
    this.#seeded = records;
  }

  get(id: string): EntryRecord | undefined {
    return this.#own.get(id) ?? this.#seeded.get(id);
  }

  has(id: string): boolean {
    return this.#own.has(id) || this.#seeded.has(id);
  }

  set(id: string, record: EntryRecord): this {
    this.#own.set(id, record);
    return this;
  }

  /** Every record, in the order a `Map` set with the seeded ones first would list them. */
  *values(): IterableIterator<EntryRecord> {
    const seeded = this.#seeded;
    for (const [id, record] of seeded) yield this.#own.get(id) ?? record;
    for (const [id, record] of this.#own) if (!seeded.has(id)) yield record;
  }
}
