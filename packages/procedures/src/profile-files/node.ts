import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

// The Node leaf of `#profile-files` (see package.json "imports"): profile files on disk.

/** Absolute path of a profile file named by a user, or by another file's `extends`. */
export function resolveProfilePath(path: string, extendingFile?: string): string {
  return extendingFile === undefined ? resolve(path) : resolve(dirname(extendingFile), path);
}

/** The text of a profile file. */
export function readProfileText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
