import type { WorkflowEngine, WorkflowInstance } from '@gdx/kernel';
import { ListIndex } from '../../app/list-index.js';
import type { SortKey, SortedRows } from '../../app/sorted-rows.js';

/**
 * Where a workflow object appears in one of its platform's lists (`HostBinding.listings`).
 *
 * @example
 * ```ts
 * const listing: Listing = { list: 'request', owner: record.owner, state: instance.state, key: newestFirst(instance) };
 * ```
 */
export interface Listing {
  /** The list's name within the platform (e.g. `request`, `grant`, `notice`). */
  list: string;
  /** Whose list it is; `null` for a public list. */
  owner: string | null;
  /** Further organisations whose list of the same name holds the item too (e.g. the other registrants of a joint application); may be empty. */
  alsoOwners?: readonly string[];
  /** The value of the list's `?state=` (or `?status=`) filter the item answers to, when the list has one. */
  state?: string;
  /** The list's sort key of the item (the same key the cursor holds). */
  key: SortKey;
  /** The listed item's id when it is not the instance's (e.g. the grant of a request). */
  id?: string;
}

const SEP = '\u0000';

/**
 * A workflow host's list indices. Every event marks its instance as changed; the indices catch
 * up with the changed instances when a list is read, so each item is placed once per change
 * whatever records the platform updates around the event, and the binding reads the settled
 * state. A host restored from a snapshot starts with every instance marked (nothing is saved).
 *
 * @example
 * ```ts
 * const index = new HostListIndex(engine, (i) => [{ list: 'request', owner: ownerOf(i), state: i.state, key: [-Date.parse(i.createdAt), i.id] }]);
 * index.touch('shr_1');
 * index.bucket('request', 'org_1', 'under_review')?.size; // 1
 * ```
 */
export class HostListIndex {
  readonly #engine: WorkflowEngine;
  readonly #listings: (instance: WorkflowInstance) => readonly Listing[];
  readonly #lists = new Map<string, ListIndex>();
  /** The items each instance placed, by list (to move or drop them when it changes). */
  readonly #placed = new Map<string, readonly (readonly [string, string])[]>();
  readonly #dirty = new Set<string>();
  /**
   * Every instance is marked (nothing placed since the index was made or reindexed): a touch
   * changes nothing and `#dirty` is not filled — the next read places every instance of the
   * engine. A clock advance that no list read comes between (the bench's year, a console not
   * polling lists) marked each created instance in a set of all of them for nothing.
   */
  #all = true;
  /** Instances known (placed or marked): the engine never drops one, so a count kept as they appear. */
  #size = 0;

  constructor(engine: WorkflowEngine, listings: (instance: WorkflowInstance) => readonly Listing[]) {
    this.#engine = engine;
    this.#listings = listings;
  }

  /**
   * Marks an instance as changed: an event recorded, or `created` (its first event, told once
   * per instance) — an id the index may not know yet, which it then counts.
   */
  touch(id: string, created = false): void {
    if (this.#all) {
      if (created) this.#size += 1;
      return;
    }
    // Every instance known is marked already (as through a clock advance, which reads no list):
    // nothing to look up for one known. A lookup per event in a set of every instance was the
    // largest cost of the host in a year's advance.
    if (!created && this.#dirty.size === this.#size) return;
    if (this.#dirty.has(id)) return;
    if (!this.#placed.has(id)) this.#size += 1;
    this.#dirty.add(id);
  }

  /** Forgets every placement and marks every instance of the engine (after `engine.restore`). */
  reindex(): void {
    this.#lists.clear();
    this.#placed.clear();
    this.#dirty.clear();
    this.#all = true;
    this.#size = this.#engine.size;
  }

  /** How many instances the host holds (placed or waiting to be), in O(1): read before every creating write. */
  get size(): number {
    return this.#size;
  }

  /** The ids of a list (an owner's, optionally in one state), in key order; `undefined` when it is empty. */
  bucket(list: string, owner: string | null, state?: string): SortedRows<string> | undefined {
    this.#flush();
    return this.#lists.get(list)?.bucket(bucketName(owner, state));
  }

  #flush(): void {
    if (this.#all) {
      // Nothing is placed yet: every instance of the engine, once.
      this.#all = false;
      for (const instance of this.#engine.list()) this.#place(instance.id);
      return;
    }
    if (this.#dirty.size === 0) return;
    for (const id of this.#dirty) this.#place(id);
    this.#dirty.clear();
  }

  #place(id: string): void {
    const instance = this.#engine.has(id) ? this.#engine.get(id) : undefined;
    const listings = instance ? this.#listings(instance) : [];
    const now: (readonly [string, string])[] = [];
    for (const listing of listings) {
      let index = this.#lists.get(listing.list);
      if (!index) this.#lists.set(listing.list, (index = new ListIndex()));
      const itemId = listing.id ?? id;
      const buckets: string[] = [];
      for (const owner of listing.alsoOwners?.length ? [listing.owner, ...listing.alsoOwners] : [listing.owner]) {
        buckets.push(bucketName(owner));
        if (listing.state !== undefined) buckets.push(bucketName(owner, listing.state));
      }
      index.place(itemId, { key: listing.key, buckets });
      now.push([listing.list, itemId]);
    }
    for (const [list, itemId] of this.#placed.get(id) ?? []) {
      if (!now.some(([l, i]) => l === list && i === itemId)) this.#lists.get(list)?.place(itemId, undefined);
    }
    // Every instance counts towards `size`, listed or not.
    this.#placed.set(id, now);
  }
}

function bucketName(owner: string | null, state?: string): string {
  return state === undefined ? (owner ?? '') : `${owner ?? ''}${SEP}${state}`;
}
