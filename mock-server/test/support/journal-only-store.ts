import type { Store } from '../../src/persistence/store.js';
import { delegatingStore } from './delegating-store.js';

/**
 * A real store that keeps the first snapshot (the initial state) and no later one, so the next
 * start rebuilds everything from journal entries, as after a crash: `close()` writes a last
 * snapshot, which would otherwise hide what a replay makes.
 */
export function journalOnlyStore(store: Store): Store {
  return delegatingStore(store, {
    writeSnapshot: (seq, parts) => (seq === 0 ? store.writeSnapshot(seq, parts) : undefined),
    snapshotWritten: () => undefined,
    prune: () => 0,
  });
}
