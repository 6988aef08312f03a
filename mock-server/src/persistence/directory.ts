import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataDirUnavailableError } from './data-dir-errors.js';
import { unwritableDirHint, type BilingualText } from './unwritable-hint.js';

/**
 * Creates the directory and its missing parents, one `mkdir` each, and checks that a directory is
 * there after. Not `mkdirSync(dir, { recursive: true })`: where `mkdir` answers ENOENT under a
 * parent that exists (`/proc`, some FUSE mounts), Node 20's recursive mkdir retries that parent
 * forever at full CPU, and the start neither listened nor exited. `make` is `mkdirSync` but in
 * tests, which inject the failures (EROFS) that root, running them, is not given.
 *
 * @example
 * ```ts
 * ensureDirectory('.gdx-data');
 * ```
 */
export function ensureDirectory(dir: string, make: (path: string) => unknown = mkdirSync): void {
  for (const path of missingAncestry(resolve(dir))) {
    try {
      make(path);
    } catch (error) {
      // Made meanwhile by another process: the check below tells whether it is a directory.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new DataDirUnavailableError(dir, cannotMake(path, code, (error as Error).message), error);
    }
  }
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    throw new DataDirUnavailableError(dir, { en: (error as Error).message, zh: `无法读取该路径（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）` }, error);
  }
  if (!isDirectory) throw new DataDirUnavailableError(dir, { en: 'something other than a directory is there', zh: '该路径上已有别的东西，不是目录' });
}

/** Why `path` could not be made (`mkdir` said `code`), and what to do where the advice is known. */
function cannotMake(path: string, code: string | undefined, message: string): BilingualText {
  const hint = unwritableDirHint(code, { en: `the directory ${dirname(path)} it is made in`, zh: `其所在目录（${dirname(path)}）` });
  return { en: `cannot make ${path}: ${message}${hint ? `; ${hint.en}` : ''}`, zh: `无法创建目录 ${path}（${code ?? message}）${hint ? `：${hint.zh}` : ''}` };
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
