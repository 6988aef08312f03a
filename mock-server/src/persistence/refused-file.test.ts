import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RefusedEntriesUnavailableError, type RefusedEntry } from './refused-entry.js';
import { keepRefusedFile, readRefusedFile, REFUSED_FILE } from './refused-file.js';

const refused = (seq: number): RefusedEntry => ({
  seq,
  sandbox: 'default',
  refusedAt: '2026-12-06T01:00:00.000Z',
  refusedBy: '0.2.0',
  acknowledgedAt: '2026-12-05T09:00:00.000Z',
  answered: 201,
  replayStatus: 400,
  problem: { code: 'VALIDATION_FAILED' },
  entry: { seq, kind: 'command', at: Date.parse('2026-12-05T09:00:00Z'), method: 'POST', path: '/notes/v1/notes', query: '', body: '{}', status: 201 },
});

describe('the refused-entries file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdx-refused-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is absent until an entry is kept; appends each entry once, in order, one JSON line each', () => {
    const dir = tempDir();
    expect(readRefusedFile(dir)).toMatchObject({ count: 0, damagedLines: [], location: join(dir, REFUSED_FILE) });
    expect(keepRefusedFile(dir, [refused(3), refused(3)]).count).toBe(1);
    expect(keepRefusedFile(dir, [refused(3), refused(7)]).count).toBe(2);
    expect(readFileSync(join(dir, REFUSED_FILE), 'utf8')).toBe(`${JSON.stringify(refused(3))}\n${JSON.stringify(refused(7))}\n`);
  });

  it('tells apart an entry refused again from another one that took its number after a repair (another time)', () => {
    const dir = tempDir();
    keepRefusedFile(dir, [refused(3)]);
    const renumbered = { ...refused(3), entry: { ...refused(3).entry, at: Date.parse('2026-12-07T09:00:00Z') } };
    expect(keepRefusedFile(dir, [renumbered]).count).toBe(2);
  });

  it.each([
    { given: 'a line that is not JSON', text: 'oops\n', damagedLines: [1] },
    { given: 'a record whose entry has another number', text: `${JSON.stringify({ ...refused(4), seq: 5 })}\n`, damagedLines: [1] },
    { given: 'a record without its entry', text: `${JSON.stringify({ seq: 4 })}\n`, damagedLines: [1] },
    { given: 'blank lines', text: '\n\n', damagedLines: [] },
    { given: 'a last line cut off before its newline', text: `${JSON.stringify(refused(4))}\n{"seq":5,"sand`, damagedLines: [2] },
  ])('skips $given and keeps what follows on a line of its own', ({ text, damagedLines }) => {
    const dir = tempDir();
    writeFileSync(join(dir, REFUSED_FILE), text);
    const before = readRefusedFile(dir);
    expect(before.damagedLines).toEqual(damagedLines);
    const after = keepRefusedFile(dir, [refused(9)]);
    expect(after.count).toBe(before.count + 1);
    const written = readFileSync(join(dir, REFUSED_FILE), 'utf8');
    expect(written.startsWith(text)).toBe(true);
    expect(written.split('\n').at(-2)).toBe(JSON.stringify(refused(9)));
    expect(readRefusedFile(dir).damagedLines).toEqual(damagedLines);
  });

  it('reads past a byte-order mark at the start of the file (saved from an editor): its first line is an entry, not damaged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, REFUSED_FILE), `\uFEFF${JSON.stringify(refused(4))}\n`);
    expect(readRefusedFile(dir)).toMatchObject({ count: 1, damagedLines: [] });
    // The mark is left where it is, and the entry it precedes is not kept a second time.
    expect(keepRefusedFile(dir, [refused(4), refused(9)]).count).toBe(2);
    expect(readFileSync(join(dir, REFUSED_FILE), 'utf8')).toBe(`\uFEFF${JSON.stringify(refused(4))}\n${JSON.stringify(refused(9))}\n`);
  });

  it('throws RefusedEntriesUnavailableError naming the file and the entries when it cannot write them', () => {
    const dir = join(tempDir(), 'gone');
    const attempt = () => keepRefusedFile(dir, [refused(3), refused(4)]);
    expect(attempt).toThrow(RefusedEntriesUnavailableError);
    expect(attempt).toThrow(`could not keep journal entries 3, 4 (acknowledged once, refused at replay) in ${join(dir, REFUSED_FILE)}: ENOENT`);
  });

  it('names the entries it could not keep when the file cannot be read while keeping them', () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, REFUSED_FILE));
    expect(() => keepRefusedFile(dir, [refused(3)])).toThrow(`could not keep journal entry 3 (acknowledged once, refused at replay) in ${join(dir, REFUSED_FILE)}: it is not a regular file. Nothing was dropped: the journal still holds this entry`);
  });

  it('refuses to read what is not a regular file (a device would never end)', () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, REFUSED_FILE));
    expect(() => readRefusedFile(dir)).toThrow(`[REPLAY_REFUSED_NOT_KEPT] 重放时被拒的已确认请求无法保存，未写入快照 / could not read ${join(dir, REFUSED_FILE)}: it is not a regular file`);
  });
});
