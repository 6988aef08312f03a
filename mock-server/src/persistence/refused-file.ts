import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { syncFile } from './manifest.js';
import { refusedEntryKey, RefusedEntriesUnavailableError, type RefusedEntries, type RefusedEntry } from './refused-entry.js';

/** The file of a data directory that keeps the journal entries replays refused, one JSON line each. */
export const REFUSED_FILE = 'replay-refused.jsonl';

const BYTE_ORDER_MARK = '\uFEFF';

/** What a refused-entries file holds, as `readRefusedFile` found it. */
export interface RefusedFile extends RefusedEntries {
  /** The keys (`refusedEntryKey`) of the entries it holds. */
  readonly keys: ReadonlySet<string>;
  /** Whether the next line must start on a line of its own (the last one was cut off before its newline). */
  readonly torn: boolean;
}

/**
 * Reads the refused entries kept in a data directory (none when the file is not there), past a
 * leading byte-order mark (an editor's). A line that is not a refused entry — cut off by a crash,
 * edited by hand — is skipped and named in `damagedLines`, never rewritten: it must not stop a start. A file that cannot be read at all (or
 * is not a regular file) throws `RefusedEntriesUnavailableError`, naming it.
 *
 * @example
 * ```ts
 * readRefusedFile('.gdx-data').count; // 2
 * ```
 */
export function readRefusedFile(dir: string): RefusedFile {
  const location = join(dir, REFUSED_FILE);
  if (!existsSync(location)) return { location, count: 0, damagedLines: [], keys: new Set(), torn: false };
  let text: string;
  try {
    // Not a device or a directory: reading /dev/zero, say, would never end.
    if (!statSync(location).isFile()) throw new Error('it is not a regular file');
    text = readFileSync(location, 'utf8');
  } catch (error) {
    throw new RefusedEntriesUnavailableError(location, [], error);
  }
  const keys = new Set<string>();
  const damagedLines: number[] = [];
  // A file saved from an editor may start with a byte-order mark: it belongs to no line (and stays in the file).
  const lines = (text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text).split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const entry = parseLine(line);
    if (entry) keys.add(refusedEntryKey(entry));
    else damagedLines.push(index + 1);
  });
  return { location, count: keys.size, damagedLines, keys, torn: text.length > 0 && !text.endsWith('\n') };
}

/** The journal entry of a line, or `undefined` when the line is not a refused entry. */
function parseLine(line: string): RefusedEntry['entry'] | undefined {
  try {
    const record = JSON.parse(line) as Partial<RefusedEntry> | null;
    const entry = record?.entry;
    if (!entry || typeof entry !== 'object' || !Number.isSafeInteger(entry.seq) || entry.seq !== record.seq) return undefined;
    if (typeof entry.at !== 'number' || typeof entry.method !== 'string' || typeof entry.path !== 'string') return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * Appends the refused entries the file does not hold yet, and makes them durable (fsync of the
 * file, and of the directory when the file is new) before it returns: a snapshot that stops
 * replaying them may be written only after this. Never rewrites what is there. Throws
 * `RefusedEntriesUnavailableError`, naming the file and the entries, when they could not be kept
 * (a full disk, a file that cannot be written); a line cut short then is skipped by the next read,
 * and the entry kept again by the next replay that refuses it.
 *
 * @example
 * ```ts
 * keepRefusedFile('.gdx-data', [refused]).count; // 1
 * ```
 */
export function keepRefusedFile(dir: string, refusals: readonly RefusedEntry[]): RefusedFile {
  let before: RefusedFile;
  try {
    before = readRefusedFile(dir);
  } catch (error) {
    // Named by the entries it could not keep: the failure is about them, not about a start reading the file.
    if (!(error instanceof RefusedEntriesUnavailableError)) throw error;
    throw new RefusedEntriesUnavailableError(error.location, refusals.map((refused) => refused.seq), error.cause);
  }
  const keys = new Set(before.keys);
  const fresh = refusals.filter((refused) => {
    const key = refusedEntryKey(refused.entry);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
  if (fresh.length === 0) return before;
  const text = `${before.torn ? '\n' : ''}${fresh.map((refused) => `${JSON.stringify(refused)}\n`).join('')}`;
  const created = !existsSync(before.location);
  try {
    const fd = openSync(before.location, 'a');
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new RefusedEntriesUnavailableError(before.location, fresh.map((refused) => refused.seq), error);
  }
  // A new file's name is in the directory: that survives a crash only once the directory is synced.
  if (created) syncFile(dir);
  return { ...before, count: keys.size, keys, torn: false };
}
