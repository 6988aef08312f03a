import { Journal, loadPersisted, type PersistedState } from './journal.js';

// The Node leaf of `#data-dir` (see package.json "imports"): the journal and snapshot on disk.

/** A data directory opened at start: what it held, and the journal that goes on from there. */
export interface OpenedDataDir<S> {
  persisted: PersistedState<S>;
  journal: Journal<S>;
}

/**
 * Reads a data directory (creating it if needed) and opens its journal after the last entry
 * found; `snapshot` is called when the journal compacts.
 */
export function openDataDir<S>(dir: string, options: { compactEvery: number; snapshot: () => S }): OpenedDataDir<S> {
  const persisted = loadPersisted<S>(dir);
  const lastSeq = Math.max(persisted.snapshot?.lastSeq ?? 0, persisted.entries.at(-1)?.seq ?? 0);
  return { persisted, journal: new Journal<S>(dir, lastSeq, options) };
}
