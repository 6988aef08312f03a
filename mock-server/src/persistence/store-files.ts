// The names of a data directory's store files, apart from the SQLite code that opens them: the
// CLI asks whether a directory holds a store before it loads that code (or better-sqlite3).

/** The journal's file inside a data directory. */
export const STORE_FILE = 'store.sqlite';
/**
 * The snapshots' file: apart from the journal, so a snapshot written in the background (by the
 * compaction worker) never holds a lock that a journal commit would wait for.
 */
export const SNAPSHOTS_FILE = 'snapshots.sqlite';
