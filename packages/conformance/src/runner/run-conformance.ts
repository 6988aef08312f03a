import { buildChecks } from '../checks/index.js';
import { RequestFailedError } from '../http/request-failure.js';
import { createSignedHttp, type HttpTarget } from '../http/signed-http.js';
import { createSimClient, type SimClient } from '../http/sim-client.js';
import type { SandboxRegistry } from '../http/sandbox-registry.js';
import type { Organization } from '../http/signer.js';
import { sharedBundledSpecs, type Specs } from '../specs/load-specs.js';
import { createExpect, ExpectationError } from './expect.js';
import { createRandom } from './random.js';
import { ensureCredentialsAccepted } from './preflight.js';
import { isSelected } from './select.js';
import { NEEDS_SIMULATION, SkipCheck } from './skip.js';
import type { Check, CheckContext, CheckResult, Platform, Report, Reporter } from './types.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** Root serving `/{platform}/v1`, e.g. `http://127.0.0.1:4010` or `…/sandboxes/sbx_1`. */
  baseUrl: string;
  /** Per-platform roots, for implementations that do not share one root. */
  platformUrls?: Partial<Record<Platform, string>>;
  /** At least two organisations: isolation checks need a second one. */
  organizations: Organization[];
  /** Root of the simulation API (`…/_sim/v1`); checks that need it are skipped without it. */
  simulationUrl?: string;
  /** Bearer token of the simulation API (a gdx mock started with `--sim-token`). */
  simulationToken?: string;
  /** The sandbox `baseUrl` belongs to, when the simulation API is used. */
  sandboxId?: string;
  /** Drives every generated input; the same seed reproduces the same requests. */
  seed: string | number;
  /** Id globs to run (default: all). */
  include?: string[];
  /** Id globs to leave out. */
  exclude?: string[];
  fetch?: typeof fetch;
  reporters?: Reporter[];
  /** Time limit of one check (default 60 s) and, divided by four, of one request. */
  timeoutMs?: number;
  /** Records the sandboxes the run creates until it deletes them (the CLI deletes them when cancelled). */
  sandboxes?: SandboxRegistry;
  /** Documents to check against instead of `@gdx/openapi`'s bundled ones (their response schemas are compiled at run time; the bundled ones come compiled). */
  specs?: Specs;
  /** Checks to run instead of the built-in ones (tests, custom suites). */
  checks?: Check[];
  /**
   * Before any check, send one signed `GET …/registration/v1/applications?limit=1` as each
   * organisation and reject with `CredentialsRefusedError` when the platform answers 401
   * `APP_KEY_UNKNOWN` or `SIGNATURE_INVALID` — credentials it refuses would fail every signed
   * check with the same 401. Default `true`; `false` for a platform that does not serve that read.
   */
  preflight?: boolean;
}

/** Raised for options the kit cannot run with (the CLI exits 2). */
export class ConformanceUsageError extends Error {
  readonly code = 'CONFORMANCE_USAGE';
  constructor(readonly zh: string, en: string) {
    super(en);
    this.name = 'ConformanceUsageError';
  }
}

async function runOne(check: Check, ctx: CheckContext, sim: SimClient | undefined): Promise<Omit<CheckResult, 'durationMs'>> {
  const base = { id: check.id, title: check.title, source: check.source, area: check.area, ...(check.platform ? { platform: check.platform } : {}) };
  if (check.needsSimulation && !sim) return { ...base, status: 'skipped', message: NEEDS_SIMULATION, failures: [] };
  try {
    await check.run(ctx);
    return { ...base, status: 'passed', failures: [] };
  } catch (error) {
    if (error instanceof SkipCheck) return { ...base, status: 'skipped', message: `skipped: ${error.message}`, failures: [] };
    if (error instanceof ExpectationError) return { ...base, status: 'failed', message: error.message, failures: [error.failure] };
    // A request that got no answer names itself and the cause (RequestFailedError); say so plainly.
    if (error instanceof RequestFailedError) {
      return { ...base, status: 'failed', message: error.message, failures: [{ message: 'the check could not complete: a request got no answer', expected: 'an answer', actual: error.message }] };
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, status: 'failed', message, failures: [{ message: 'the check could not complete', expected: 'no error', actual: message }] };
  }
}

/**
 * The time limit of one request: a quarter of a check's (`--timeout-ms`, default 60 s), at least 1 s,
 * so a check can still report a hanging request before its own time is up.
 *
 * @example
 * ```ts
 * requestTimeoutMs(60_000); // 15000
 * ```
 */
export function requestTimeoutMs(checkTimeoutMs = 60_000): number {
  return Math.max(1_000, Math.floor(checkTimeoutMs / 4));
}

/**
 * Runs the conformance checks against an implementation and returns the report. Checks run one
 * after another in a fixed order; each gets its own seeded random stream.
 *
 * Rejects, before any check runs, with {@link ConformanceUsageError} for options it cannot run
 * with, and with `CredentialsRefusedError` when the platform refuses an organisation's
 * credentials (see {@link ConformanceOptions.preflight}).
 *
 * @example
 * ```ts
 * const report = await runConformance({
 *   baseUrl: 'http://127.0.0.1:4010',
 *   simulationUrl: 'http://127.0.0.1:4010/_sim/v1',
 *   organizations: [orgA, orgB],
 *   seed: 42,
 *   exclude: ['CAT-*'],
 * });
 * if (!report.ok) process.exitCode = 1;
 * ```
 */
export async function runConformance(options: ConformanceOptions): Promise<Report> {
  if (options.organizations.length < 2) {
    throw new ConformanceUsageError('至少需要两个机构的凭据（隔离检查需要第二个机构）', 'at least two organisations are needed (isolation checks use the second one)');
  }
  const seed = String(options.seed);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const startedAt = new Date().toISOString();
  const specs = options.specs ?? (await sharedBundledSpecs());
  const checks = (options.checks ?? buildChecks(specs)).filter((c) => isSelected(c.id, options.include, options.exclude));
  // A selection that matches nothing is a typo (`REG-ACEPT-*`), not a pass: a run of 0 checks
  // would report success and turn CI green.
  if (checks.length === 0) {
    const asked = `only ${(options.include ?? []).join(', ') || '(all)'}; skip ${(options.exclude ?? []).join(', ') || '(none)'}`;
    throw new ConformanceUsageError(`所选范围不含任何检查项（${asked}）`, `no check matches the selection (${asked}); check ids look like REG-ACCEPT-01, globs like 'REG-*'`);
  }
  const reporters = options.reporters ?? [];
  const target: HttpTarget = {
    baseUrl: options.baseUrl,
    ...(options.platformUrls ? { platformUrls: options.platformUrls } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: requestTimeoutMs(timeoutMs),
  };
  // One client per check, bound to its time limit: a check's sandboxes and officials' actions are
  // part of its time, as its own requests are (the sandbox's deletion is not).
  const simFor = (signal?: AbortSignal) => options.simulationUrl
    ? createSimClient({ ...target, url: options.simulationUrl, ...(signal ? { signal } : {}), ...(options.sandboxes ? { sandboxes: options.sandboxes } : {}), ...(options.simulationToken !== undefined ? { token: options.simulationToken } : {}) })
    : undefined;
  if (options.preflight !== false) await ensureCredentialsAccepted(target, options.organizations);
  for (const r of reporters) await r.onStart?.(checks);

  const results: CheckResult[] = [];
  for (const check of checks) {
    const signal = AbortSignal.timeout(timeoutMs);
    const sim = simFor(signal);
    const ctx: CheckContext = {
      http: (index = 0) => {
        const org = options.organizations[index];
        if (!org) throw new RangeError(`no organisation #${index}`);
        return createSignedHttp({ ...target, signal }, org);
      },
      organizations: options.organizations,
      sim,
      sandboxId: options.sandboxId,
      specs,
      expect: createExpect(),
      random: createRandom(`${seed}/${check.id}`),
      seed,
      signal,
      skip: (reason) => {
        throw new SkipCheck(reason);
      },
    };
    const started = performance.now();
    const result: CheckResult = { ...(await runOne(check, ctx, sim)), durationMs: Math.round(performance.now() - started) };
    results.push(result);
    for (const r of reporters) await r.onResult?.(result);
  }

  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) totals[r.status] += 1;
  const report: Report = { seed, startedAt, finishedAt: new Date().toISOString(), results, totals, ok: totals.failed === 0 };
  for (const r of reporters) await r.onFinish?.(report);
  return report;
}
