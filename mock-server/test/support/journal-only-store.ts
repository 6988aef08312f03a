import type { Store } from '../../src/persistence/store.js';

/**
 * A real store that keeps the first snapshot (the initial state) and no later one, so the next
 * start rebuilds everything from journal entries, as after a crash: `close()` writes a last
 * snapshot, which would otherwise hide what a replay makes.
 */
export function journalOnlyStore(store: Store): Store {
  return {
    get location() {
      return store.location;
    },
    get lastSeq() {
      return store.lastSeq;
    },
    get entriesSinceSnapshot() {
      return store.entriesSinceSnapshot;
    },
    load: () => store.load(),
    append: (entries) => store.append(entries),
    writeSnapshot: (seq, parts) => (seq === 0 ? store.writeSnapshot(seq, parts) : undefined),
    snapshotWritten: () => undefined,
    prune: () => 0,
    probe: () => store.probe(),
    get refused() {
      return store.refused;
    },
    keepRefused: (refusals) => store.keepRefused(refusals),
    close: () => store.close(),
  };
}
