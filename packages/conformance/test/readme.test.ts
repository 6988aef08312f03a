import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildChecks } from '../src/index.js';

describe('README', () => {
  it('lists every built-in check that is not generated from the documents', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const missing = buildChecks({}).filter((c) => !c.id.startsWith('CON-') && !readme.includes(`| \`${c.id}\` |`)).map((c) => c.id);
    expect(missing).toEqual([]);
  });
});
