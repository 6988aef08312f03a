import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, DataDirInUseError, DataDirUnavailableError } from '../../src/index.js';
import { runRepair } from '../../src/cli/repair-command.js';
import { lockDataDir } from '../../src/persistence/dir-lock.js';
import { ensureDirectory } from '../../src/persistence/directory.js';
import { CLI, killed, startChild, useChildren } from '../support/spawn-cli.js';
import { useTempDirs } from './data-dir-app.js';

const OPTIONS = { seed: 3, startAt: '2025-09-26T10:00:00+08:00' } as const;
const json = { 'content-type': 'application/json' };
// Root writes a file whatever its mode says, so SQLite never opens one read-only for it: a test
// of a read-only file asserts what root gets there, and the refusal everywhere else.
const runsAsRoot = process.getuid?.() === 0;

/** Runs the built CLI with `args` to its end (a start that is not refused runs until the test times out; `spawned` gets it, to be killed then). */
function run(args: readonly string[], spawned: ChildProcess[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  spawned.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

/** What the errors a function throws say, or `undefined` when it does not throw. */
function thrown(fn: () => unknown): { code?: unknown; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    return error as { code?: unknown; message: string };
  }
  return undefined;
}

describe('one process per data directory', () => {
  const tempDir = useTempDirs();
  const children = useChildren();

  it('a second gdx-mock on a directory a running one holds exits 1 naming it, and takes nothing; after kill -9 of the first, a start takes the directory again with what it acknowledged', async () => {
    const dir = tempDir();
    const first = await startChild(dir);
    children.push(first.child);
    const created = await fetch(`${first.url}/_sim/v1/sandboxes`, { method: 'POST', headers: json, body: JSON.stringify({ id: 'one', profile: 'national', seed: 1 }) });
    expect(created.status).toBe(201);

    const second = await run(['--port', '0', '--data-dir', dir, '--log-format', 'pretty'], children);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`gdx-mock: [DATA_DIR_IN_USE] 数据目录正被另一进程使用，未作任何修改 / the data directory ${dir} is in use by another process`);
    expect(second.stderr).toContain(join(dir, 'gdx-mock.lock'));
    // The first one still serves, and its writes are still the store's.
    const again = await fetch(`${first.url}/_sim/v1/sandboxes`, { method: 'POST', headers: json, body: JSON.stringify({ id: 'two', profile: 'national', seed: 1 }) });
    expect(again.status).toBe(201);

    first.child.kill('SIGKILL');
    await killed(first.child);
    const third = await startChild(dir);
    children.push(third.child);
    const list = (await (await fetch(`${third.url}/_sim/v1/sandboxes`)).json()) as { items: { id: string }[] };
    expect(list.items.map((s) => s.id).sort()).toEqual(['default', 'one', 'two']);
  });

  it('gdx-mock repair refuses a directory a server holds and moves nothing; once the server is closed it runs', async () => {
    const dir = tempDir();
    const app = createApp({ dataDir: dir, ...OPTIONS });
    expect((await app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes', query: '', headers: json, body: JSON.stringify({ id: 'one', profile: 'national', seed: 1 }) })).status).toBe(201);
    const said: string[] = [];
    const before = readdirSync(dir).sort();

    expect(runRepair(['--data-dir', dir], (t) => said.push(t), (t) => said.push(t))).toBe(1);
    expect(said.join('')).toContain(`[DATA_DIR_IN_USE] 数据目录正被另一进程使用，未作任何修改 / the data directory ${dir} is in use by another process`);
    expect(readdirSync(dir).sort()).toEqual(before);

    await app.close();
    said.length = 0;
    expect(runRepair(['--data-dir', dir, '--dry-run'], (t) => said.push(t), (t) => said.push(t))).toBe(0);
  });

  it('a second app on the same dataDir in one process is refused until the first is closed', async () => {
    const dir = tempDir();
    const first = createApp({ dataDir: dir, ...OPTIONS });
    const refused = thrown(() => createApp({ dataDir: dir, ...OPTIONS }));
    // Caught by its class from the package's entry, not only by its `code`.
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect(refused).toMatchObject({ name: 'DataDirInUseError', code: 'DATA_DIR_IN_USE', path: dir, message: expect.stringContaining(join(dir, 'gdx-mock.lock')) });
    await first.close();
    const second = createApp({ dataDir: dir, ...OPTIONS });
    await second.close();
  });

  it('a lock file that cannot be opened (a directory in its place) stops the start as unavailable, naming it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'gdx-mock.lock'));
    const failure = thrown(() => createApp({ dataDir: dir, ...OPTIONS }));
    expect(failure).toBeInstanceOf(DataDirUnavailableError);
    expect(failure).toMatchObject({ code: 'DATA_DIR_UNAVAILABLE', path: dir, message: expect.stringContaining(`cannot lock ${join(dir, 'gdx-mock.lock')}`) });
  });

  it('a lock file that is not one (garbage written over it) stops the start, saying it holds nothing and may be deleted', async () => {
    const dir = tempDir();
    await createApp({ dataDir: dir, ...OPTIONS }).close();
    const lock = join(dir, 'gdx-mock.lock');
    writeFileSync(lock, 'not a lock\n');
    const failure = thrown(() => createApp({ dataDir: dir, ...OPTIONS }));
    expect(failure).toBeInstanceOf(DataDirUnavailableError);
    expect(failure).toMatchObject({
      code: 'DATA_DIR_UNAVAILABLE',
      message: expect.stringContaining(`cannot lock ${lock}: file is not a database; the file holds nothing but the lock: with no gdx-mock using the directory, delete it`),
    });
  });

  it('a lock file this process cannot write stops the start, naming it: opened read-only, it would let a second app start beside the first', async () => {
    const dir = tempDir();
    await createApp({ dataDir: dir, ...OPTIONS }).close();
    const lock = join(dir, 'gdx-mock.lock');
    chmodSync(lock, 0o444);
    const opened: ReturnType<typeof createApp>[] = [];
    try {
      if (runsAsRoot) {
        // Root writes the file whatever its mode: the lock is taken and holds the directory.
        opened.push(createApp({ dataDir: dir, ...OPTIONS }));
        expect(thrown(() => opened.push(createApp({ dataDir: dir, ...OPTIONS })))).toBeInstanceOf(DataDirInUseError);
      } else {
        const failure = thrown(() => opened.push(createApp({ dataDir: dir, ...OPTIONS })));
        expect(failure).toBeInstanceOf(DataDirUnavailableError);
        expect(failure).toMatchObject({ code: 'DATA_DIR_UNAVAILABLE', path: dir, message: expect.stringContaining(`cannot lock ${lock}: this process cannot write it (EACCES), and a lock file opened read-only keeps no other process out; the file holds nothing but the lock`) });
      }
    } finally {
      for (const app of opened) await app.close();
    }
  });
});

/** Mounts a read-only tmpfs on `dir`; false where this process may not mount (not root, a container without the capability). */
function mountReadOnly(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a data directory that cannot be written', () => {
  const tempDir = useTempDirs();

  // It advised deleting gdx-mock.lock, which a read-only mount or a directory the user cannot
  // write does not allow and which would not help. Which of the two this machine can make depends
  // on who runs the test: root writes whatever the mode bits say but may mount a read-only file
  // system; any other user cannot mount but is refused by the mode bits.
  it('stops the start saying why the directory cannot be written (EROFS, EACCES), with what to do instead of deleting the lock file', async () => {
    const dir = tempDir();
    if (runsAsRoot && mountReadOnly(dir)) {
      try {
        const failure = thrown(() => createApp({ dataDir: dir, ...OPTIONS }));
        expect(failure).toBeInstanceOf(DataDirUnavailableError);
        expect(failure?.message).toContain('read-only file system (EROFS)');
        expect(failure?.message).toContain('mount it read-write, or choose another data directory (--data-dir)');
        expect(failure?.message).not.toContain('delete it');
        // The Chinese half names the cause and what to do too, not only "cannot use the data directory".
        expect(failure?.message).toContain(`无法使用数据目录 ${dir}：无法锁定 ${join(dir, 'gdx-mock.lock')}`);
        expect(failure?.message).toContain('该目录位于只读文件系统（EROFS），而 gdx-mock 要在其中写入存储：请以读写方式挂载，或另选数据目录（--data-dir） / ');
        // A data directory to be made on that mount: mkdir itself is refused, with the same advice.
        const inside = join(dir, 'data');
        const unmade = thrown(() => createApp({ dataDir: inside, ...OPTIONS }));
        expect(unmade?.message).toContain(`无法使用数据目录 ${inside}：无法创建目录 ${inside}（EROFS）：其所在目录（${dir}）位于只读文件系统（EROFS）`);
        expect(unmade?.message).toContain(`; the directory ${dir} it is made in is on a read-only file system (EROFS), and gdx-mock writes its store there: mount it read-write, or choose another data directory (--data-dir)`);
      } finally {
        execFileSync('umount', [dir]);
      }
      return;
    }
    chmodSync(dir, 0o555);
    try {
      if (runsAsRoot) {
        // Root without the right to mount: the mode bits do not stop it, and the start takes the directory.
        await createApp({ dataDir: dir, ...OPTIONS }).close();
        expect(existsSync(join(dir, 'gdx-mock.lock'))).toBe(true);
      } else {
        const failure = thrown(() => createApp({ dataDir: dir, ...OPTIONS }));
        expect(failure).toBeInstanceOf(DataDirUnavailableError);
        expect(failure?.message).toContain('cannot write the directory (EACCES): make it writable for that user, or choose another data directory (--data-dir)');
        expect(failure?.message).not.toContain('delete it');
      }
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('a data directory whose parent cannot be written', () => {
  const tempDir = useTempDirs();
  // Root, running the tests, is given what a mode or a mount refuses others: the failures are injected.
  const refusing = (code: string) => (path: string) => {
    throw Object.assign(new Error(`${code}: refused, mkdir '${path}'`), { code });
  };

  it.each([
    {
      code: 'EROFS',
      en: 'is on a read-only file system (EROFS), and gdx-mock writes its store there: mount it read-write, or choose another data directory (--data-dir)',
      zh: '位于只读文件系统（EROFS），而 gdx-mock 要在其中写入存储：请以读写方式挂载，或另选数据目录（--data-dir）',
    },
    {
      code: 'EACCES',
      en: 'the user gdx-mock runs as cannot write the directory PARENT it is made in (EACCES): make it writable for that user, or choose another data directory (--data-dir)',
      zh: '运行 gdx-mock 的用户无权写入其所在目录（PARENT）（EACCES）：请让该用户可写，或另选数据目录（--data-dir）',
    },
  ])('mkdir refused with $code: the refusal names the cause and what to do, in Chinese and English', ({ code, en, zh }) => {
    const parent = tempDir();
    const dir = join(parent, 'data');
    const failure = thrown(() => ensureDirectory(dir, refusing(code)));
    expect(failure).toBeInstanceOf(DataDirUnavailableError);
    expect(failure).toMatchObject({ code: 'DATA_DIR_UNAVAILABLE' });
    expect(failure?.message).toMatch(new RegExp(`^\\[DATA_DIR_UNAVAILABLE\\] 无法使用数据目录 ${dir}：无法创建目录 ${dir}（${code}）：`));
    expect(failure?.message).toContain(zh.replace('PARENT', parent));
    expect(failure?.message).toContain(` / cannot use the data directory ${dir}: cannot make ${dir}: ${code}: refused`);
    expect(failure?.message).toContain(en.replace('PARENT', parent));
  });

  it('mkdir refused for another cause: both languages name it, with no advice that would not fit', () => {
    const dir = join(tempDir(), 'data');
    const failure = thrown(() => ensureDirectory(dir, refusing('ENOENT')));
    expect(failure?.message).toBe(`[DATA_DIR_UNAVAILABLE] 无法使用数据目录 ${dir}：无法创建目录 ${dir}（ENOENT） / cannot use the data directory ${dir}: cannot make ${dir}: ENOENT: refused, mkdir '${dir}'`);
  });
});

describe('gdx-mock.lock deleted under a running server', () => {
  const tempDir = useTempDirs();
  const health = async (app: ReturnType<typeof createApp>) =>
    JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/health', query: '', headers: { host: 'mock.local' }, body: undefined })).body)) as { status: string; reasons: string[] };

  it('is made and locked anew at the next health read, and logged: a second app is still refused', async () => {
    const dir = tempDir();
    const logged: string[] = [];
    const app = createApp({ dataDir: dir, ...OPTIONS, logError: (message) => logged.push(message) });
    try {
      rmSync(join(dir, 'gdx-mock.lock'));
      expect(await health(app)).toMatchObject({ status: 'ok', reasons: [] });
      expect(existsSync(join(dir, 'gdx-mock.lock'))).toBe(true);
      expect(logged).toEqual([expect.stringMatching(/^\[DATA_DIR_LOCK\] 数据目录锁文件被删除或替换，已重新创建并加锁 \/ .*gdx-mock\.lock was deleted; made and locked anew/)]);
      expect(thrown(() => createApp({ dataDir: dir, ...OPTIONS }))).toBeInstanceOf(DataDirInUseError);
      // Once made anew, it is the lock held: nothing more is logged.
      expect(await health(app)).toMatchObject({ status: 'ok' });
      expect(logged).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('taken by another process meanwhile: health is degraded with DATA_DIR_LOCK_LOST, logged once, until the lock can be taken again', async () => {
    const dir = tempDir();
    const logged: string[] = [];
    const app = createApp({ dataDir: dir, ...OPTIONS, logError: (message) => logged.push(message) });
    try {
      rmSync(join(dir, 'gdx-mock.lock'));
      // What a second server started now would do: make the file and lock it.
      const other = lockDataDir(dir);
      expect(await health(app)).toEqual(expect.objectContaining({ status: 'degraded', reasons: ['DATA_DIR_LOCK_LOST'] }));
      expect(await health(app)).toMatchObject({ status: 'degraded' });
      expect(logged).toEqual([expect.stringMatching(/^\[DATA_DIR_LOCK_LOST\] .*gdx-mock\.lock was replaced by another file, and another process holds the new file/)]);
      other.release();
      expect(await health(app)).toMatchObject({ status: 'ok', reasons: [] });
      expect(logged).toHaveLength(2);
      expect(thrown(() => createApp({ dataDir: dir, ...OPTIONS }))).toBeInstanceOf(DataDirInUseError);
    } finally {
      await app.close();
    }
  });
});
