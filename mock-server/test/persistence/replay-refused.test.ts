import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HealthSchema } from '@gdx/simulation/schemas';
import { describe, expect, it } from 'vitest';
import { openDataDir } from '../../src/persistence/data-dir.js';
import type { CommandEntry } from '../../src/persistence/journal-entry.js';
// The error through the package's entry, as a user catches it.
import { RefusedEntriesUnavailableError } from '../../src/index.js';
import type { RefusedEntry } from '../../src/persistence/refused-entry.js';
import { openSqliteStore } from '../../src/persistence/sqlite-store.js';
import { failingStore } from '../support/failing-store.js';
import { openApp, useTempDirs } from './data-dir-app.js';

const REFUSED_FILE = 'replay-refused.jsonl';
const AT = Date.parse('2026-12-05T09:00:00Z');

/**
 * Appends to a closed data directory's journal an entry an older mock answered 201 and this one
 * refuses at replay (here: a sandbox id it never took), and answers the entry.
 */
function journalRefusable(dataDir: string, fields: Partial<CommandEntry> = {}): CommandEntry {
  const store = openDataDir(dataDir);
  const entry: CommandEntry = { seq: store.lastSeq + 1, kind: 'command', at: AT, method: 'POST', path: '/_sim/v1/sandboxes', query: '', contentType: 'application/json', body: '{"id":"not an id!"}', status: 201, ...fields };
  store.append([entry]);
  store.close();
  return entry;
}

/** A data directory with one sandbox besides `default` (`sbx_kept`) in its snapshot, closed. */
async function dirWithSandbox(dataDir: string): Promise<void> {
  const first = openApp(dataDir);
  expect((await first.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_kept', profile: 'national' } })).status).toBe(201);
  await first.app.close();
}

/** The lines of the refused-entries file, parsed. */
function keptLines(dataDir: string): RefusedEntry[] {
  return readFileSync(join(dataDir, REFUSED_FILE), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as RefusedEntry);
}

/** Collects what an app logs. */
function logSink(): { lines: string[]; logError: (message: string, error: unknown) => void } {
  const lines: string[] = [];
  return { lines, logError: (message, error) => lines.push(`${message}${error === undefined ? '' : ` ${error instanceof Error ? error.message : String(error)}`}`) };
}

describe('a journal entry acknowledged once and refused at replay', () => {
  const tempDir = useTempDirs();

  it('is kept in replay-refused.jsonl (number, sandbox, request, problem, when), named in the log and counted by health; the start goes on', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const entry = journalRefusable(dataDir);

    const log = logSink();
    const wall = Date.parse('2026-12-06T01:00:00Z');
    const second = openApp(dataDir, { logError: log.logError, now: () => wall });
    const location = join(dataDir, REFUSED_FILE);
    expect(log.lines.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([
      expect.stringContaining(`journal entry ${entry.seq} (POST /_sim/v1/sandboxes) was answered 201, its replay 400: what it did is not in the rebuilt state; the entry is kept in ${location}`),
    ]);
    expect(keptLines(dataDir)).toEqual([
      {
        seq: entry.seq,
        sandbox: null,
        refusedAt: '2026-12-06T01:00:00.000Z',
        refusedBy: expect.stringMatching(/^\d+\.\d+\.\d+/),
        acknowledgedAt: '2026-12-05T09:00:00.000Z',
        answered: 201,
        replayStatus: 400,
        problem: expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400, errors: expect.arrayContaining([expect.objectContaining({ pointer: '/id', code: 'PATTERN' })]) }),
        entry,
      },
    ]);
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_kept')).status).toBe(200);
    const health = HealthSchema.parse((await second.call('GET', '/_sim/v1/health')).body);
    expect(health.storage.replayRefused).toEqual({ count: 1, location, notKept: 0 });
    expect(health.status).toBe('ok');
    await second.app.close();
  });

  it('stays kept after the snapshot that no longer replays it: a restart still counts it and adds nothing; a later refusal is appended', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const first = journalRefusable(dataDir);
    // Closing writes a snapshot after the refused entry: the next start no longer replays it.
    await openApp(dataDir, { logError: () => undefined }).app.close();
    const kept = readFileSync(join(dataDir, REFUSED_FILE), 'utf8');

    const log = logSink();
    const third = openApp(dataDir, { logError: log.logError });
    expect(third.app.storage.entriesSinceSnapshot).toBe(0);
    expect(log.lines.filter((m) => m.includes('REPLAY_REFUSED'))).toEqual([]);
    expect((await third.call('GET', '/_sim/v1/health')).body.storage.replayRefused).toEqual({ count: 1, location: join(dataDir, REFUSED_FILE), notKept: 0 });
    await third.app.close();
    expect(readFileSync(join(dataDir, REFUSED_FILE), 'utf8')).toBe(kept);

    const second = journalRefusable(dataDir, { body: '{"id":"also not an id"}' });
    const fourth = openApp(dataDir, { logError: () => undefined });
    expect(keptLines(dataDir).map((line) => line.seq)).toEqual([first.seq, second.seq]);
    expect(readFileSync(join(dataDir, REFUSED_FILE), 'utf8').startsWith(kept)).toBe(true);
    expect(fourth.app.storage.replayRefused.count).toBe(2);
    await fourth.app.close();
  });

  it('is kept once when a start replays it again (the snapshot after it was never written)', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    journalRefusable(dataDir);
    // The snapshot at close fails (a full disk): the journal still holds the entry.
    const { store, control } = failingStore(openSqliteStore(dataDir));
    const second = openApp(dataDir, { store, logError: () => undefined });
    control.failing = true;
    await second.app.close();

    const log = logSink();
    const third = openApp(dataDir, { logError: log.logError });
    expect(third.app.storage.entriesSinceSnapshot).toBe(1);
    expect(log.lines.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toHaveLength(1);
    expect(keptLines(dataDir)).toHaveLength(1);
    expect(third.app.storage.replayRefused.count).toBe(1);
    await third.app.close();
  });

  it('of a sandbox restored after the start is kept when it is restored', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const entry = journalRefusable(dataDir, { path: '/_sim/v1/sandboxes/sbx_kept/clock/advance', body: '{"duration":"forever"}', status: 200 });

    const second = openApp(dataDir, { logError: () => undefined });
    // The start has not replayed it: it says a sandbox with entries to replay may add refusals.
    expect(second.app.storage).toMatchObject({ restoring: 1, replaysWaiting: 1, replayRefused: { count: 0 } });
    // Its first request restores it (and replays its entries) before it is answered.
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_kept')).status).toBe(200);
    expect(keptLines(dataDir)).toEqual([expect.objectContaining({ seq: entry.seq, sandbox: 'sbx_kept', answered: 200, replayStatus: 400, entry })]);
    expect(second.app.storage).toMatchObject({ restoring: 0, replaysWaiting: 0 });
    expect((await second.call('GET', '/_sim/v1/health')).body.storage.replayRefused.count).toBe(1);
    await second.app.close();
    // Closed with a snapshot: a sandbox restored later has nothing to replay, so nothing to add.
    const third = openApp(dataDir, { logError: () => undefined });
    expect(third.app.storage).toMatchObject({ restoring: 1, replaysWaiting: 0, replayRefused: { count: 1 } });
    await third.app.close();
  });

  it('a damaged line in the file does not stop a start: it is skipped, named in the log, left as it is, and the next entry starts on a line of its own', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const first = journalRefusable(dataDir);
    await openApp(dataDir, { logError: () => undefined }).app.close();
    // A line edited by hand, and a last line cut off by a crash before its newline.
    const path = join(dataDir, REFUSED_FILE);
    appendFileSync(path, 'not json\n{"seq":99,"sandbox":nu');
    const damaged = readFileSync(path, 'utf8');
    const second = journalRefusable(dataDir, { body: '{"id":"also not an id"}' });

    const log = logSink();
    const app = openApp(dataDir, { logError: log.logError });
    expect(log.lines).toContainEqual(`[REPLAY_REFUSED] ${path}: lines 2, 3 cannot be read as refused entries; skipped, and left in the file as they are`);
    expect(readFileSync(path, 'utf8').startsWith(`${damaged}\n`)).toBe(true);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(JSON.parse(lines[3]!)).toMatchObject({ seq: second.seq });
    expect(JSON.parse(lines[0]!)).toMatchObject({ seq: first.seq });
    expect((await app.call('GET', '/_sim/v1/health')).body.storage.replayRefused.count).toBe(2);
    await app.app.close();
  });

  it('a byte-order mark at the start of the file (saved from an editor) is not a damaged line: the entry after it is counted, and not kept twice', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const entry = journalRefusable(dataDir);
    const path = join(dataDir, REFUSED_FILE);
    // The entry is kept, then the file saved again from an editor that writes a BOM; the journal still holds the entry.
    const { store, control } = failingStore(openSqliteStore(dataDir));
    const first = openApp(dataDir, { store, logError: () => undefined });
    control.failing = true;
    await first.app.close();
    writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`);

    const log = logSink();
    const app = openApp(dataDir, { logError: log.logError });
    expect(log.lines.filter((m) => m.includes('cannot be read as refused entries'))).toEqual([]);
    expect((await app.call('GET', '/_sim/v1/health')).body.storage.replayRefused).toMatchObject({ count: 1 });
    expect(readFileSync(path, 'utf8').split('\n').filter((line) => line !== '')).toEqual([expect.stringMatching(new RegExp(`^\uFEFF\\{"seq":${entry.seq},`))]);
    await app.app.close();
  });

  it('a file that cannot be read (a directory in its place) stops the start, naming it; nothing is dropped, and the next start keeps the entry', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const entry = journalRefusable(dataDir);
    // A directory where the file belongs (refused to root too, unlike a read-only file).
    const path = join(dataDir, REFUSED_FILE);
    mkdirSync(path);
    let thrown: unknown;
    try {
      openApp(dataDir, { logError: () => undefined });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RefusedEntriesUnavailableError);
    expect(thrown).toMatchObject({ code: 'REPLAY_REFUSED_NOT_KEPT', location: path });
    expect((thrown as Error).message).toContain(`could not read ${path}: it is not a regular file.`);
    // The entries a snapshot covers are in the file alone: the journal does not hold "every entry".
    expect((thrown as Error).message).toContain('the file is left as it is (the entries a snapshot already covers are kept only there), and the journal still holds the entries after the newest snapshot');
    expect((thrown as Error).message).not.toContain('every entry');

    rmSync(path, { recursive: true });
    writeFileSync(path, '');
    // The store is as it was: the entry is replayed (and refused) again.
    const app = openApp(dataDir, { logError: () => undefined });
    expect(keptLines(dataDir)).toEqual([expect.objectContaining({ seq: entry.seq })]);
    await app.app.close();
  });

  it('a full disk while keeping it stops the start (code REPLAY_REFUSED_NOT_KEPT) and writes no snapshot', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const entry = journalRefusable(dataDir);
    const { store, control } = failingStore(openSqliteStore(dataDir));
    control.refusedFailing = true;
    expect(() => openApp(dataDir, { store, logError: () => undefined })).toThrow(
      new RegExp(`^\\[REPLAY_REFUSED_NOT_KEPT\\] .* could not keep journal entry ${entry.seq} \\(acknowledged once, refused at replay\\) in ${join(dataDir, REFUSED_FILE)}: ENOSPC.*\\. The start stops; make the file writable \\(or free the disk\\) and start again\\.$`),
    );

    const app = openApp(dataDir, { logError: () => undefined });
    expect(app.app.storage.entriesSinceSnapshot).toBe(1);
    expect(keptLines(dataDir)).toEqual([expect.objectContaining({ seq: entry.seq })]);
    await app.app.close();
  });

  it('not kept after the start (a sandbox restored while the disk is full): logged once, worded for a running mock; health degraded with REPLAY_REFUSED_NOT_KEPT and notKept, still ready; no snapshot drops it until it is', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const entry = journalRefusable(dataDir, { path: '/_sim/v1/sandboxes/sbx_kept/clock/advance', body: '{"duration":"forever"}', status: 200 });
    const { store, control } = failingStore(openSqliteStore(dataDir));
    const log = logSink();
    const second = openApp(dataDir, { store, logError: log.logError });
    control.refusedFailing = true;
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_kept')).status).toBe(200);
    const notKept = log.lines.filter((m) => m.includes('REPLAY_REFUSED_NOT_KEPT'));
    expect(notKept).toHaveLength(1);
    expect(notKept[0]).toMatch(
      new RegExp(`^\\[REPLAY_REFUSED_NOT_KEPT\\] .* could not keep journal entry ${entry.seq} \\(acknowledged once, refused at replay\\) in .*: ENOSPC: no space left on device, write\\. Nothing was dropped: the journal still holds this entry, and no snapshot is written until it is kept\\. The mock goes on serving`),
    );
    // Said once, and nothing a running mock cannot do.
    expect(notKept[0]!.split('ENOSPC')).toHaveLength(2);
    expect(notKept[0]).not.toContain('start again');

    const health = HealthSchema.parse((await second.call('GET', '/_sim/v1/health')).body);
    expect(health).toMatchObject({ status: 'degraded', reasons: ['REPLAY_REFUSED_NOT_KEPT'], storage: { writable: true, replayRefused: { count: 0, notKept: 1 } } });
    expect((await second.call('GET', '/_sim/v1/ready')).status).toBe(200);
    // Closing would write the snapshot that stops replaying it: not while it is not kept.
    await second.app.close();
    expect(log.lines).toContainEqual(expect.stringMatching(/^\[STORAGE\] snapshot failed; the journal keeps every entry .*REPLAY_REFUSED_NOT_KEPT/));

    const third = openApp(dataDir, { logError: () => undefined });
    expect(third.app.storage.entriesSinceSnapshot).toBe(1);
    expect((await third.call('GET', '/_sim/v1/sandboxes/sbx_kept')).status).toBe(200);
    expect(keptLines(dataDir)).toEqual([expect.objectContaining({ seq: entry.seq, sandbox: 'sbx_kept' })]);
    await third.app.close();
  });

  it('not kept after the start, then the file can be written again: health keeps it at its next read (at most once a second), says ok again, and the log says so', async () => {
    const dataDir = tempDir();
    await dirWithSandbox(dataDir);
    const entry = journalRefusable(dataDir, { path: '/_sim/v1/sandboxes/sbx_kept/clock/advance', body: '{"duration":"forever"}', status: 200 });
    const { store, control } = failingStore(openSqliteStore(dataDir));
    const log = logSink();
    let wall = Date.parse('2026-12-06T01:00:00Z');
    const app = openApp(dataDir, { store, logError: log.logError, now: () => wall });
    control.refusedFailing = true;
    expect((await app.call('GET', '/_sim/v1/sandboxes/sbx_kept')).status).toBe(200);
    control.refusedFailing = false;
    // Within the second after the failure, health does not try again.
    expect((await app.call('GET', '/_sim/v1/health')).body).toMatchObject({ status: 'degraded', storage: { replayRefused: { notKept: 1 } } });
    wall += 1_000;
    const health = HealthSchema.parse((await app.call('GET', '/_sim/v1/health')).body);
    expect(health).toMatchObject({ status: 'ok', reasons: [], storage: { replayRefused: { count: 1, notKept: 0 } } });
    expect(keptLines(dataDir)).toEqual([expect.objectContaining({ seq: entry.seq, sandbox: 'sbx_kept' })]);
    expect(log.lines).toContainEqual(`[REPLAY_REFUSED] journal entry ${entry.seq} kept in ${join(dataDir, REFUSED_FILE)} after all: snapshots are written again (1 acknowledged request not in the state is kept there)`);
    // Kept: the snapshot at close may stop replaying it.
    await app.app.close();
    const next = openApp(dataDir, { logError: () => undefined });
    expect(next.app.storage.entriesSinceSnapshot).toBe(0);
    await next.app.close();
  });
});
