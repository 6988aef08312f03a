// The flags table of the README ("Run the standalone server") against the one table that `gdx-mock`
// parses and prints in --help (MOCK_FLAGS): a flag added to the CLI but not documented, a row left
// for a removed flag, or a wrong variable name fails here.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { envVariable } from '../../src/cli/flag-spec.js';
import { ENV_PREFIX, MOCK_FLAGS } from '../../src/cli/mock-flags.js';

const README = new URL('../../README.md', import.meta.url);

/** A row of the table: the flags of its first cell (`-h`, `--help`) and its variable cell. */
interface FlagRow {
  readonly flags: readonly string[];
  readonly variable: string;
}

/** The rows of the first table after `## Run the standalone server`, up to the next heading. */
function flagRows(markdown: string): FlagRow[] {
  const start = markdown.indexOf('\n## Run the standalone server\n');
  if (start < 0) throw new Error('the README has no "## Run the standalone server" section');
  const end = markdown.indexOf('\n#', start + 1);
  const rows = markdown
    .slice(start, end)
    .split('\n')
    .filter((line) => /^\| `-/.test(line));
  return rows.map((line) => {
    // Split on the cell borders only: `\|` inside a cell (`<name\|file>`) is not one.
    const [flagCell = '', variableCell = ''] = line.slice(1).split(/(?<!\\)\|/);
    return {
      flags: [...flagCell.matchAll(/`(--?[a-z-]+)/g)].map((m) => m[1] ?? ''),
      variable: variableCell.trim().replace(/`/g, ''),
    };
  });
}

describe('mock-server README: the flags table', () => {
  it('has one row per flag of gdx-mock (and no other), each with the variable the CLI reads', async () => {
    const documented = flagRows(await readFile(README, 'utf8'));
    const expected = MOCK_FLAGS.map((flag) => ({
      flags: [...(flag.short ? [`-${flag.short}`] : []), `--${flag.name}`],
      variable: flag.env === false ? '' : envVariable(ENV_PREFIX, flag.name),
    }));
    const byFlags = (a: FlagRow, b: FlagRow) => a.flags.join(' ').localeCompare(b.flags.join(' '));
    expect(documented.sort(byFlags)).toEqual(expected.sort(byFlags));
  });
});
