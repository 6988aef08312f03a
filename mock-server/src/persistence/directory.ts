import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataDirUnavailableError } from './data-dir-errors.js';

/**
 * Creates the directory and its missing parents, one `mkdir` each, and checks that a directory is
 * there after. Not `mkdirSync(dir, { recursive: true })`: where `mkdir` answers ENOENT under a
 * parent that exists (`/proc`, some FUSE mounts), Node 20's recursive mkdir retries that parent
 * forever at full CPU, and the start neither listened nor exited.
 *
 * @example
 * ```ts
 * ensureDirectory('.gdx-data');
 * ```
 */
export function ensureDirectory(dir: string): void {
  for (const path of missingAncestry(resolve(dir))) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Made meanwhile by another process: the check below tells whether it is a directory.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new DataDirUnavailableError(dir, (error as Error).message, error);
    }
  }
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    throw new DataDirUnavailableError(dir, (error as Error).message, error);
  }
  if (!isDirectory) throw new DataDirUnavailableError(dir, 'something other than a directory is there');
}

/** The paths from the outermost missing ancestor of `path` down to `path` itself (none if it exists). */
function missingAncestry(path: string): string[] {
  const missing: string[] = [];
  for (let at = path; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  return missing;
}
