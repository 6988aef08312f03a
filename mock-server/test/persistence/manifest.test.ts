import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, DataDirUnavailableError, type App } from '../../src/index.js';
import { runRepair } from '../../src/cli/repair-command.js';
import { startRefusal } from '../../src/cli/start-messages.js';
import { DataDirDamagedError } from '../../src/persistence/store.js';
import { useTempDirs } from './data-dir-app.js';

const OPTIONS = { seed: 3, startAt: '2025-09-26T10:00:00+08:00' } as const;
const json = { 'content-type': 'application/json' };

/** A data directory holding sandbox `kept`, closed. */
async function dirWithSandbox(dir: string): Promise<void> {
  const app = createApp({ dataDir: dir, ...OPTIONS });
  const answer = await app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes', query: '', headers: json, body: JSON.stringify({ id: 'kept', profile: 'national', seed: 1 }) });
  expect(answer.status).toBe(201);
  await app.close();
}

/** Every file of the directory with its size and modification time: what a refused start must leave as it was. */
function listing(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => `${name} ${statSync(join(dir, name)).size} ${statSync(join(dir, name)).mtimeMs}`);
}

const sandboxIds = async (app: App) =>
  (JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes', query: '', headers: {}, body: undefined })).body)) as { items: { id: string }[] }).items.map((s) => s.id).sort();

describe('gdx-data.json, the data directory manifest', () => {
  const tempDir = useTempDirs();

  it('naming a format this version does not know: the start is refused (exit 1), naming the file and the format, and nothing is changed; so is a repair', async () => {
    const dir = tempDir();
    await dirWithSandbox(dir);
    const manifest = join(dir, 'gdx-data.json');
    writeFileSync(manifest, `${JSON.stringify({ format: 'gdx-data-dir/9', store: 'store.sqlite', createdAt: '2027-01-01T00:00:00.000Z' })}\n`);
    const before = listing(dir);

    let thrown: unknown;
    try {
      createApp({ dataDir: dir, ...OPTIONS });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataDirUnavailableError);
    expect((thrown as Error).message).toContain(`${manifest} names the format "gdx-data-dir/9", which this gdx-mock does not know (it reads "gdx-data-dir/1"): a newer gdx-mock wrote this directory`);
    expect(startRefusal(thrown)).toMatchObject({ code: 'DATA_DIR_UNAVAILABLE', path: dir, exitCode: 1 });
    expect(listing(dir)).toEqual(before);

    const errors: string[] = [];
    expect(runRepair(['--data-dir', dir], () => undefined, (text) => errors.push(text))).toBe(1);
    expect(errors.join('\n')).toContain('names the format "gdx-data-dir/9"');
    expect(listing(dir)).toEqual(before);
  });

  for (const [name, content, problem] of [
    ['empty', '', 'it is empty'],
    ['garbage', '\u0000\u0000{not json', 'it is not JSON'],
    ['without a format', '{"store":"store.sqlite"}', 'it names no "format"'],
  ] as const) {
    it(`${name}: the start goes on with the store intact, warns naming the file, and writes the manifest anew`, async () => {
      const dir = tempDir();
      await dirWithSandbox(dir);
      const manifest = join(dir, 'gdx-data.json');
      writeFileSync(manifest, content);
      const logged: string[] = [];
      const app = createApp({ dataDir: dir, ...OPTIONS, logError: (message) => logged.push(message) });
      try {
        expect(logged).toEqual([`[DATA_DIR_MANIFEST] ${manifest} was unreadable (${problem}); the store beside it loaded intact, so it was written anew`]);
        expect(JSON.parse(readFileSync(manifest, 'utf8'))).toMatchObject({ format: 'gdx-data-dir/1', store: 'store.sqlite' });
        expect(await sandboxIds(app)).toEqual(['default', 'kept']);
      } finally {
        await app.close();
      }
      // Said once: the next start finds a manifest.
      const quiet: string[] = [];
      await createApp({ dataDir: dir, ...OPTIONS, logError: (message) => quiet.push(message) }).close();
      expect(quiet).toEqual([]);
    });
  }

  it('empty, with store.sqlite gone too: still says a store was here, so the start is refused and the manifest is left as it was', async () => {
    const dir = tempDir();
    await dirWithSandbox(dir);
    writeFileSync(join(dir, 'gdx-data.json'), '');
    rmSync(join(dir, 'store.sqlite'));
    const before = listing(dir);
    expect(() => createApp({ dataDir: dir, ...OPTIONS })).toThrow(DataDirDamagedError);
    expect(() => createApp({ dataDir: dir, ...OPTIONS })).toThrow('this directory held a gdx store created at an unknown time (gdx-data.json is unreadable: it is empty)');
    expect(listing(dir)).toEqual(before);
  });
});
