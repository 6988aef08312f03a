import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from './journal-entry.js';
import { syncFile } from './manifest.js';
import { DataDirDamagedError, type Store } from './store.js';

// The files of data directories written before the SQLite store (gdx-mock 0.1).
const LEGACY_JOURNAL = 'journal.ndjson';
const LEGACY_SNAPSHOT = 'snapshot.json';

/**
 * Moves a data directory of the old file format into an empty store, once: the snapshot and the
 * journal lines after it are written to the store, then the old files are renamed `*.imported`.
 * Only a torn last line (a crash in the middle of a write: never acknowledged) is left out; any
 * other unreadable line stops the import with `DataDirDamagedError`, changing nothing.
 *
 * @example
 * ```ts
 * const store = openSqliteStore('.gdx-data');
 * importLegacyFiles('.gdx-data', store); // true when old files were found and moved in
 * ```
 */
export function importLegacyFiles(dir: string, store: Store): boolean {
  const journalPath = join(dir, LEGACY_JOURNAL);
  const snapshotPath = join(dir, LEGACY_SNAPSHOT);
  if (store.lastSeq > 0 || (!existsSync(journalPath) && !existsSync(snapshotPath))) return false;

  let snapshot: { lastSeq: number; state: unknown } | undefined;
  if (existsSync(snapshotPath)) {
    try {
      snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { lastSeq: number; state: unknown };
    } catch (error) {
      throw new DataDirDamagedError({ file: snapshotPath, position: 'the whole file', problem: `not valid JSON (${(error as Error).message})` }, dir);
    }
    if (!Number.isSafeInteger(snapshot.lastSeq) || typeof snapshot.state !== 'object' || snapshot.state === null) {
      throw new DataDirDamagedError({ file: snapshotPath, position: 'the whole file', problem: 'not a gdx snapshot (lastSeq and state expected)' }, dir);
    }
  }
  const entries = existsSync(journalPath) ? readLegacyJournal(journalPath, dir, snapshot?.lastSeq ?? 0) : [];
  if (snapshot) store.writeSnapshot(snapshot.lastSeq, snapshotParts(snapshot.state as { sandboxes?: unknown[] }));
  store.append(entries);
  for (const path of [journalPath, snapshotPath]) if (existsSync(path)) renameSync(path, `${path}.imported`);
  syncFile(dir);
  return true;
}

/** The old single-document snapshot as the store's parts: the registry's own fields, then each sandbox. */
function snapshotParts({ sandboxes = [], ...registry }: { sandboxes?: unknown[] }): string[] {
  return [JSON.stringify(registry), ...sandboxes.map((sandbox) => JSON.stringify(sandbox))];
}

function readLegacyJournal(path: string, dir: string, after: number): JournalEntry[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const entries: JournalEntry[] = [];
  let expected = after + 1;
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      // The last line may be torn by a crash mid-write; it was never acknowledged.
      if (index === lines.length - 1) break;
      throw new DataDirDamagedError({ file: path, position: `line ${index + 1}`, problem: 'not valid JSON', droppedEntries: lines.length - index - 1 }, dir);
    }
    if (entry.seq <= after) continue;
    if (entry.seq !== expected) throw new DataDirDamagedError({ file: path, position: `line ${index + 1}`, problem: `entry ${expected} expected, found ${entry.seq}` }, dir);
    entries.push(entry);
    expected += 1;
  }
  return entries;
}
