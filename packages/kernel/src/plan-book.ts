import type { TimerEntry } from './timer-heap.js';

/** Entries the list holds before it is first compacted. */
const FIRST_COMPACTION = 64;

/**
 * The clock entries of an engine's planned dispatches that are not fired or cancelled (each
 * entry's `owner` is its plan), in the order they were planned. A clock advance plans and fires a
 * dispatch per decision (20,000 a year of 10,000 applications), and a map by id set and deleted
 * each of them (its growth and shrinking ~46 B a transition, and a string hash per plan) for
 * look-ups by id that only `cancelPlan` and clocks handing out copies of entries make.
 *
 * The entries are kept in a list instead: a dropped one is only marked (`owner` null) and the
 * list is compacted when an addition finds it at its limit, twice what it held live after the
 * last compaction (so amortized O(1) per plan, and at most about twice the live plans are held).
 * The check is in `add`, which runs from a host's first creation on: both its branches have run
 * long before the code planning and firing dispatches is optimized, so neither is a
 * deoptimization in a clock advance (a check in `drop` first compacted mid-advance and was one).
 * The index by id is built on the first look-up by id and kept from then on.
 */
export class PlanBook {
  /** In the order planned; dropped entries (`owner` null) stay until `compact`. */
  private entries: TimerEntry[] = [];
  /** The length at which `add` compacts first. */
  private limit = FIRST_COMPACTION;
  /** The live entries by id, once first asked for (`get`). */
  private byId: Map<string, TimerEntry> | null = null;

  /** Keeps a new live entry (its `owner` set to its plan). */
  add(id: string, entry: TimerEntry): void {
    if (this.entries.length >= this.limit) this.compact();
    this.entries.push(entry);
    this.byId?.set(id, entry);
  }

  /** Drops a live entry (its plan fired or cancelled): its `owner` is nulled, so a clock sees it dead. */
  drop(id: string, entry: TimerEntry): void {
    entry.owner = null;
    this.byId?.delete(id);
  }

  /** The live entry of the plan `id`, if any. */
  get(id: string): TimerEntry | undefined {
    if (this.byId === null) {
      this.byId = new Map();
      for (const entry of this.entries) if (entry.owner !== null) this.byId.set(entry.id, entry);
    }
    return this.byId.get(id);
  }

  /** The live entries' owners (the plans), in the order planned. */
  owners(): unknown[] {
    const out: unknown[] = [];
    for (const entry of this.entries) if (entry.owner !== null) out.push(entry.owner);
    return out;
  }

  clear(): void {
    this.entries = [];
    this.limit = FIRST_COMPACTION;
    this.byId = null;
  }

  private compact(): void {
    const live = this.entries.filter((entry) => entry.owner !== null);
    this.entries = live;
    this.limit = Math.max(FIRST_COMPACTION, 2 * live.length);
  }
}
