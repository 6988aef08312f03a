import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirUnavailableError } from './data-dir-errors.js';

/** A data directory's own record of what it holds, kept beside the store. */
export interface Manifest {
  format: 'gdx-data-dir/1';
  /** The store's file name. */
  store: string;
  createdAt: string;
}

/** The manifest's file name, in a data directory. */
export const MANIFEST_FILE = 'gdx-data.json';

/** The format this version writes and reads; another one is a newer gdx-mock's. */
const FORMAT: Manifest['format'] = 'gdx-data-dir/1';

/**
 * What a data directory's manifest says: none there (`absent`), a manifest (`present`), or a file
 * that is no manifest (`unreadable`: empty, not JSON, no `format`; `problem` says which). It still
 * says a store was here: the start goes on and writes it anew once the store has loaded.
 */
export type ManifestRead = { kind: 'absent' } | { kind: 'present'; manifest: Manifest } | { kind: 'unreadable'; problem: string };

/**
 * Reads the manifest, if the directory has one. It exists so that a store file deleted or lost
 * later is refused at start instead of silently replaced by an empty one. A manifest naming
 * another `format` throws `DataDirUnavailableError`, naming the file: a newer gdx-mock wrote the
 * directory, and this one would misread it.
 *
 * @example
 * ```ts
 * const read = readManifest('.gdx-data');
 * if (read.kind === 'present') read.manifest.createdAt; // '2026-12-03T23:59:00.000Z'
 * ```
 */
export function readManifest(dir: string): ManifestRead {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { kind: 'absent' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', problem: `it cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (text.trim() === '') return { kind: 'unreadable', problem: 'it is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', problem: 'it is not JSON' };
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (typeof format !== 'string') return { kind: 'unreadable', problem: 'it names no "format"' };
  if (format !== FORMAT) {
    throw new DataDirUnavailableError(dir, {
      en: `${path} names the format "${format}", which this gdx-mock does not know (it reads "${FORMAT}"): a newer gdx-mock wrote this directory. Start it with that version, or give this one another --data-dir; nothing was changed`,
      zh: `${path} 所写的格式 "${format}" 本版 gdx-mock 不认识（它读 "${FORMAT}"）：该目录由更新版本的 gdx-mock 写入。请用那个版本启动，或另给本进程一个 --data-dir；未作任何修改`,
    });
  }
  return { kind: 'present', manifest: parsed as Manifest };
}

/**
 * Writes the manifest durably: temporary file, fsync, rename, then fsync of the directory so the
 * rename itself survives a crash.
 *
 * @example
 * ```ts
 * writeManifest('.gdx-data', 'store.sqlite');
 * ```
 */
export function writeManifest(dir: string, store: string): void {
  const manifest: Manifest = { format: FORMAT, store, createdAt: new Date().toISOString() };
  const tmp = join(dir, `${MANIFEST_FILE}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  syncFile(tmp);
  renameSync(tmp, join(dir, MANIFEST_FILE));
  syncFile(dir);
}

/** fsync of a file or directory (directories: best effort, Windows cannot open them). */
export function syncFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some platforms refuse fsync on a directory; the rename is still atomic there.
  } finally {
    closeSync(fd);
  }
}
