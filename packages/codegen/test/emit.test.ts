import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generate } from '../src/generate.mjs';

const fixture = fileURLToPath(new URL('./fixtures/mini.json', import.meta.url));

/** A temporary directory removed when the test ends, passed or failed. */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gdx-codegen-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('generate', () => {
  it('writes every file with the "generated — do not edit" header', async () => {
    const out = await tempDir();
    await generate({ spec: fixture, out, client: 'MiniClient' });
    const names = (await readdir(out)).sort();
    expect(names).toEqual(['api.md', 'client.ts', 'models.ts', 'operation-types.ts', 'resources.ts', 'runtime.ts', 'schemas.ts', 'types.ts']);
    for (const name of names) {
      expect((await readFile(join(out, name), 'utf8')).split('\n')[0]).toMatch(/generated — do not edit\. Source: mini\.json/);
    }
  });

  it('lists every SDK method with its route in api.md', async () => {
    const files = await generate({ spec: fixture, client: 'MiniClient' });
    for (const row of [
      '`client.applications.submit()` | `POST /applications`',
      '`client.applications.list()` | `GET /applications`',
      '`client.applications.withdraw()` | `POST /applications/{applicationId}/withdrawal`',
      '`client.sandboxes.delete()` | `DELETE /sandboxes/{sandboxId}`',
    ]) {
      expect(files['api.md']).toContain(row);
    }
  });

  it("gives a list method ListOptions (the listing's bounds) and its one-page method RequestOptions", async () => {
    const files = await generate({ spec: fixture, client: 'MiniClient' });
    expect(files['resources.ts']).toMatch(/ {2}list\(query\?: ListApplicationsQuery, options\?: ListOptions\): Paginator</);
    expect(files['resources.ts']).toMatch(/ {2}listPage\(query\?: ListApplicationsQuery, options\?: RequestOptions\): Promise</);
    expect(files['runtime.ts']).toContain('ListOptions');
  });

  it('makes baseUrl optional only when a default is given', async () => {
    const plain = await generate({ spec: fixture, client: 'MiniClient' });
    const sim = await generate({ spec: fixture, client: 'SimClient', defaultBaseUrl: 'http://127.0.0.1:4010/_sim/v1' });
    expect(plain['client.ts']).toContain('constructor(options: ClientOptions | ApiClient)');
    expect(sim['client.ts']).toContain('export const DEFAULT_BASE_URL = "http://127.0.0.1:4010/_sim/v1"');
    expect(sim['client.ts']).toContain('constructor(options: SimClientOptions | ApiClient = {})');
  });

  it('refuses a discriminator whose implicit mapping disagrees with the branch consts', async () => {
    const doc = JSON.parse(await readFile(fixture, 'utf8'));
    delete doc.components.schemas.ApplicationInput.discriminator.mapping;
    const dir = await tempDir();
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(doc));
    await expect(generate({ spec: file, client: 'MiniClient' })).rejects.toThrow(/discriminator "type" needs a mapping/);
  });

  it('names a missing bundled spec', async () => {
    await expect(generate({ spec: 'no-such-platform', client: 'X' })).rejects.toThrow(/no bundled OpenAPI document "no-such-platform"/);
  });
});
