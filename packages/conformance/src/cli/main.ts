import { access, constants, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { describeResponse, explainResponse, isRecord } from '../http/response.js';
import type { SandboxRegistry } from '../http/sandbox-registry.js';
import type { Organization } from '../http/signer.js';
import { createSimClient, SimulationError, type Sandbox } from '../http/sim-client.js';
import { consoleReporter } from '../reporters/console-reporter.js';
import { junitXml } from '../reporters/junit-reporter.js';
import { sandboxSeed } from '../runner/random.js';
import { requestTimeoutMs, runConformance, ConformanceUsageError } from '../runner/run-conformance.js';
import { CliUsageError, parseCliArgs, USAGE, type CliOptions } from './parse-args.js';
import { misplacedBaseUrlMessage, unroutedPlatforms } from './base-url-check.js';
import { unreachableReason } from '../http/request-failure.js';
import { CredentialsRefusedError, ensureReachable, PROBE, probeList, TargetUnreachableError } from '../runner/preflight.js';
import { waitUntilReady } from './wait-ready.js';

/** Where the CLI writes, and how it reaches the network (tests inject both). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  fetch?: typeof fetch;
  /** Records the sandboxes the run creates, so that a cancelled run can delete them (see `cli.ts`). */
  sandboxes?: SandboxRegistry;
  /** Environment variables (`GDX_MOCK_SIM_TOKEN`); none by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs the CLI and resolves to its exit code: 0 passed, 1 a check failed, 2 usage error (also: a
 * selection of no checks, a sandbox the simulation API refuses, a `--sim-url` answered by something else than the simulation API, a base URL serving another
 * sandbox, an `--org` whose credentials the platform refuses, a base URL under which no platform is served), 3 the target was not ready within `--wait`, 4 the target could not be reached.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), color: true });
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv, io.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr(`gdx-conformance: ${error.message} (${error.zh})\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  const unwritable = options.junit === undefined ? undefined : await junitProblem(options.junit);
  if (unwritable !== undefined) {
    io.stderr(`gdx-conformance: --junit ${unwritable} (无法写入 JUnit 文件)\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  if (options.waitSeconds !== undefined && !(await waitForTarget(options, options.waitSeconds, io))) return NOT_READY;
  const requestTimeout = requestTimeoutMs(options.timeoutMs);
  const sim = options.simUrl ? createSimClient({ url: options.simUrl, timeoutMs: requestTimeout, ...(io.sandboxes ? { sandboxes: io.sandboxes } : {}), ...(options.simToken !== undefined ? { token: options.simToken } : {}), ...(io.fetch ? { fetch: io.fetch } : {}) }) : undefined;
  let sandbox: Sandbox | undefined;
  let created = false;
  try {
    if (options.baseUrl !== undefined) await ensureReachable(options.baseUrl, io.fetch, requestTimeout);
    if (sim) {
      try {
        sandbox = options.sandbox ? await sim.getSandbox(options.sandbox) : await sim.createSandbox({ profile: options.profile, seed: sandboxSeed(options.seed), clock: { mode: 'realtime' } });
      } catch (error) {
        const unreachable = unreachableReason(error);
        if (unreachable !== undefined) throw new TargetUnreachableError(options.simUrl as string, unreachable);
        // Something answered, but not as the simulation API (a web server's HTML page, a 501): the URL is wrong.
        const foreign = foreignAnswer(error);
        if (foreign !== undefined) {
          io.stderr(`gdx-conformance: --sim-url ${options.simUrl} does not serve the gdx simulation API (its root ends in …/_sim/v1): ${foreign} (模拟接口地址有误)\n`);
          return USAGE_ERROR;
        }
        // The simulation API refusing what the command line named (an unknown profile or sandbox) is a usage error.
        if (error instanceof SimulationError && [400, 404, 422].includes(error.response?.status ?? 0)) {
          // Creating answers 404 only where nothing serves POST …/sandboxes: the URL is wrong, not the profile.
          const wrongUrl = options.sandbox === undefined && error.response?.status === 404;
          const asked = options.sandbox ? `--sandbox ${options.sandbox}` : wrongUrl ? `--sim-url ${options.simUrl} (not the simulation API root, …/_sim/v1?)` : `--profile ${options.profile}`;
          io.stderr(`gdx-conformance: ${asked}: ${error.message} (模拟接口拒绝了该参数)\n`);
          return USAGE_ERROR;
        }
        throw error;
      }
      created = options.sandbox === undefined;
    }
    const organizations = options.organizations.length > 0 ? options.organizations : (sandbox?.organizations ?? []);
    const refusal = options.baseUrl === undefined ? undefined : await baseUrlRefusal(options.baseUrl, organizations[0], io.fetch, requestTimeout);
    if (refusal !== undefined) {
      io.stderr(`gdx-conformance: ${refusal}\n`);
      return USAGE_ERROR;
    }
    const progress = options.json ? io.stderr : io.stdout;
    const report = await runConformance({
      baseUrl: options.baseUrl ?? sandbox!.baseUrl,
      ...(options.baseUrl === undefined && sandbox ? { platformUrls: sandbox.platformUrls } : {}),
      organizations,
      ...(options.simUrl ? { simulationUrl: options.simUrl } : {}),
      ...(options.simToken !== undefined ? { simulationToken: options.simToken } : {}),
      ...(sandbox ? { sandboxId: sandbox.id } : {}),
      seed: options.seed,
      include: options.only,
      exclude: options.skip,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(io.sandboxes ? { sandboxes: io.sandboxes } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      reporters: [consoleReporter({ write: progress, color: io.color && !options.json })],
    });
    if (options.junit) await writeFile(options.junit, junitXml(report), 'utf8');
    if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof CredentialsRefusedError) {
      io.stderr(`gdx-conformance: ${credentialsRefusalMessage(error, options, options.baseUrl ?? sandbox?.baseUrl ?? error.response.url, sandbox)}\n`);
      return USAGE_ERROR;
    }
    if (error instanceof ConformanceUsageError) {
      io.stderr(`gdx-conformance: ${error.message} (${error.zh})\n`);
      return USAGE_ERROR;
    }
    if (error instanceof TargetUnreachableError) {
      io.stderr(`gdx-conformance: ${error.message} (无法连接目标)\n`);
      return UNREACHABLE;
    }
    io.stderr(`gdx-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (created) await sandbox?.dispose().catch(() => undefined);
  }
}

/**
 * What the simulation API answered, when the answer is none a simulation API gives — a body that
 * is not JSON (a web server's page, an empty 501), or a success that is no sandbox — else
 * `undefined` (its JSON refusals, a 401 or a 500 problem, are the simulation API's own).
 *
 * @example
 * ```ts
 * foreignAnswer(error); // 'POST http://127.0.0.1:4481/_sim/v1/sandboxes answered 501 text/html, not JSON'
 * ```
 */
function foreignAnswer(error: unknown): string | undefined {
  if (!(error instanceof SimulationError) || error.response === undefined) return undefined;
  const res = error.response;
  const answered = `${res.method} ${res.url} answered ${describeResponse(res)}`;
  if (res.body === undefined) return `${answered}, not JSON`;
  if (res.status < 300) return `${answered}, not a sandbox`;
  return undefined;
}

/**
 * Why `baseUrl` cannot be run against (a message), or `undefined`: one signed
 * `GET …/registration/v1/applications?limit=1` as the first organisation, and when that answers
 * 404, one list of every other platform (see {@link unroutedPlatforms}): a base URL that already
 * includes a platform's path would fail every check with the same 404. The organisations'
 * credentials are checked by `runConformance` (see {@link credentialsRefusalMessage}).
 */
async function baseUrlRefusal(baseUrl: string, organization: Organization | undefined, fetchImpl: typeof fetch | undefined, timeoutMs: number): Promise<string | undefined> {
  if (organization === undefined) return undefined;
  const answer = await probeList({ baseUrl, timeoutMs, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, organization, PROBE.platform, PROBE.path);
  const unrouted = await unroutedPlatforms(baseUrl, organization, answer, fetchImpl, timeoutMs);
  return unrouted === undefined ? undefined : misplacedBaseUrlMessage(baseUrl, unrouted);
}

/**
 * The CLI's message for credentials the platform refused before the run: naming the `--org`, or,
 * for a sandbox's organisations at a `--base-url` that does not know their app keys, that the base
 * URL serves another sandbox.
 */
function credentialsRefusalMessage(error: CredentialsRefusedError, options: CliOptions, baseUrl: string, sandbox: Sandbox | undefined): string {
  if (options.organizations.length > 0) {
    return `--org #${error.index + 1} (${error.appKey}): ${baseUrl} refuses its credentials: a signed GET ${error.response.url} answered ${explainResponse(error.response)}. Check the app key, the secret and the algorithm given to --org (机构凭据被平台拒绝)`;
  }
  if (options.baseUrl !== undefined && isRecord(error.response.body) && error.response.body.code === 'APP_KEY_UNKNOWN') {
    return `${baseUrl} does not know the app keys of sandbox ${sandbox?.id} (401 APP_KEY_UNKNOWN): it serves another sandbox. Give the --sandbox it serves (a gdx mock's root serves "default"), or leave out --base-url to use the sandbox's own URLs (基础地址与沙箱不匹配)`;
  }
  return `${error.message} (${error.zh})`;
}

/** Exit code of a command line the kit cannot run with. */
const USAGE_ERROR = 2;
/** Exit code of a target that did not become ready within `--wait`. */
const NOT_READY = 3;
/** Exit code of a target nothing answered at (refused, unknown host, timed out). */
const UNREACHABLE = 4;

/**
 * `--wait`: polls `{sim-url}/ready` (a gdx mock answers 200 once it takes writes), or without a
 * simulation API the base URL until it answers at all. Says why it gave up, naming the URL.
 */
async function waitForTarget(options: CliOptions, seconds: number, io: CliIo): Promise<boolean> {
  const url = options.simUrl ? `${options.simUrl.replace(/\/+$/, '')}/ready` : (options.baseUrl as string);
  const progress = options.json ? io.stderr : io.stdout;
  const outcome = await waitUntilReady({
    url,
    until: options.simUrl ? 'ready' : 'reachable',
    timeoutMs: seconds * 1000,
    ...(io.fetch ? { fetch: io.fetch } : {}),
    ...(options.simUrl && options.simToken !== undefined ? { headers: { authorization: `Bearer ${options.simToken}` } } : {}),
    onWaiting: (lastError) => progress(`gdx-conformance: waiting up to ${seconds} s for ${url} (${lastError})\n`),
  });
  if (outcome.ready) return true;
  io.stderr(`gdx-conformance: ${url} was not ready within ${seconds} s after ${outcome.attempts} attempts; last error: ${outcome.lastError} (目标在 --wait 时限内未就绪)\n`);
  return false;
}

/**
 * Why `--junit` cannot be written, or `undefined`: checked before a run of minutes, so that a
 * wrong path is a usage error at once rather than an ENOENT after every check ran.
 */
async function junitProblem(path: string): Promise<string | undefined> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) return `${path}: is a directory`;
  try {
    await access(existing ? path : dirname(resolve(path)), constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `${path}: cannot be written (${typeof code === 'string' ? code : String(error)})`;
  }
}
