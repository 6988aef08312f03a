import { parseArgs } from 'node:util';
import { repairDataDir, type RepairReport } from '../persistence/repair.js';

/** `gdx-mock repair --help`. */
export const REPAIR_USAGE = `gdx-mock repair — keep what is intact in a damaged data directory 修复数据目录

Usage: gdx-mock repair --data-dir <dir> [--dry-run]

  --data-dir <dir>   the data directory that gdx-mock refused to start from
                     (default: GDX_MOCK_DATA_DIR, as gdx-mock itself reads it)
  --dry-run          report what would be kept and dropped; change nothing
  -h, --help         show this help

Keeps the newest snapshot whose checksum holds and the unbroken run of intact journal entries
after it. A missing store.sqlite is started anew after that snapshot (what it held is lost); a
missing snapshots.sqlite leaves the journal from its entry 1, as far as it is unbroken. The
repaired store replaces the old one only once it is complete; the files it replaces are kept
beside it as <file>.damaged-<time>. Stop the server first: a directory a running gdx-mock holds is
refused (DATA_DIR_IN_USE).
`;

/**
 * Runs `gdx-mock repair …` and returns the exit code: 0 when the directory is (now) intact, 1 when
 * it cannot be repaired, 2 for a usage error. Without `--data-dir`, `GDX_MOCK_DATA_DIR` of `env`
 * names the directory, so `gdx-mock repair` in a container repairs what `gdx-mock` refused.
 *
 * @example
 * ```ts
 * const code = runRepair(['--data-dir', '.gdx-data', '--dry-run'], (line) => console.log(line));
 * ```
 */
export function runRepair(
  argv: readonly string[],
  print: (text: string) => void,
  printError: (text: string) => void,
  env: Readonly<Record<string, string | undefined>> = {},
): number {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, options: { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    printError(`gdx-mock repair: ${(error as Error).message}\n\n${REPAIR_USAGE}`);
    return 2;
  }
  if (values.help) {
    print(REPAIR_USAGE);
    return 0;
  }
  const dir = values['data-dir'] ?? (env.GDX_MOCK_DATA_DIR || undefined);
  if (dir === undefined) {
    printError(`gdx-mock repair: --data-dir (or GDX_MOCK_DATA_DIR) is required\n\n${REPAIR_USAGE}`);
    return 2;
  }
  try {
    print(describe(repairDataDir(dir, { dryRun: values['dry-run'] === true }), values['dry-run'] === true));
    return 0;
  } catch (error) {
    printError(`gdx-mock repair: ${(error as Error).message}\n`);
    return 1;
  }
}

function describe(report: RepairReport, dryRun: boolean): string {
  if (report.firstDamage === undefined) return `${report.file} is intact: nothing to repair.\n`;
  const base = report.snapshotSeq === undefined ? 'no intact snapshot' : `the snapshot after entry ${report.snapshotSeq}`;
  const dropped = report.droppedEntries;
  const lines = [
    `${report.file}: first damage at ${report.firstDamage}.`,
    `${dryRun ? 'A repair would keep' : 'Kept'} ${base} and ${report.keptEntries} journal ${report.keptEntries === 1 ? 'entry' : 'entries'} after it;`,
    `${dryRun ? 'it would drop' : 'dropped'} ${dropped === undefined ? 'an unknown number of' : dropped} acknowledged ${dropped === 1 ? 'entry' : 'entries'}.`,
  ];
  if (dryRun) lines.push('Nothing was changed (--dry-run).');
  if (report.damagedCopy) lines.push(`The damaged file is kept as ${report.damagedCopy}.`);
  if (report.otherCopy) lines.push(`The ${report.damagedCopy ? 'other file' : 'file'} it replaced is kept as ${report.otherCopy}.`);
  return `${lines.join('\n')}\n`;
}
