import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { entryChecksum } from './checksums.js';
import type { JournalEntry } from './journal-entry.js';
import { syncFile } from './manifest.js';
import { openSqliteStore, readSnapshotParts, SNAPSHOTS_FILE, STORE_FILE } from './sqlite-store.js';

/** What a repair kept and dropped. */
export interface RepairReport {
  /** The store that was read. */
  file: string;
  /** The snapshot the repaired store starts from (entry number), if an intact one was found. */
  snapshotSeq?: number;
  /** Journal entries kept after that snapshot. */
  keptEntries: number;
  /** Acknowledged entries that could not be kept (damaged, or after a damaged one). */
  droppedEntries: number;
  /** The first damage found, in the store's terms; absent when the store was intact. */
  firstDamage?: string;
  /** Where the damaged journal file was moved (absent on a dry run or when nothing was damaged); the snapshots file goes beside it with the same suffix. */
  damagedCopy?: string;
}

interface Recovered {
  snapshot?: { seq: number; parts: unknown[] };
  entries: JournalEntry[];
  lastSeq: number;
  firstDamage?: string;
}

/**
 * Keeps what is intact in a damaged data directory, once its operator asks (`gdx-mock repair`):
 * the newest snapshot whose checksum holds, then the unbroken run of intact journal entries after
 * it. The result is written to a new store, which replaces the old one only once complete; the old
 * file is kept beside it as `store.sqlite.damaged-<time>`. A dry run reports and changes nothing.
 *
 * @example
 * ```ts
 * const report = repairDataDir('.gdx-data', { dryRun: true });
 * console.log(report.droppedEntries, report.firstDamage);
 * ```
 */
export function repairDataDir(dir: string, options: { dryRun?: boolean; now?: () => number } = {}): RepairReport {
  const file = join(dir, STORE_FILE);
  if (!existsSync(file)) throw new Error(`[DATA_DIR_EMPTY] 数据目录中没有存储文件 / no store to repair: ${file} does not exist`);
  const recovered = recover(file, join(dir, SNAPSHOTS_FILE));
  const keptTo = recovered.entries.at(-1)?.seq ?? recovered.snapshot?.seq ?? 0;
  const report: RepairReport = {
    file,
    ...(recovered.snapshot ? { snapshotSeq: recovered.snapshot.seq } : {}),
    keptEntries: recovered.entries.length,
    droppedEntries: Math.max(0, recovered.lastSeq - keptTo),
    ...(recovered.firstDamage ? { firstDamage: recovered.firstDamage } : {}),
  };
  if (options.dryRun || recovered.firstDamage === undefined) return report;

  // Built aside, then swapped in: a repair interrupted half-way leaves the damaged store as it was.
  const work = mkdtempSync(join(dir, '.repair-'));
  try {
    const fresh = openSqliteStore(work);
    if (recovered.snapshot) fresh.writeSnapshot(recovered.snapshot.seq, recovered.snapshot.parts.map((part) => JSON.stringify(part)));
    fresh.append(recovered.entries);
    fresh.close();
    const suffix = `.damaged-${new Date(options.now?.() ?? Date.now()).toISOString().replaceAll(':', '')}`;
    for (const name of [SNAPSHOTS_FILE, STORE_FILE]) {
      if (existsSync(join(dir, name))) renameSync(join(dir, name), `${join(dir, name)}${suffix}`);
      renameSync(join(work, name), join(dir, name));
    }
    syncFile(dir);
    return { ...report, damagedCopy: `${file}${suffix}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Reads whatever can be read, stopping each table at its first damage. */
function recover(file: string, snapshotsFile: string): Recovered {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`[DATA_DIR_UNREADABLE] 存储文件无法打开，无法修复 / ${file} cannot be opened as a database, nothing can be recovered from it: ${(error as Error).message}`);
  }
  // Unreadable snapshots are no snapshots: the journal alone may still hold everything.
  const snapshots = tryRead(() => new Database(snapshotsFile, { readonly: true, fileMustExist: true }));
  try {
    const lastSeq = Number(tryRead(() => (db.prepare("SELECT value FROM meta WHERE key = 'lastSeq'").get() as { value: string } | undefined)?.value) ?? 0);
    let firstDamage: string | undefined;
    const damage = (what: string): void => {
      firstDamage ??= what;
    };
    let snapshot: Recovered['snapshot'];
    const seqs = tryRead(() => (snapshots!.prepare('SELECT seq FROM snapshots ORDER BY seq DESC').all() as { seq: number }[]).map((r) => r.seq)) ?? [];
    for (const seq of seqs) {
      const read = tryRead(() => readSnapshotParts(snapshots!, seq));
      if (read?.ok) {
        snapshot = { seq, parts: read.parts };
        break;
      }
      damage(`snapshot after entry ${seq}`);
    }
    const entries: JournalEntry[] = [];
    let expected = (snapshot?.seq ?? 0) + 1;
    try {
      for (const r of db.prepare('SELECT seq, entry, crc FROM journal WHERE seq > ? ORDER BY seq').iterate(snapshot?.seq ?? 0) as IterableIterator<{ seq: number; entry: string; crc: number }>) {
        const entry = r.seq === expected && entryChecksum(r.entry) === r.crc ? parsed(r.entry) : undefined;
        if (entry?.seq !== r.seq) {
          damage(`journal entry ${expected}`);
          break;
        }
        entries.push(entry);
        expected += 1;
      }
    } catch (error) {
      damage(`journal entry ${expected} (SQLite: ${(error as Error).message})`);
    }
    const highest = Math.max(lastSeq, expected - 1, seqs[0] ?? 0);
    if (firstDamage === undefined && expected - 1 < highest) damage(`journal entry ${expected}`);
    return { ...(snapshot ? { snapshot } : {}), entries, lastSeq: highest, ...(firstDamage ? { firstDamage } : {}) };
  } finally {
    db.close();
    snapshots?.close();
  }
}

function tryRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function parsed(json: string): JournalEntry | undefined {
  try {
    return JSON.parse(json) as JournalEntry;
  } catch {
    return undefined;
  }
}
