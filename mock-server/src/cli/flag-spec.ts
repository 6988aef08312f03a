import { parseArgs } from 'node:util';
import { closestName } from '../app/did-you-mean.js';

/** How a flag takes its value: a string, a repeatable string (a comma-separated variable), or on/off. */
export type FlagKind = 'string' | 'list' | 'boolean';

/**
 * One command-line flag. A table of these drives the parsing (flags and their environment
 * variables) and the `--help` text, so the two cannot drift apart.
 *
 * @example
 * ```ts
 * const port: FlagSpec = { name: 'port', kind: 'string', value: '<n>', help: ['port to listen on (default 4010)'] };
 * ```
 */
export interface FlagSpec {
  /** The long name without dashes: `data-dir`. */
  readonly name: string;
  readonly kind: FlagKind;
  /** A one-letter alias: `h` for `-h`. */
  readonly short?: string;
  /** The value's placeholder in `--help`: `<dir>`. */
  readonly value?: string;
  /** The `--help` description, one string per line (wrapped by hand to ~70 columns). */
  readonly help: readonly string[];
  /** False for flags that only make sense typed (`--help`, `--version`); default true. */
  readonly env?: boolean;
  /**
   * The flag a bare argument most likely meant (`gdx-mock repair ./data` for `--data-dir ./data`):
   * the refusal of the bare argument names it. One flag of a table at most.
   */
  readonly bareArgument?: true;
}

/** A value and where it came from (`--port` or `GDX_MOCK_PORT`), so an error names what to fix. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: string;
}

/** The values of a command line and its environment, the flag winning over its variable. */
export interface FlagValues {
  string(name: string): Sourced<string> | undefined;
  list(name: string): Sourced<readonly string[]> | undefined;
  boolean(name: string): boolean;
}

/**
 * The flags of another command of the same program (the server's, for `gdx-mock repair`): one of
 * them given to this command is named as that command's, not as an unknown option.
 */
export interface OtherCommandFlags {
  readonly table: readonly FlagSpec[];
  /** That command as a message names it: `the server (gdx-mock)`, `服务（gdx-mock）`. */
  readonly owner: { readonly en: string; readonly zh: string };
  /** This command: `gdx-mock repair`. */
  readonly command: string;
}

/** A usage mistake, with a message naming the flag or variable at fault. */
export class FlagError extends Error {
  override readonly name = 'FlagError';
}

/**
 * The environment variable of a flag: `envVariable('GDX_MOCK_', 'data-dir')` is `GDX_MOCK_DATA_DIR`.
 *
 * @example
 * ```ts
 * envVariable('GDX_MOCK_', 'compact-every'); // 'GDX_MOCK_COMPACT_EVERY'
 * ```
 */
export function envVariable(prefix: string, name: string): string {
  return `${prefix}${name.toUpperCase().replace(/-/g, '_')}`;
}

const TRUE = new Set(['1', 'true']);
const FALSE = new Set(['0', 'false']);

/**
 * Reads `argv` and `env` against a flag table. A flag given on the command line wins over its
 * variable (for a repeatable flag, the variable's whole list is then ignored, not merged); an
 * empty variable counts as unset. Lists are comma-separated in a variable, booleans `1/true/0/false`.
 * Throws a `FlagError` naming the flag (unknown option, missing value) or the variable (bad boolean).
 * A flag that takes a value is never given the next option as its value, but a negative number is
 * (`--port -1` is `--port=-1`). A flag of `other` (another command's) is refused as that command's.
 *
 * @example
 * ```ts
 * const values = readFlags(table, ['--port', '0'], { GDX_MOCK_SEED: '7' }, 'GDX_MOCK_');
 * values.string('seed'); // { value: '7', source: 'GDX_MOCK_SEED' }
 * ```
 */
export function readFlags(table: readonly FlagSpec[], argv: readonly string[], env: Readonly<Record<string, string | undefined>>, prefix: string, other?: OtherCommandFlags): FlagValues {
  const options = Object.fromEntries(
    table.map((flag) => [flag.name, { type: flag.kind === 'boolean' ? ('boolean' as const) : ('string' as const), multiple: flag.kind === 'list', ...(flag.short ? { short: flag.short } : {}) }]),
  );
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  const args = withValuesChecked(table, argv);
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options }));
  } catch (error) {
    throw new FlagError(error instanceof Error ? `${error.message}${unknownOptionHint(error, table, other)}${bareArgumentHint(error, table)}` : String(error));
  }
  const merged = new Map<string, Sourced<string | readonly string[] | boolean>>();
  for (const flag of table) {
    const given = values[flag.name];
    if (given !== undefined) {
      merged.set(flag.name, { value: given as string | string[] | boolean, source: `--${flag.name}` });
      continue;
    }
    if (flag.env === false) continue;
    const variable = envVariable(prefix, flag.name);
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    merged.set(flag.name, { value: fromVariable(flag.kind, variable, raw), source: variable });
  }
  return {
    string: (name) => merged.get(name) as Sourced<string> | undefined,
    list: (name) => merged.get(name) as Sourced<readonly string[]> | undefined,
    boolean: (name) => merged.get(name)?.value === true,
  };
}

/**
 * `argv` with each flag that takes a value checked to have one: a `FlagError` naming the flag and
 * its value's placeholder when it ends the line or another option follows it (`--data-dir --port
 * 4010`), where parseArgs' own text ("argument is ambiguous") says neither. A negative number after
 * it (`--port -1`) is its value, passed on as `--port=-1`, so the flag's own check refuses it as
 * it refuses any other bad value.
 */
function withValuesChecked(table: readonly FlagSpec[], argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    const flag = table.find((spec) => arg === `--${spec.name}` || (spec.short !== undefined && arg === `-${spec.short}`));
    const next = argv[index + 1];
    // As parseArgs: a lone `-` is a value (stdin, by convention), not an option.
    if (flag === undefined || flag.kind === 'boolean' || (next !== undefined && !(next.length > 1 && next.startsWith('-')))) {
      args.push(arg);
      continue;
    }
    if (next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      index += 1;
      continue;
    }
    const what = flag.value ?? '<value>';
    const after = next === undefined ? '' : ` (${next} follows it; write ${arg}=${next} if that is the value)`;
    const afterZh = next === undefined ? '' : `（其后是 ${next}；若它就是取值，请写作 ${arg}=${next}）`;
    throw new FlagError(`${arg} takes a value ${what} and none was given${after} / ${arg} 需要一个取值 ${what}，但未给出${afterZh}`);
  }
  return args;
}

/**
 * When `error` is parseArgs' unknown option: ` (did you mean --port?)` when a flag of `table` is
 * that close to it, or, for a flag of `other`, that it is that command's and this one does not take
 * it (`--port` given to `gdx-mock repair`); else ''.
 */
function unknownOptionHint(error: Error, table: readonly FlagSpec[], other: OtherCommandFlags | undefined): string {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return '';
  const given = /^Unknown option '--([^'=]+)'/.exec(error.message)?.[1];
  if (given === undefined) return '';
  if (other?.table.some((flag) => flag.name === given)) {
    return `: --${given} is a flag of ${other.owner.en}, which ${other.command} does not take / --${given} 是${other.owner.zh}的参数，${other.command} 不接受此参数`;
  }
  const dashed = given.replace(/_/g, '-');
  const names = table.map((f) => f.name);
  const flag = names.includes(dashed) ? dashed : closestName(dashed, names);
  return flag === undefined ? '' : ` (did you mean --${flag}?)`;
}

/** For parseArgs' refusal of a bare argument, the flag it most likely meant (`bareArgument`), with the argument as its value. */
function bareArgumentHint(error: Error, table: readonly FlagSpec[]): string {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return '';
  const given = /^Unexpected argument '(.*)'\. /.exec(error.message)?.[1];
  const flag = table.find((spec) => spec.bareArgument);
  if (given === undefined || flag === undefined) return '';
  return ` (did you mean --${flag.name} ${given}? / 是否应为 --${flag.name} ${given}？)`;
}

/**
 * Warnings for the variables of `env` under `prefix` that no flag of `table` reads but that are
 * within a slip of one that does (`GDX_MOCK_DATADIR` for `GDX_MOCK_DATA_DIR`): such a variable is
 * silently ignored otherwise, and a misspelt data directory leaves the state in memory. Variables
 * not close to any (`GDX_MOCK_URL`, read by the clients of a mock) are left alone.
 *
 * @example
 * ```ts
 * unreadVariableWarnings(table, { GDX_MOCK_PROT: '4010' }, 'GDX_MOCK_'); // ['GDX_MOCK_PROT is not read by gdx-mock: did you mean GDX_MOCK_PORT? / …']
 * ```
 */
export function unreadVariableWarnings(table: readonly FlagSpec[], env: Readonly<Record<string, string | undefined>>, prefix: string): string[] {
  const read = table.filter((flag) => flag.env !== false).map((flag) => envVariable(prefix, flag.name));
  const warnings: string[] = [];
  for (const variable of Object.keys(env)) {
    if (!variable.startsWith(prefix) || read.includes(variable)) continue;
    const meant = closestName(variable.slice(prefix.length), read.map((name) => name.slice(prefix.length)));
    if (meant === undefined) continue;
    warnings.push(`${variable} is not read by gdx-mock: did you mean ${prefix}${meant}? / gdx-mock 不读取环境变量 ${variable}，是否应为 ${prefix}${meant}？`);
  }
  return warnings;
}

function fromVariable(kind: FlagKind, variable: string, raw: string): string | readonly string[] | boolean {
  if (kind === 'list') return raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (kind === 'string') return raw;
  const word = raw.trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  throw new FlagError(`${variable} must be 1, true, 0 or false: ${raw}`);
}

/**
 * A whole number from a flag or variable, within `min`…`max`; the error names its source.
 *
 * @example
 * ```ts
 * readInteger({ value: '0', source: 'GDX_MOCK_COMPACT_EVERY' }, 1); // throws "GDX_MOCK_COMPACT_EVERY must be a positive integer: 0"
 * ```
 */
export function readInteger(given: Sourced<string> | undefined, min: 0 | 1, max?: number): number | undefined {
  if (given === undefined) return undefined;
  const n = /^\d+$/.test(given.value) ? Number(given.value) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max)) return n;
  const wanted = max !== undefined ? `${min}–${max}` : min === 1 ? 'a positive integer' : 'a non-negative integer';
  throw new FlagError(`${given.source} must be ${wanted}: ${given.value}`);
}

/**
 * A flag that sets one numeric option: its row of the flag table (`name`, `value`, `help`), the
 * option it sets and the whole numbers it takes (`min`, and `max` when bounded).
 */
export interface IntegerOptionFlag<K extends string> {
  readonly name: string;
  readonly option: K;
  readonly value: string;
  readonly help: readonly string[];
  readonly min: 0 | 1;
  readonly max?: number;
}

/**
 * The flag table rows of a group of numeric-option flags (`kind: 'string'`, read by `readIntegerOptions`).
 *
 * @example
 * ```ts
 * integerOptionSpecs([{ name: 'quota-objects', option: 'objects', value: '<n>', help: ['…'], min: 1 }]); // [{ name: 'quota-objects', kind: 'string', value: '<n>', help: ['…'] }]
 * ```
 */
export function integerOptionSpecs(flags: readonly IntegerOptionFlag<string>[]): FlagSpec[] {
  return flags.map(({ name, value, help }) => ({ name, kind: 'string', value, help }));
}

/**
 * The options a group of numeric-option flags sets (only those given, flag or variable), each
 * checked by `readInteger`: throws a `FlagError` naming the flag or variable of the first bad one.
 *
 * @example
 * ```ts
 * readIntegerOptions(values, QUOTA_FLAGS); // { objects: 10000 } for --quota-objects 10000
 * ```
 */
export function readIntegerOptions<K extends string>(values: FlagValues, flags: readonly IntegerOptionFlag<K>[]): Partial<Record<K, number>> {
  const options: Partial<Record<K, number>> = {};
  for (const { name, option, min, max } of flags) {
    const n = readInteger(values.string(name), min, max);
    if (n !== undefined) options[option] = n;
  }
  return options;
}

const COLUMN = 30;
const WIDTH = 100;

/**
 * The options part of a `--help` text: each flag with its description and, where it has one, its
 * variable as `[$GDX_MOCK_PORT]` (the convention of urfave/cli and others).
 *
 * @example
 * ```ts
 * renderOptions(table, 'GDX_MOCK_'); // '  --port <n>                  port to listen on (default 4010) [$GDX_MOCK_PORT]\n…'
 * ```
 */
export function renderOptions(table: readonly FlagSpec[], prefix: string): string {
  const lines: string[] = [];
  for (const flag of table) {
    const head = `  ${flag.short ? `-${flag.short}, ` : ''}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    const help = [...flag.help];
    if (flag.env !== false) {
      const tag = `[$${envVariable(prefix, flag.name)}]`;
      const last = help.length - 1;
      if (COLUMN + (help[last]?.length ?? 0) + 1 + tag.length <= WIDTH) help[last] = `${help[last]} ${tag}`;
      else help.push(tag);
    }
    const first = help.shift() ?? '';
    if (head.length < COLUMN) lines.push(`${head.padEnd(COLUMN)}${first}`);
    else lines.push(head, `${' '.repeat(COLUMN)}${first}`);
    for (const more of help) lines.push(`${' '.repeat(COLUMN)}${more}`);
  }
  return `${lines.join('\n')}\n`;
}
