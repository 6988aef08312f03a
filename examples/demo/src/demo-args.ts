/** What `npm run demo` was asked to do. */
export type DemoArgs = { kind: 'run'; keepOpen: boolean } | { kind: 'help' } | { kind: 'error'; message: string };

/** The variable that keeps the server up like `--keep-open` (for `npm run demo`, which passes no flags without `--`). */
export const KEEP_OPEN_VARIABLE = 'GDX_DEMO_KEEP_OPEN';

/** The demo's usage text. */
export const DEMO_USAGE = `Usage: npm run demo [-- --keep-open]

  --keep-open   keep the mock server (and its console) up after the demo until Ctrl-C,
                so the sandboxes can be looked at; also GDX_DEMO_KEEP_OPEN=1
  -h, --help    show this help

Without --keep-open the demo stops its server and exits (as CI runs it).
演示结束后默认停止服务器；加 --keep-open 则保持运行，按 Ctrl-C 停止。`;

const TRUE_VALUES = new Set(['1', 'true', 'yes']);
const FALSE_VALUES = new Set(['', '0', 'false', 'no']);

/**
 * Reads the demo's arguments and environment: `--keep-open` (or `GDX_DEMO_KEEP_OPEN` set to
 * `1`/`true`/`yes`) keeps the server up; `-h`/`--help` asks for the usage; anything else is an error.
 *
 * @example
 * ```ts
 * parseDemoArgs(['--keep-open'], {}); // { kind: 'run', keepOpen: true }
 * parseDemoArgs([], { GDX_DEMO_KEEP_OPEN: '1' }); // { kind: 'run', keepOpen: true }
 * ```
 */
export function parseDemoArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): DemoArgs {
  let keepOpen = false;
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--keep-open') keepOpen = true;
    else return { kind: 'error', message: `unknown option ${arg} (未知选项)` };
  }
  const variable = env[KEEP_OPEN_VARIABLE]?.trim().toLowerCase();
  if (variable !== undefined && !keepOpen) {
    if (TRUE_VALUES.has(variable)) keepOpen = true;
    else if (!FALSE_VALUES.has(variable)) return { kind: 'error', message: `${KEEP_OPEN_VARIABLE} must be 1, true, yes, 0, false or no, not ${env[KEEP_OPEN_VARIABLE]} (取值无效)` };
  }
  return { kind: 'run', keepOpen };
}
