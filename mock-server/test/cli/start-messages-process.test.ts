import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/persistence/dir-lock.js';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { CLI, killed } from '../support/spawn-cli.js';

// Run with pipes, as under docker or systemd: `auto` is not a terminal there.
const cli = (args: readonly string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });

/** Each line of `text` parsed as JSON: throws when one is not (a log pipeline could not read it). */
function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('start-up refusals in the log format', () => {
  const tempDir = useTempDirs();

  it('--log-format json: a data directory in use is one fatal JSON line naming the code and the directory, exit 1', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    try {
      const answer = cli(['--port', '0', '--data-dir', dir, '--log-format', 'json']);
      expect(answer.status).toBe(1);
      const lines = jsonLines(answer.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 60, code: 'DATA_DIR_IN_USE', path: dir, exitCode: 1 });
      expect(lines[0]?.msg).toContain(`[DATA_DIR_IN_USE] 数据目录正被另一进程使用，未作任何修改 / the data directory ${dir} is in use by another process`);
      expect(lines[0]?.time).toMatch(/\+08:00$/);
    } finally {
      lock.release();
    }
  });

  it('auto on a pipe: a bad option is one fatal JSON line, INVALID_OPTION in Chinese and English, exit 2', () => {
    const answer = cli([], { GDX_MOCK_COMPACT_EVERY: 'often' });
    expect(answer.status).toBe(2);
    expect(jsonLines(answer.stderr)).toEqual([
      expect.objectContaining({ level: 60, code: 'INVALID_OPTION', exitCode: 2, msg: expect.stringMatching(/^\[INVALID_OPTION\] 启动选项有误 \/ GDX_MOCK_COMPACT_EVERY must be a positive integer: often/) }),
    ]);
  });

  it('a bad --log-format itself is refused as a JSON line too (auto)', () => {
    const answer = cli(['--log-format', 'xml']);
    expect(answer.status).toBe(2);
    expect(jsonLines(answer.stderr)[0]).toMatchObject({ code: 'INVALID_OPTION', msg: expect.stringContaining('--log-format must be one of auto, json, pretty: xml') });
  });

  it.runIf(existsSync('/proc/self'))('a data directory that cannot be made: the JSON line names it and carries no stack', () => {
    const answer = cli(['--data-dir', '/proc/gdx-nope/data', '--port', '0'], { GDX_MOCK_LOG_FORMAT: 'json' });
    expect(answer.status).toBe(1);
    const [line] = jsonLines(answer.stderr);
    expect(line).toMatchObject({ code: 'DATA_DIR_UNAVAILABLE', path: '/proc/gdx-nope/data' });
    expect(line).not.toHaveProperty('err');
  });

  it('a port already taken: one fatal JSON line in Chinese and English naming the port and what to do, exit 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const answer = cli(['--port', String(port), '--log-format', 'json']);
      expect(answer.status).toBe(1);
      expect(jsonLines(answer.stderr)).toEqual([expect.objectContaining({ level: 60, code: 'EADDRINUSE', exitCode: 1 })]);
      const [line] = jsonLines(answer.stderr);
      expect(line?.msg).toContain(`[EADDRINUSE] 端口已被占用（127.0.0.1:${port}）`);
      expect(line?.msg).toContain(`port already in use (127.0.0.1:${port}), perhaps by another gdx-mock still running: stop that process, or choose another --port (--port 0 picks a free one)`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('--log-format pretty keeps the text a terminal reads', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    try {
      const answer = cli(['--port', '0', '--data-dir', dir, '--log-format', 'pretty']);
      expect(answer.status).toBe(1);
      expect(answer.stderr).toMatch(/^gdx-mock: \[DATA_DIR_IN_USE\] /);
      expect(answer.stderr).toContain(join(dir, 'gdx-mock.lock'));
      const bad = cli(['--port', 'x', '--log-format=pretty']);
      expect([bad.status, bad.stderr]).toEqual([2, 'gdx-mock: --port must be 0–65535: x\n\nRun gdx-mock --help for the options and their variables.\n']);
    } finally {
      lock.release();
    }
  });

  it('--log-format json: a warning of the start is a JSON line at warn on stderr, not text', async () => {
    const lastYear = Math.max(...WorkingCalendar.official().years());
    const child = spawn(process.execPath, [CLI, '--port', '0', '--log-format', 'json', '--start-at', `${lastYear}-12-20T10:00:00+08:00`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout.resume();
    try {
      await expect.poll(() => err, { timeout: 20_000 }).toContain('\n');
      expect(jsonLines(err)).toEqual([expect.objectContaining({ level: 40, msg: expect.stringContaining(`the clock (${lastYear}-12-20) is 12 days before the end of ${lastYear}`) })]);
    } finally {
      child.kill('SIGKILL');
      await killed(child);
    }
  });
});
