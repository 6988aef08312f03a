import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A data directory's own record of what it holds, kept beside the store. */
export interface Manifest {
  format: 'gdx-data-dir/1';
  /** The store's file name. */
  store: string;
  createdAt: string;
}

const MANIFEST = 'gdx-data.json';

/**
 * Reads the manifest, if the directory has one. It exists so that a store file deleted or lost
 * later is refused at start instead of silently replaced by an empty one.
 *
 * @example
 * ```ts
 * readManifest('.gdx-data')?.createdAt; // '2026-12-03T23:59:00.000Z'
 * ```
 */
export function readManifest(dir: string): Manifest | undefined {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    // An unreadable manifest still says a store was here.
    return { format: 'gdx-data-dir/1', store: 'store.sqlite', createdAt: 'an unknown time (gdx-data.json is unreadable)' };
  }
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
  const manifest: Manifest = { format: 'gdx-data-dir/1', store, createdAt: new Date().toISOString() };
  const tmp = join(dir, `${MANIFEST}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  syncFile(tmp);
  renameSync(tmp, join(dir, MANIFEST));
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
