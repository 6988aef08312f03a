import type { JournalEntry } from '../../src/persistence/journal-entry.js';
import { RefusedEntriesUnavailableError, type RefusedEntry } from '../../src/persistence/refused-entry.js';
import { StorageUnavailableError, type Store } from '../../src/persistence/store.js';
import { delegatingStore } from './delegating-store.js';

/**
 * A real store whose writes fail while `control.failing` is set, as on a full disk, and whose
 * refused entries cannot be kept while `control.refusedFailing` is: the failure is injected through
 * the storage interface, so the test needs no real full disk.
 */
export function failingStore(store: Store): { store: Store; control: { failing: boolean; refusedFailing: boolean } } {
  const control = { failing: false, refusedFailing: false };
  const refuse = (): never => {
    throw new StorageUnavailableError(store.location, new Error('ENOSPC: no space left on device'));
  };
  const wrapped = delegatingStore(store, {
    append: (entries: readonly JournalEntry[]) => (control.failing ? refuse() : store.append(entries)),
    writeSnapshot: (seq: number, parts: readonly string[]) => (control.failing ? refuse() : store.writeSnapshot(seq, parts)),
    prune: (limit: number) => (control.failing ? refuse() : store.prune(limit)),
    probe: () => (control.failing ? refuse() : store.probe()),
    keepRefused: (refusals: readonly RefusedEntry[]) => {
      if (!control.refusedFailing) return store.keepRefused(refusals);
      throw new RefusedEntriesUnavailableError(store.refused.location, refusals.map((r) => r.seq), new Error('ENOSPC: no space left on device, write'));
    },
  });
  return { store: wrapped, control };
}
