import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEntry, NewJournalEntry } from './journal-entry.js';

/** What was on disk at start: the latest snapshot (if any) and the entries after it. */
export interface PersistedState<S> {
  snapshot?: { lastSeq: number; state: S };
  entries: JournalEntry[];
}

const JOURNAL = 'journal.ndjson';
const SNAPSHOT = 'snapshot.json';

/**
 * Reads the data directory. A torn last line (a crash in the middle of a write) is ignored and cut
 * off, so later appends start on a clean line.
 *
 * @example
 * ```ts
 * const { snapshot, entries } = loadPersisted<RegistrySnapshot>('.gdx-data');
 * ```
 */
export function loadPersisted<S>(dir: string): PersistedState<S> {
  mkdirSync(dir, { recursive: true });
  const snapshotPath = join(dir, SNAPSHOT);
  const snapshot = existsSync(snapshotPath) ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as { lastSeq: number; state: S }) : undefined;
  const journalPath = join(dir, JOURNAL);
  if (!existsSync(journalPath)) return { ...(snapshot ? { snapshot } : {}), entries: [] };
  const text = readFileSync(journalPath);
  const entries: JournalEntry[] = [];
  let validLength = 0;
  let start = 0;
  for (let nl = text.indexOf(10, start); nl >= 0; nl = text.indexOf(10, start)) {
    const line = text.subarray(start, nl).toString('utf8');
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (!snapshot || entry.seq > snapshot.lastSeq) entries.push(entry);
    } catch {
      break; // a torn line can only be the last one written; nothing after it was acknowledged
    }
    start = nl + 1;
    validLength = start;
  }
  if (validLength < text.length) {
    const fd = openSync(journalPath, 'r+');
    ftruncateSync(fd, validLength);
    fsyncSync(fd);
    closeSync(fd);
  }
  return { ...(snapshot ? { snapshot } : {}), entries };
}

/**
 * The append-only journal with group commit: entries appended in one turn of the event loop are
 * written together and fsync'ed once; each caller's promise resolves after that fsync. Every
 * `compactEvery` entries the whole state is snapshotted (temp file + fsync + rename) and the
 * journal truncated; entries carry sequence numbers, so those written after the snapshot but
 * already covered by it are skipped on replay.
 *
 * @example
 * ```ts
 * const journal = new Journal('.gdx-data', lastSeq, { compactEvery: 5000, snapshot: () => registry.snapshot() });
 * const { durable } = journal.append({ at: Date.now(), method: 'POST', path: '/catalog/v1/entries', query: '', status: 201 });
 * await durable; // on disk
 * ```
 */
export class Journal<S> {
  readonly #dir: string;
  readonly #compactEvery: number;
  readonly #snapshot: () => S;
  #seq: number;
  #sinceCompaction = 0;
  #pending: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  #handle: Promise<FileHandle> | undefined;
  #flushing: Promise<void> | undefined;

  constructor(dir: string, lastSeq: number, options: { compactEvery: number; snapshot: () => S }) {
    this.#dir = dir;
    this.#seq = lastSeq;
    this.#compactEvery = options.compactEvery;
    this.#snapshot = options.snapshot;
  }

  /** The sequence number of the last appended entry. */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Records an entry now (in execution order); `durable` resolves once it is on disk. */
  append(entry: NewJournalEntry): { seq: number; durable: Promise<void> } {
    this.#seq += 1;
    const seq = this.#seq;
    const line = `${JSON.stringify({ seq, ...entry })}\n`;
    const durable = new Promise<void>((resolve, reject) => this.#pending.push({ line, resolve, reject }));
    this.#schedule();
    return { seq, durable };
  }

  /** Writes what is pending and closes the file. */
  async close(): Promise<void> {
    while (this.#flushing || this.#pending.length > 0) await (this.#flushing ?? this.#flush());
    if (this.#handle) await (await this.#handle).close();
    this.#handle = undefined;
  }

  #schedule(): void {
    if (!this.#flushing) this.#flushing = new Promise((resolve) => setImmediate(resolve)).then(() => this.#flush());
  }

  async #flush(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending;
        this.#pending = [];
        try {
          this.#handle ??= open(join(this.#dir, JOURNAL), 'a');
          const handle = await this.#handle;
          await handle.writeFile(batch.map((b) => b.line).join(''));
          await handle.sync();
          this.#sinceCompaction += batch.length;
          if (this.#sinceCompaction >= this.#compactEvery) await this.#compact(handle);
          for (const b of batch) b.resolve();
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  async #compact(handle: FileHandle): Promise<void> {
    const lastSeq = this.#seq;
    const data = JSON.stringify({ lastSeq, state: this.#snapshot() });
    const tmp = join(this.#dir, `${SNAPSHOT}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.#dir, SNAPSHOT));
    syncDirectory(this.#dir);
    await handle.truncate(0);
    await handle.sync();
    this.#sinceCompaction = 0;
  }
}

/** Makes a rename durable (best effort: some platforms cannot open directories). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}
