import type { Expect } from './expect.js';
import type { SignedHttp } from '../http/signed-http.js';
import type { SimClient } from '../http/sim-client.js';
import type { Organization } from '../http/signer.js';
import type { Specs } from '../specs/load-specs.js';
import type { Random } from './random.js';

/** The five platforms, as their URL segments. */
export type Platform = 'registration' | 'sharing' | 'open-data' | 'catalog' | 'authorized-operation';

/** The platforms in the fixed order the runner uses. */
export const PLATFORMS: readonly Platform[] = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation'];

/** Short platform codes used in check ids (`REG-ACCEPT-01`, `CON-SCHEMA-SHR-getRequest`). */
export const PLATFORM_CODES: Record<Platform, string> = { registration: 'REG', sharing: 'SHR', 'open-data': 'ODP', catalog: 'CAT', 'authorized-operation': 'AOP' };

/** What a check is about; the summary groups results by area. */
export type Area = 'contract' | 'workflow' | 'security' | 'isolation';

/** The outcome of one check. */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** One failed expectation: what the rule wants and what the implementation did. */
export interface AssertionFailure {
  message: string;
  expected: unknown;
  actual: unknown;
}

/** Everything a check may use while it runs. */
export interface CheckContext {
  /** Signed HTTP helper for organisation `index` (0 and 1 always exist). */
  http(orgIndex?: number): SignedHttp;
  /** The organisations of the run, in the order given. */
  organizations: readonly Organization[];
  /** The simulation API helper; undefined when the run has none. */
  sim: SimClient | undefined;
  /** The bundled OpenAPI documents. */
  specs: Specs;
  /** Recording assertions; a failed one ends the check. */
  expect: Expect;
  /** Seeded generator, derived from the run seed and the check id. */
  random: Random;
  /**
   * The run's seed. Workflow scenarios create their sandboxes with it (`sandboxSeed`), so a run
   * meets the seeded data of its own seed, and a failure is reproduced by creating a sandbox with it.
   */
  seed: string;
  /** The sandbox the base URL belongs to, when one was given or created. */
  sandboxId: string | undefined;
  /** Cancels the check when its time is up. */
  signal: AbortSignal;
  /** Ends the check as skipped, with the reason shown in reports. */
  skip(reason: string): never;
}

/** A conformance check. Ids are stable: CI results and `--only` / `--skip` globs rely on them. */
export interface Check {
  id: string;
  title: string;
  /** The rule the check enforces, e.g. `发改数据规〔2025〕26号 第十条` or `docs/design.md §Idempotency`. */
  source: string;
  area: Area;
  platform?: Platform;
  needsSimulation: boolean;
  run(ctx: CheckContext): Promise<void>;
}

/** The result of one check. */
export interface CheckResult {
  id: string;
  title: string;
  source: string;
  area: Area;
  platform?: Platform;
  status: CheckStatus;
  /** Why it was skipped or how it failed. */
  message?: string;
  failures: AssertionFailure[];
  durationMs: number;
}

/** The result of a whole run. */
export interface Report {
  seed: string;
  startedAt: string;
  finishedAt: string;
  results: CheckResult[];
  totals: Record<CheckStatus, number>;
  /** True when no check failed. */
  ok: boolean;
}

/** Receives results as the run progresses. */
export interface Reporter {
  onStart?(checks: readonly Check[]): void | Promise<void>;
  onResult?(result: CheckResult): void | Promise<void>;
  onFinish?(report: Report): void | Promise<void>;
}
