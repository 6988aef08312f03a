import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { entryChecksum } from './checksums.js';
import { lockDataDir } from './dir-lock.js';
import type { JournalEntry } from './journal-entry.js';
import { readManifest, syncFile, writeManifest } from './manifest.js';
import { fileState, openSqliteStore, readSnapshotParts, tryRead, type FileState } from './sqlite-store.js';
import { SNAPSHOTS_FILE, STORE_FILE } from './store-files.js';
import { openSqlite } from './sqlite.js';

/** What a repair kept and dropped. */
export interface RepairReport {
  /** The file the first damage is in (the journal's file when the directory is intact). */
  file: string;
  /** The snapshot the repaired store starts from (entry number), if an intact one was found. */
  snapshotSeq?: number;
  /** Journal entries kept after that snapshot. */
  keptEntries: number;
  /** Acknowledged entries that could not be kept (damaged, or after a damaged one); absent when that cannot be told (the journal's file is missing, or ends before its snapshots). */
  droppedEntries?: number;
  /** The first damage found, in the file's own terms; absent when the directory was intact. */
  firstDamage?: string;
  /** Where the damaged file was moved (absent on a dry run, when nothing was damaged, or when the damaged file is missing). */
  damagedCopy?: string;
  /** Where the other file the repair replaced was moved. */
  otherCopy?: string;
}

interface Recovered {
  snapshot?: { seq: number; parts: unknown[] };
  entries: JournalEntry[];
  /** The highest entry ever acknowledged, as far as the files tell; absent when they cannot. */
  lastSeq?: number;
  firstDamage?: { file: string; at: string };
}

/** A store file that is not there, or holds none of its tables, in the terms of `RepairReport.firstDamage`. */
function wholeFile(state: FileState): string {
  return state.kind === 'emptied' ? `the whole file (emptied: ${state.bytes} bytes)` : 'the whole file (missing)';
}

/**
 * Keeps what is intact in a damaged data directory, once its operator asks (`gdx-mock repair`):
 * the newest snapshot whose checksum holds, then the unbroken run of intact journal entries after
 * it. With `store.sqlite` missing, the repaired journal starts empty after that snapshot (its
 * entries are numbered after it); with `snapshots.sqlite` missing, the journal is kept from entry 1
 * as far as it is unbroken. The result is written to a new store, which replaces the old one only
 * once complete; the files it replaces are kept beside it as `<file>.damaged-<time>`. A dry run
 * reports and changes nothing. The directory is locked meanwhile: while a server (or another
 * repair) holds it, this throws `DataDirInUseError` and reads nothing. A `dir` that does not exist
 * (`DATA_DIR_NOT_FOUND`), is not a directory (`DATA_DIR_NOT_DIRECTORY`) or holds neither store
 * file (`DATA_DIR_EMPTY`) throws before anything is locked.
 *
 * @example
 * ```ts
 * const report = repairDataDir('.gdx-data', { dryRun: true });
 * console.log(report.droppedEntries, report.firstDamage);
 * ```
 */
export function repairDataDir(dir: string, options: { dryRun?: boolean; now?: () => number } = {}): RepairReport {
  // A mistyped path is told as such, not as a directory without a store.
  const kind = statSync(dir, { throwIfNoEntry: false });
  if (kind === undefined) throw new Error(`[DATA_DIR_NOT_FOUND] 数据目录不存在 / no data directory to repair: ${dir} does not exist`);
  if (!kind.isDirectory()) throw new Error(`[DATA_DIR_NOT_DIRECTORY] 数据目录路径不是目录 / no data directory to repair: ${dir} is not a directory`);
  if (!existsSync(join(dir, STORE_FILE)) && !existsSync(join(dir, SNAPSHOTS_FILE))) {
    throw new Error(`[DATA_DIR_EMPTY] 数据目录中没有存储文件 / no store to repair: ${dir} holds neither ${STORE_FILE} nor ${SNAPSHOTS_FILE}`);
  }
  // Held until the repair is done: a server still running on the directory would go on writing into the files it replaces.
  const lock = lockDataDir(dir);
  try {
    // A directory a newer gdx-mock wrote is refused (throws) before anything is read or rebuilt in this version's format.
    readManifest(dir);
    return repairLocked(dir, options);
  } finally {
    lock.release();
  }
}

function repairLocked(dir: string, options: { dryRun?: boolean; now?: () => number }): RepairReport {
  const recovered = recover(dir);
  const keptTo = recovered.entries.at(-1)?.seq ?? recovered.snapshot?.seq ?? 0;
  const report: RepairReport = {
    file: recovered.firstDamage?.file ?? join(dir, STORE_FILE),
    ...(recovered.snapshot ? { snapshotSeq: recovered.snapshot.seq } : {}),
    keptEntries: recovered.entries.length,
    ...(recovered.lastSeq !== undefined ? { droppedEntries: Math.max(0, recovered.lastSeq - keptTo) } : {}),
    ...(recovered.firstDamage ? { firstDamage: recovered.firstDamage.at } : {}),
  };
  if (options.dryRun || recovered.firstDamage === undefined) return report;
  const suffix = `.damaged-${new Date(options.now?.() ?? Date.now()).toISOString().replaceAll(':', '')}`;
  const copies = rebuild(dir, recovered, suffix);
  const damagedCopy = copies.find((copy) => copy === `${report.file}${suffix}`);
  const otherCopy = copies.find((copy) => copy !== damagedCopy);
  return { ...report, ...(damagedCopy ? { damagedCopy } : {}), ...(otherCopy ? { otherCopy } : {}) };
}

/**
 * Writes what was recovered to a new store beside the directory's files, then swaps it in, moving
 * the files it replaces aside with `suffix`; answers where they went. Built aside, then swapped
 * in: a repair interrupted half-way leaves the damaged store as it was.
 */
function rebuild(dir: string, recovered: Recovered, suffix: string): string[] {
  const work = mkdtempSync(join(dir, '.repair-'));
  try {
    const fresh = openSqliteStore(work);
    // A snapshot ahead of the empty journal moves its numbering on: new entries follow the snapshot.
    if (recovered.snapshot) fresh.writeSnapshot(recovered.snapshot.seq, recovered.snapshot.parts.map((part) => JSON.stringify(part)));
    fresh.append(recovered.entries);
    fresh.close();
    const copies: string[] = [];
    for (const name of [SNAPSHOTS_FILE, STORE_FILE]) {
      const path = join(dir, name);
      if (existsSync(path)) {
        renameSync(path, `${path}${suffix}`);
        copies.push(`${path}${suffix}`);
      }
      renameSync(join(work, name), path);
    }
    // A directory whose manifest went with its store gets one again: it holds a store now.
    if (readManifest(dir).kind !== 'present') writeManifest(dir, STORE_FILE);
    syncFile(dir);
    return copies;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Reads whatever can be read, stopping each file at its first damage; a missing file is damage too. */
function recover(dir: string): Recovered {
  let firstDamage: Recovered['firstDamage'];
  const damage = (file: string, at: string): void => {
    firstDamage ??= { file, at };
  };
  const snapshotsFile = join(dir, SNAPSHOTS_FILE);
  const snapshots = fileState(snapshotsFile, 'snapshots');
  const { snapshot, newest } = snapshots.kind === 'present' ? newestIntactSnapshot(snapshotsFile, damage) : (damage(snapshotsFile, wholeFile(snapshots)), { newest: 0 });
  const file = join(dir, STORE_FILE);
  const journalFile = fileState(file, 'journal');
  if (journalFile.kind !== 'present') {
    // How many entries the missing (or emptied) journal held went with it.
    damage(file, wholeFile(journalFile));
    return { ...(snapshot ? { snapshot } : {}), entries: [], firstDamage };
  }
  const journal = intactEntries(file, snapshot?.seq ?? 0, damage);
  const after = journal.entries.at(-1)?.seq ?? snapshot?.seq ?? 0;
  // A journal ending before its snapshots is not theirs: what it lacks cannot be counted.
  if (journal.lastSeq < newest) damage(file, `the end of its journal (entry ${journal.lastSeq}, before the snapshot after entry ${newest})`);
  else if (after < journal.lastSeq) damage(file, `journal entry ${after + 1}`);
  const lastSeq = journal.lastSeq < newest ? undefined : Math.max(journal.lastSeq, after);
  return { ...(snapshot ? { snapshot } : {}), entries: journal.entries, ...(lastSeq !== undefined ? { lastSeq } : {}), firstDamage };
}

/** The newest snapshot whose parts read back intact, each newer damaged one noted; `newest` is the newest snapshot's entry, intact or not. */
function newestIntactSnapshot(location: string, damage: (file: string, at: string) => void): { snapshot?: Recovered['snapshot']; newest: number } {
  // An unreadable file is no snapshots: the journal alone may still hold everything.
  const db = tryRead(() => openSqlite(location, { readonly: true, fileMustExist: true }));
  try {
    const seqs = tryRead(() => db!.prepare('SELECT seq FROM snapshots ORDER BY seq DESC').pluck().all() as number[]) ?? [];
    for (const seq of seqs) {
      const read = tryRead(() => readSnapshotParts(db!, seq));
      if (read?.ok) return { snapshot: { seq, parts: read.parts }, newest: seqs[0]! };
      damage(location, `snapshot after entry ${seq}`);
    }
    return { newest: seqs[0] ?? 0 };
  } finally {
    db?.close();
  }
}

/** The unbroken run of intact journal entries after entry `from`, and the last entry the journal says it acknowledged. */
function intactEntries(file: string, from: number, damage: (file: string, at: string) => void): { entries: JournalEntry[]; lastSeq: number } {
  let db: Database.Database;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`[DATA_DIR_UNREADABLE] 存储文件无法打开，无法修复 / ${file} cannot be opened as a database, nothing can be recovered from it: ${(error as Error).message}`);
  }
  try {
    const lastSeq = Number(tryRead(() => (db.prepare("SELECT value FROM meta WHERE key = 'lastSeq'").get() as { value: string } | undefined)?.value) ?? 0);
    const entries: JournalEntry[] = [];
    let expected = from + 1;
    try {
      for (const r of db.prepare('SELECT seq, entry, crc FROM journal WHERE seq > ? ORDER BY seq').iterate(from) as IterableIterator<{ seq: number; entry: string; crc: number }>) {
        const entry = r.seq === expected && entryChecksum(r.entry) === r.crc ? parsed(r.entry) : undefined;
        if (entry?.seq !== r.seq) {
          damage(file, `journal entry ${expected}`);
          break;
        }
        entries.push(entry);
        expected += 1;
      }
    } catch (error) {
      damage(file, `journal entry ${expected} (SQLite: ${(error as Error).message})`);
    }
    return { entries, lastSeq };
  } finally {
    db.close();
  }
}

function parsed(json: string): JournalEntry | undefined {
  try {
    return JSON.parse(json) as JournalEntry;
  } catch {
    return undefined;
  }
}
