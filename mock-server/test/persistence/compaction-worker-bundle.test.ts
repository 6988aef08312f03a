import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The thread started for every snapshot of a data directory (at each `--compact-every` and at a
// stop) runs the build's bundle of the worker, which shares the CLI's chunks
// (scripts/bundle-cli.mjs): loading the app module by module cost each snapshot ~0.4 CPU-s more
// (issue 12). A regression would not fail any other test, as the unbundled worker compacts the
// same, only slower; the process tests (replay-refused-process, graceful-shutdown,
// crash-recovery) run this bundle end to end.
const DIST = new URL('../../dist/', import.meta.url);
const BUNDLE = fileURLToPath(new URL('compaction-worker.js', DIST));

describe('the built compaction worker', () => {
  it('imports the bundle’s chunks, Node built-ins and packages, none of the mock’s modules one by one', () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` in mock-server`).toBe(true);
    const text = readFileSync(BUNDLE, 'utf8');
    const specifiers = [...text.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["'];?$/gm), ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(specifiers).toEqual(expect.arrayContaining([expect.stringMatching(/^\.\/cli-chunks\/create-app-[\w-]+\.js$/)]));
    expect(specifiers.filter((specifier) => /^[./]/.test(specifier) && !/^\.\/cli-chunks\/[\w-]+\.js$/.test(specifier))).toEqual([]);
  });

  it('is the one the data directory’s compactor starts', () => {
    const compactor = readFileSync(fileURLToPath(new URL('persistence/background-compaction.js', DIST)), 'utf8');
    expect(compactor).toContain("new URL('../compaction-worker.js', import.meta.url)");
  });
});
