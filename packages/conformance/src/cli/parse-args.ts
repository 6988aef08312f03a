import { parseArgs } from 'node:util';
import type { Organization } from '../http/signer.js';

/** What the command line asks for. */
export interface CliOptions {
  help: boolean;
  baseUrl?: string;
  simUrl?: string;
  /** Bearer token of the simulation API (`--sim-token`, or `GDX_MOCK_SIM_TOKEN`). */
  simToken?: string;
  sandbox?: string;
  profile: string;
  organizations: Organization[];
  seed: string;
  only: string[];
  skip: string[];
  junit?: string;
  json: boolean;
  timeoutMs?: number;
  /** Seconds to wait for the target to be ready before the checks (`--wait`); none by default. */
  waitSeconds?: number;
}

/** A command line the CLI cannot run with (exit code 2). */
export class CliUsageError extends Error {
  readonly code = 'CLI_USAGE';
  constructor(readonly zh: string, en: string) {
    super(en);
    this.name = 'CliUsageError';
  }
}

/** The `--help` text. */
export const USAGE = `Usage: gdx-conformance [options]

Checks that a platform implementation honours the gdx contracts and the domain rules.

  --base-url <url>     root serving /{platform}/v1 (default: the sandbox's root when --sim-url is given)
  --sim-url <url>      simulation API root (…/_sim/v1); without it, checks that need it are skipped
  --sim-token <token>  bearer token of the simulation API (a gdx-mock started with --sim-token;
                       default: the GDX_MOCK_SIM_TOKEN environment variable)
  --sandbox <id>       use this sandbox (default with --sim-url: create one, read its organisations);
                       required with both --base-url and --sim-url: the sandbox the base URL serves
  --profile <name>     profile of a created sandbox (default: national)
  --org <k:s[:code[:alg]]>  organisation credentials appKey:secret[:creditCode[:HMAC-SHA256|HMAC-SM3]]; repeat, ≥ 2
  --seed <seed>        seed of generated inputs (default: 1)
  --only <glob>        run only matching check ids (repeatable, comma-separated)
  --skip <glob>        leave out matching check ids (repeatable, comma-separated)
  --junit <file>       write JUnit XML
  --json               print the report as JSON on stdout (progress goes to stderr)
  --timeout-ms <ms>    time limit of one check (default: 60000)
  --wait <seconds>     first wait up to this long (0 < s ≤ 3600) for the target to be ready: polls
                       GET {sim-url}/ready until 200, or without --sim-url the base URL until it
                       answers (any status but 502/503/504), every 250 ms (default: no wait)
  --help               show this text

Exit codes: 0 all checks passed, 1 a check failed, 2 usage error (also: --only/--skip select no
check, a profile or sandbox the simulation API refuses, a --sim-url where nothing serves
POST …/sandboxes or something else answers (not JSON, e.g. a web server's 501 page), a base URL serving another sandbox or under which no platform is served, an
--org whose credentials the platform refuses),
3 the target was not ready within --wait, 4 the target could not be reached (the message names
the URL and the cause).
`;

function parseOrg(text: string): Organization {
  const [appKey, secret, creditCode = '', algorithm] = text.split(':');
  if (!appKey || !secret) throw new CliUsageError(`--org 格式应为 appKey:secret：${text}`, `--org must be appKey:secret[:creditCode[:algorithm]], got "${text}"`);
  if (algorithm !== undefined && algorithm !== 'HMAC-SHA256' && algorithm !== 'HMAC-SM3') {
    throw new CliUsageError(`不支持的签名算法：${algorithm}`, `unsupported signature method "${algorithm}"`);
  }
  return { appKey, secret, creditCode, ...(algorithm ? { algorithm } : {}) };
}

const globs = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/**
 * Parses the command line (`env` supplies `GDX_MOCK_SIM_TOKEN`). Throws {@link CliUsageError} on unknown options or bad values.
 *
 * @example
 * ```ts
 * parseCliArgs(['--base-url', 'http://127.0.0.1:4010', '--org', 'ak1:s1', '--org', 'ak2:s2', '--only', 'SEC-*']);
 * ```
 */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        'base-url': { type: 'string' },
        'sim-url': { type: 'string' },
        'sim-token': { type: 'string' },
        sandbox: { type: 'string' },
        profile: { type: 'string' },
        org: { type: 'string', multiple: true },
        seed: { type: 'string' },
        only: { type: 'string', multiple: true },
        skip: { type: 'string', multiple: true },
        junit: { type: 'string' },
        json: { type: 'boolean' },
        'timeout-ms': { type: 'string' },
        wait: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliUsageError('命令行参数无效', error instanceof Error ? error.message : String(error));
  }
  const help = values.help === true;
  const timeout = values['timeout-ms'] === undefined ? undefined : Number(values['timeout-ms']);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) {
    throw new CliUsageError('--timeout-ms 必须是正整数', '--timeout-ms must be a positive integer');
  }
  const wait = values.wait === undefined ? undefined : Number(values.wait);
  // Number('') is 0 and Number(' 5') is 5: only a plain decimal is taken.
  if (values.wait !== undefined && !(wait !== undefined && /^\d+(\.\d+)?$/.test(values.wait) && wait > 0 && wait <= 3600)) {
    throw new CliUsageError('--wait 须为 0 到 3600 之间的秒数（不含 0）', `--wait must be a number of seconds above 0 and at most 3600, got "${values.wait}"`);
  }
  if (!help && values['base-url'] === undefined && values['sim-url'] === undefined) {
    throw new CliUsageError('需要 --base-url 或 --sim-url', 'give --base-url, --sim-url, or both');
  }
  for (const name of ['base-url', 'sim-url'] as const) requireHttpUrl(name, values[name]);
  if (!help && values.sandbox !== undefined && values['sim-url'] === undefined) {
    throw new CliUsageError('--sandbox 需要 --sim-url', '--sandbox needs --sim-url');
  }
  // Otherwise the kit would create a sandbox and send its signed requests to whatever sandbox the
  // base URL serves: every check fails with APP_KEY_UNKNOWN, which looks like a broken platform.
  if (!help && values['base-url'] !== undefined && values['sim-url'] !== undefined && values.sandbox === undefined) {
    throw new CliUsageError(
      '同时给出 --base-url 和 --sim-url 时需要 --sandbox（基础地址所服务的沙箱）',
      '--base-url with --sim-url needs --sandbox, the sandbox the base URL serves (a gdx mock\'s root serves "default"); or leave out --base-url and the kit uses the URLs of the sandbox it creates',
    );
  }
  const organizations = (values.org ?? []).map(parseOrg);
  const simToken = values['sim-token'] ?? env.GDX_MOCK_SIM_TOKEN;
  if (!help && simToken && values['sim-url'] === undefined) {
    throw new CliUsageError('--sim-token 需要 --sim-url', '--sim-token needs --sim-url');
  }
  if (!help && values['sim-url'] === undefined && organizations.length < 2) {
    throw new CliUsageError('没有模拟接口时至少需要两个 --org', 'without --sim-url give at least two --org credentials');
  }
  return {
    help,
    ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
    ...(values['sim-url'] !== undefined ? { simUrl: values['sim-url'] } : {}),
    ...(simToken ? { simToken } : {}),
    ...(values.sandbox !== undefined ? { sandbox: values.sandbox } : {}),
    profile: values.profile ?? 'national',
    organizations,
    seed: values.seed ?? '1',
    only: globs(values.only),
    skip: globs(values.skip),
    ...(values.junit !== undefined ? { junit: values.junit } : {}),
    json: values.json === true,
    ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
    ...(wait !== undefined ? { waitSeconds: wait } : {}),
  };
}

/**
 * A URL option must be an absolute http(s) URL: `notaurl` is a typo on the command line (exit 2
 * with the usage), not a target that did not answer (exit 4).
 */
function requireHttpUrl(name: string, value: string | undefined): void {
  if (value === undefined) return;
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new CliUsageError(`--${name} 须为 http(s) 绝对地址`, `--${name} must be an absolute http:// or https:// URL, got "${value}"`);
  }
}
