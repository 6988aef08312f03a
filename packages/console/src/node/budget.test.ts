import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureScripts } from './budget.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A built console directory: `index.html` and the given `assets/` files. */
function built(index: string, assets: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'gdx-console-budget-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), index);
  for (const [name, code] of Object.entries(assets)) writeFileSync(join(dir, 'assets', name), code);
  return dir;
}

describe('measureScripts', () => {
  it("counts the scripts the page loads and their chunks, not a stale build's files left beside them", () => {
    const root = built('<script type="module" src="/_console/assets/index-new.js"></script>', {
      'index-new.js': 'import("./chunk-lazy.js");console.log("new")',
      'chunk-lazy.js': 'export const lazy = 1;',
      'index-old.js': 'console.log("a stale build of the same entry")'.repeat(50),
    });
    const size = measureScripts(root);
    expect(size.files).toEqual(['assets/chunk-lazy.js', 'assets/index-new.js']);
    expect(size.rawBytes).toBe('import("./chunk-lazy.js");console.log("new")'.length + 'export const lazy = 1;'.length);
  });
});
