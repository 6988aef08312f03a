import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/spawn-cli.js';

describe('a data directory that cannot be created', () => {
  // mkdir under /proc answers ENOENT although /proc exists: Node 20's recursive mkdir retried it forever.
  it.runIf(existsSync('/proc/self'))('--data-dir /proc/… exits 1 at once, naming the directory, in Chinese and English', () => {
    const answer = spawnSync(process.execPath, [CLI, '--data-dir', '/proc/gdx-nope/data', '--port', '0'], { encoding: 'utf8', timeout: 15_000 });
    expect(answer.status).toBe(1);
    expect(answer.stderr).toMatch(/^gdx-mock: \[DATA_DIR_UNAVAILABLE\] 无法创建数据目录 \/ cannot create the data directory \/proc\/gdx-nope\/data: /);
    expect(answer.stderr).not.toMatch(/\n\s+at /);
  });
});
