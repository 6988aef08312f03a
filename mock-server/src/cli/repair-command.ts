import { repairDataDir, type RepairReport } from '../persistence/repair.js';
import { FlagError, readFlags, renderOptions, type FlagSpec, type OtherCommandFlags } from './flag-spec.js';
import { ENV_PREFIX, MOCK_FLAGS } from './mock-flags.js';

/**
 * The flags of `gdx-mock repair`, read and listed in `--help` by the same table machinery as
 * `gdx-mock`'s own (`readFlags`): the same did-you-mean for a slip, the same wording for a flag
 * left without its value, the same `GDX_MOCK_DATA_DIR` for `--data-dir`.
 */
const REPAIR_FLAGS: readonly FlagSpec[] = [
  { name: 'data-dir', kind: 'string', value: '<dir>', bareArgument: true, help: ['the data directory that gdx-mock refused to start from'] },
  { name: 'dry-run', kind: 'boolean', env: false, help: ['report what would be kept and dropped; change nothing'] },
  { name: 'help', kind: 'boolean', short: 'h', env: false, help: ['show this help'] },
];

/** The server's flags: one given to `repair` (`--port`) is named as the server's, not as unknown. */
const SERVER_FLAGS: OtherCommandFlags = { table: MOCK_FLAGS, owner: { en: 'the server (gdx-mock)', zh: '服务（gdx-mock）' }, command: 'gdx-mock repair' };

/** `gdx-mock repair --help`. */
export const REPAIR_USAGE = `gdx-mock repair — keep what is intact in a damaged data directory 修复数据目录

Usage: gdx-mock repair --data-dir <dir> [--dry-run]

${renderOptions(REPAIR_FLAGS, ENV_PREFIX)}
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
    values = readFlags(REPAIR_FLAGS, argv, env, ENV_PREFIX, SERVER_FLAGS);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    printError(`gdx-mock repair: ${error.message}\n\n${REPAIR_USAGE}`);
    return 2;
  }
  if (values.boolean('help')) {
    print(REPAIR_USAGE);
    return 0;
  }
  const dir = values.string('data-dir')?.value;
  if (dir === undefined) {
    printError(`gdx-mock repair: --data-dir (or GDX_MOCK_DATA_DIR) is required\n\n${REPAIR_USAGE}`);
    return 2;
  }
  const dryRun = values.boolean('dry-run');
  try {
    print(describe(repairDataDir(dir, { dryRun }), dryRun));
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
