import type { Store } from '../../src/persistence/store.js';

type StoreMethods = Omit<Store, 'location' | 'lastSeq' | 'entriesSinceSnapshot' | 'refused'>;

/**
 * A store that answers as `store` does except for the methods in `overrides`: how the test
 * stores inject a fault or hold a snapshot back through the storage interface. The getters read
 * the real store at every call (its `lastSeq` moves as entries are appended).
 */
export function delegatingStore(store: Store, overrides: Partial<StoreMethods>): Store {
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
    get refused() {
      return store.refused;
    },
    load: () => store.load(),
    append: (entries) => store.append(entries),
    writeSnapshot: (seq, parts) => store.writeSnapshot(seq, parts),
    snapshotWritten: (seq) => store.snapshotWritten(seq),
    prune: (limit) => store.prune(limit),
    probe: () => store.probe(),
    probeSnapshots: () => store.probeSnapshots?.(),
    keepRefused: (refusals) => store.keepRefused(refusals),
    close: () => store.close(),
    ...overrides,
  };
}
