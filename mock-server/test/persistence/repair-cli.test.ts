import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { runRepair } from '../../src/cli/repair-command.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { journalOnlyStore } from '../support/journal-only-store.js';
import { useTempDirs } from './data-dir-app.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

/** A data directory of the default platforms with a few sandboxes created, then the entry creating "two" damaged. */
async function damagedDir(dir: string): Promise<void> {
  // As a crash would leave it: closed without a last snapshot, which would fold the entries away.
  const app = createApp({ store: journalOnlyStore(openDataDir(dir)), seed: 3, startAt: '2025-09-26T10:00:00+08:00' });
  for (const id of ['one', 'two', 'three']) {
    const answer = await app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes', query: '', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, profile: 'national', seed: 1 }) });
    expect(answer.status).toBe(201);
  }
  await app.close();
  const db = new Database(join(dir, 'store.sqlite'));
  db.exec(`UPDATE journal SET entry = replace(entry, 'two', 'tw0') WHERE seq = 2`);
  db.close();
}

describe('gdx-mock and a damaged data directory', () => {
  const tempDir = useTempDirs();

  it('refuses to start, naming the file, the entry and what would be lost, and exits 1', async () => {
    const dir = tempDir();
    await damagedDir(dir);
    const started = spawnSync(process.execPath, [CLI, '--data-dir', dir, '--port', '0'], { encoding: 'utf8', timeout: 20_000 });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('DATA_DIR_DAMAGED');
    expect(started.stderr).toContain(join(dir, 'store.sqlite'));
    expect(started.stderr).toContain('journal entry 2');
    expect(started.stderr).toContain('would drop 2 acknowledged journal entries');
    expect(started.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
  });

  it('repairs when asked, after a dry run that changes nothing; the server then starts with the intact part', async () => {
    const dir = tempDir();
    await damagedDir(dir);
    const out: string[] = [];
    expect(runRepair(['--data-dir', dir, '--dry-run'], (t) => out.push(t), (t) => out.push(t))).toBe(0);
    expect(out.join('')).toMatch(/would drop 2 acknowledged entries[\s\S]*Nothing was changed/);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);

    expect(runRepair(['--data-dir', dir], (t) => out.push(t), (t) => out.push(t))).toBe(0);
    expect(out.at(-1)).toMatch(/Kept the snapshot after entry 0 and 1 journal entry after it;\ndropped 2 acknowledged entries\.\nThe damaged file is kept as /);
    const app = createApp({ dataDir: dir, seed: 3, startAt: '2025-09-26T10:00:00+08:00' });
    const list = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes', query: '', headers: {}, body: undefined });
    expect(JSON.parse(String(list.body)).items.map((s: { id: string }) => s.id).sort()).toEqual(['default', 'one']);
    await app.close();
    expect(readdirSync(dir).some((f) => f.startsWith('store.sqlite.damaged-'))).toBe(true);
  });

  it('answers usage errors with exit 2', () => {
    const err: string[] = [];
    expect(runRepair([], () => undefined, (t) => err.push(t))).toBe(2);
    expect(err.join('')).toContain('--data-dir (or GDX_MOCK_DATA_DIR) is required');
    expect(existsSync(CLI)).toBe(true);
  });

  // A vendor's probe read "holds neither store.sqlite nor snapshots.sqlite" for a mistyped path and for a file.
  it('names a path that does not exist, or is not a directory, as such (exit 1)', () => {
    const dir = tempDir();
    const file = join(dir, 'store.sqlite');
    writeFileSync(file, '');
    for (const [path, en, zh] of [
      [join(dir, 'nowhere'), 'does not exist', '数据目录不存在'],
      [file, 'is not a directory', '数据目录路径不是目录'],
    ] as const) {
      const err: string[] = [];
      expect(runRepair(['--data-dir', path], () => undefined, (t) => err.push(t))).toBe(1);
      expect(err.join('')).toContain(`${path} ${en}`);
      expect(err.join('')).toContain(zh);
      expect(err.join('')).not.toContain('holds neither');
    }
  });

  it('names a server flag given to repair as the server\'s, not as unknown (exit 2)', () => {
    for (const argv of [['--data-dir', 'x', '--port', '4010'], ['--port=4010'], ['--show-secrets']]) {
      const err: string[] = [];
      expect(runRepair(argv, () => undefined, (t) => err.push(t))).toBe(2);
      const flag = argv.find((a) => a !== '--data-dir' && a.startsWith('--'))!.split('=')[0]!;
      expect(err.join('')).toContain(`Unknown option '${flag}': ${flag} is a flag of the server (gdx-mock), which gdx-mock repair does not take / ${flag} 是服务（gdx-mock）的参数，gdx-mock repair 不接受此参数`);
    }
  });

  it('words a usage error as gdx-mock does: the flag a slip was meant for, a flag left without its value', () => {
    const refusal = (argv: string[]) => {
      const err: string[] = [];
      const code = runRepair(argv, () => undefined, (t) => err.push(t));
      return { code, text: err.join('') };
    };
    expect(refusal(['--dat-dir', 'x'])).toMatchObject({ code: 2, text: expect.stringContaining("Unknown option '--dat-dir' (did you mean --data-dir?)") });
    expect(refusal(['--dry_run'])).toMatchObject({ code: 2, text: expect.stringContaining('(did you mean --dry-run?)') });
    // The directory given bare, as most repair tools take it: the flag it needs, with the path.
    expect(refusal(['/srv/gdx-data', '--dry-run'])).toMatchObject({
      code: 2,
      text: expect.stringContaining("Unexpected argument '/srv/gdx-data'. This command does not take positional arguments (did you mean --data-dir /srv/gdx-data? / 是否应为 --data-dir /srv/gdx-data？)"),
    });
    const followed = refusal(['--data-dir', '--dry-run']);
    expect(followed.code).toBe(2);
    expect(followed.text).toContain('--data-dir takes a value <dir> and none was given (--dry-run follows it; write --data-dir=--dry-run if that is the value) / --data-dir 需要一个取值 <dir>，但未给出');
    expect(refusal(['--data-dir']).text).toContain('--data-dir takes a value <dir> and none was given / ');
    // The usage follows each refusal; it lists the flags from the same table that parses them.
    expect(followed.text).toMatch(/\n  --data-dir <dir> +the data directory that gdx-mock refused to start from/);
  });

  it('reads the directory from GDX_MOCK_DATA_DIR without --data-dir, as gdx-mock does (the flag wins)', () => {
    const said: string[] = [];
    const missing = join(tmpdir(), 'gdx-repair-env-missing');
    expect(runRepair([], (t) => said.push(t), (t) => said.push(t), { GDX_MOCK_DATA_DIR: missing })).toBe(1);
    expect(said.join('')).toContain(missing);
    said.length = 0;
    runRepair(['--data-dir', `${missing}-flag`], (t) => said.push(t), (t) => said.push(t), { GDX_MOCK_DATA_DIR: missing });
    expect(said.join('')).toContain(`${missing}-flag`);
  });
});
