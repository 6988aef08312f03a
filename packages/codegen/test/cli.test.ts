import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/gdx-codegen.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('gdx-codegen', () => {
  it('prints its usage for --help and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: gdx-codegen --spec/);
  });

  it('names an unknown option with its usage, without a stack trace, and exits 2', () => {
    const result = run('--sepc', 'registration');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("gdx-codegen: Unknown option '--sepc'");
    expect(result.stderr).toContain('usage: gdx-codegen');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
