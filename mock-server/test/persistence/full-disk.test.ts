import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killed, startChild } from '../support/spawn-cli.js';

/** Whether this process may mount a tmpfs (root on Linux, as CI runs): a real disk that fills up. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'gdx-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Fills the file system of `path` with one file, in ever smaller writes, until even a page does not fit. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4 * 1024]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // ENOSPC at this size: go on with a smaller one
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe.runIf(canMountTmpfs())('gdx-mock on a disk that fills up (a 16 MB tmpfs)', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanup.splice(0).reverse()) fn();
  });

  it('answers 503 while the disk is full and keeps nothing of it; after space is freed, writes are acknowledged again and survive kill -9', async () => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'gdx-full-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint]);
    cleanup.push(() => {
      execFileSync('umount', ['-l', mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    });
    const dataDir = join(mountPoint, 'data');
    const first = await startChild(dataDir);
    cleanup.push(() => first.child.kill('SIGKILL'));
    const organizationId: string = (await (await fetch(`${first.url}/_sim/v1/sandboxes/default`)).json()).organizations[0].id;
    const create = async (i: number): Promise<{ status: number; body: { id?: string; code?: string } }> => {
      const res = await fetch(`${first.url}/_sim/v1/sandboxes/default/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organizationId, url: `http://127.0.0.1:9/hook/${i}`, secret: 'whsec-0123456789abcdef' }),
      });
      return { status: res.status, body: await res.json() };
    };
    const listed = async (base: string): Promise<string[]> => {
      const ids: string[] = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const page = (await (await fetch(`${base}/_sim/v1/sandboxes/default/webhooks?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { items: { id: string }[]; nextCursor: string | null };
        ids.push(...page.items.map((h) => h.id));
        cursor = page.nextCursor;
      }
      return ids;
    };

    const before = await create(0);
    expect(before.status).toBe(201);
    const filler = join(mountPoint, 'filler');
    fillDisk(filler);
    let refused: Awaited<ReturnType<typeof create>> | undefined;
    for (let i = 1; i <= 200 && !refused; i += 1) {
      const answer = await create(i);
      if (answer.status !== 201) refused = answer;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.code).toBe('STORAGE_UNAVAILABLE');
    // The refused write changed nothing, and reads go on while the disk is full.
    const whileFull = await listed(first.url);
    expect(whileFull).toContain(before.body.id);
    expect((await create(999)).status).toBe(503);
    expect(await listed(first.url)).toEqual(whileFull);

    rmSync(filler);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the next write probes the store again
    const after: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const answer = await create(1_000 + i);
      expect(answer.status).toBe(201);
      after.push(answer.body.id as string);
    }
    first.child.kill('SIGKILL');
    await killed(first.child);

    const second = await startChild(dataDir);
    cleanup.push(() => second.child.kill('SIGKILL'));
    const present = await listed(second.url);
    expect(after.filter((id) => !present.includes(id))).toEqual([]);
    expect(new Set(present)).toEqual(new Set([...whileFull, ...after]));
    expect(present).toHaveLength(whileFull.length + 20);
  });
});
