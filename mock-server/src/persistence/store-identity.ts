import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirReplacedError } from './data-dir-errors.js';
import { SNAPSHOTS_FILE } from './store-files.js';

/**
 * A file's (or directory's) identity: what deleting it and making it again changes, as a string
 * (`undefined` when it is not there). Device and inode, and the birth time where the file system
 * keeps one: after `rm -rf`, a directory made again may get the very inode numbers just freed.
 */
export function fileIdentity(location: string): string | undefined {
  try {
    const { dev, ino, birthtimeNs } = statSync(location, { bigint: true });
    return `${dev}:${ino}:${birthtimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * The identity of a data directory's store, as the app that opened it saw it: that of the
 * directory and of its snapshots file. A process writes its snapshots into the directory by path
 * (the compaction worker opens the file anew; SQLite makes the rollback journal beside it), so a
 * directory deleted and made again under a closing server, with another server's store in it,
 * would otherwise receive them.
 *
 * @example
 * ```ts
 * const opened = storeIdentity('.gdx-data'); // '2049:1312:1764972000123456789|2049:1320:…'
 * ```
 */
export function storeIdentity(dir: string): string {
  return `${fileIdentity(dir) ?? 'absent'}|${fileIdentity(join(dir, SNAPSHOTS_FILE)) ?? 'absent'}`;
}

/**
 * Throws `DataDirReplacedError` unless `dir` still holds the store whose identity was `opened`
 * (`storeIdentity`): two `stat`s, made once per snapshot, before its first write and before its commit.
 */
export function checkStoreIdentity(dir: string, opened: string): void {
  const found = storeIdentity(dir);
  if (found === opened) return;
  const [dirNow, fileNow] = found.split('|');
  const [dirThen] = opened.split('|');
  const reason =
    dirNow === 'absent' ? 'the directory was deleted'
    : dirNow !== dirThen ? 'the directory was deleted and made again'
    : fileNow === 'absent' ? `its ${SNAPSHOTS_FILE} was deleted`
    : `its ${SNAPSHOTS_FILE} was replaced by another file`;
  throw new DataDirReplacedError(dir, reason);
}
