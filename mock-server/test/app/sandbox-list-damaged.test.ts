import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';

/** Changes one digit inside a snapshot part of the newest snapshot (its SHA-256 then no longer matches). */
function flipDigit(dataDir: string, part: number): void {
  const db = new Database(join(dataDir, 'snapshots.sqlite'));
  try {
    const where = 'seq = (SELECT max(seq) FROM snapshots) AND part = ?';
    const { json } = db.prepare(`SELECT json FROM snapshot_parts WHERE ${where}`).get(part) as { json: string };
    const at = json.search(/\d/);
    const flipped = `${json.slice(0, at)}${(Number(json[at]) + 1) % 10}${json.slice(at + 1)}`;
    db.prepare(`UPDATE snapshot_parts SET json = ? WHERE ${where}`).run(flipped, part);
  } finally {
    db.close();
  }
}

describe('GET /_sim/v1/sandboxes with one sandbox whose saved part is damaged', () => {
  const tempDir = useTempDirs();

  it('lists the others, leaves the damaged one out, and its own requests still answer 503', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    for (const id of ['sbx_a', 'sbx_b']) expect((await first.call('POST', '/_sim/v1/sandboxes', { body: { id, profile: 'national' } })).status).toBe(201);
    await first.app.close();
    // Part 0 is the registry's own state, then default, sbx_a, sbx_b.
    flipDigit(dataDir, 2);

    const { app, call } = openApp(dataDir, { logError: () => undefined });
    const list = await call('GET', '/_sim/v1/sandboxes');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, nextCursor: null });
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual(['default', 'sbx_b']);
    expect((await call('GET', '/_sim/v1/sandboxes/sbx_a')).body).toMatchObject({ status: 503, code: 'STORAGE_UNAVAILABLE' });
    // Still counted as not restored, and as one that cannot be: health is degraded, naming why.
    expect(app.storage.restoring).toBe(1);
    const health = await call('GET', '/_sim/v1/health');
    expect(health.body).toMatchObject({ status: 'degraded', reasons: ['SANDBOX_UNRESTORABLE'], storage: { restoring: 1, unrestorable: 1 } });
    // Deleting the others changes nothing of it; a healthy directory reads ok.
    expect((await call('DELETE', '/_sim/v1/sandboxes/sbx_b')).status).toBe(204);
    expect((await call('GET', '/_sim/v1/health')).body).toMatchObject({ status: 'degraded', storage: { unrestorable: 1 } });
    await app.close();
  });
});
