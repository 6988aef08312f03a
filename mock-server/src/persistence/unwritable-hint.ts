// The advice of the data directory's refusals when a directory cannot be written: the same words
// whether the directory itself refused the lock file or its parent refused to make it.

/** A reason for a refusal, in English and Chinese. */
export interface BilingualText {
  readonly en: string;
  readonly zh: string;
}

/**
 * What to do when `where` (a directory, as a message names it) cannot be written because of
 * `code`: a read-only file system (`EROFS`) or a user without the right (`EACCES`, `EPERM`);
 * `undefined` for any other code, which this advice would not fit.
 *
 * @example
 * ```ts
 * unwritableDirHint('EROFS', { en: 'the directory', zh: '该目录' });
 * // { en: 'the directory is on a read-only file system (EROFS), …: mount it read-write, or choose another data directory (--data-dir)', zh: '该目录位于只读文件系统（EROFS）…' }
 * ```
 */
export function unwritableDirHint(code: unknown, where: BilingualText): BilingualText | undefined {
  if (code === 'EROFS') {
    return {
      en: `${where.en} is on a read-only file system (EROFS), and gdx-mock writes its store there: mount it read-write, or choose another data directory (--data-dir)`,
      zh: `${where.zh}位于只读文件系统（EROFS），而 gdx-mock 要在其中写入存储：请以读写方式挂载，或另选数据目录（--data-dir）`,
    };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      en: `the user gdx-mock runs as cannot write ${where.en} (${code}): make it writable for that user, or choose another data directory (--data-dir)`,
      zh: `运行 gdx-mock 的用户无权写入${where.zh}（${code}）：请让该用户可写，或另选数据目录（--data-dir）`,
    };
  }
  return undefined;
}
