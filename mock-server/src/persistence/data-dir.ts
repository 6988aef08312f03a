import { importLegacyFiles } from './legacy-import.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

// The Node leaf of `#data-dir` (see package.json "imports"): the data directory's SQLite store.

/**
 * Opens the store of a data directory (creating both if needed), first moving in the files of the
 * old format (`journal.ndjson`, `snapshot.json`) if the directory has them. Throws
 * `DataDirDamagedError` when the directory once held a store that is now missing or not a database;
 * `warn` hears of what the start put right (a manifest written anew).
 *
 * @example
 * ```ts
 * const store = openDataDir('.gdx-data');
 * ```
 */
export function openDataDir(dir: string, warn?: (message: string) => void): Store {
  const store = openSqliteStore(dir, warn);
  try {
    importLegacyFiles(dir, store);
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

export { backgroundCompactor } from './background-compaction.js';
