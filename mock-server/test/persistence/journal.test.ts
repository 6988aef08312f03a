import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, loadPersisted } from '../../src/persistence/journal.js';

const entry = (n: number) => ({ at: n, method: 'POST', path: `/p/${n}`, query: '', status: 201 });

describe('journal', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'gdx-journal-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('reads back what was made durable, in order', async () => {
    const d = dir();
    const journal = new Journal(d, 0, { compactEvery: 1000, snapshot: () => ({}) });
    await Promise.all([1, 2, 3].map((n) => journal.append(entry(n)).durable));
    await journal.close();
    expect(loadPersisted(d).entries.map((e) => [e.seq, 'path' in e ? e.path : e.kind])).toEqual([[1, '/p/1'], [2, '/p/2'], [3, '/p/3']]);
  });

  it('ignores and cuts off a torn last line', async () => {
    const d = dir();
    const journal = new Journal(d, 0, { compactEvery: 1000, snapshot: () => ({}) });
    await journal.append(entry(1)).durable;
    await journal.close();
    appendFileSync(join(d, 'journal.ndjson'), '{"seq":2,"at":2,"meth');
    expect(loadPersisted(d).entries.map((e) => e.seq)).toEqual([1]);
    expect(readFileSync(join(d, 'journal.ndjson'), 'utf8').endsWith('}\n')).toBe(true);
    const next = new Journal(d, 1, { compactEvery: 1000, snapshot: () => ({}) });
    await next.append(entry(2)).durable;
    await next.close();
    expect(loadPersisted(d).entries.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('compacts into a snapshot and skips entries the snapshot covers', async () => {
    const d = dir();
    let state = 0;
    const journal = new Journal(d, 0, { compactEvery: 2, snapshot: () => ({ state }) });
    for (let n = 1; n <= 5; n += 1) {
      state = n;
      await journal.append(entry(n)).durable;
    }
    await journal.close();
    const loaded = loadPersisted<{ state: number }>(d);
    expect(loaded.snapshot?.lastSeq).toBe(4);
    expect(loaded.snapshot?.state).toEqual({ state: 4 });
    expect(loaded.entries.map((e) => e.seq)).toEqual([5]);
  });

  it('skips journal lines older than the snapshot', () => {
    const d = dir();
    writeFileSync(join(d, 'snapshot.json'), JSON.stringify({ lastSeq: 2, state: {} }));
    writeFileSync(join(d, 'journal.ndjson'), [1, 2, 3].map((n) => JSON.stringify({ seq: n, ...entry(n) })).join('\n') + '\n');
    expect(loadPersisted(d).entries.map((e) => e.seq)).toEqual([3]);
  });
});
