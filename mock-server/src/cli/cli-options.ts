import type { AppOptions } from '../app/create-app.js';
import { assertSimToken } from '../app/sim-access.js';
import { normalizeOrigin } from '../server/cors.js';
import { normalizeAllowedHost } from '../server/host-policy.js';
import type { ServerOptions } from '../server/index.js';
import { DEFAULT_REQUEST_TIMEOUTS, type RequestTimeouts } from '../server/request-timeouts.js';
import { FlagError, readFlags, readInteger, renderOptions, unreadVariableWarnings, type Sourced } from './flag-spec.js';
import { ENV_PREFIX, MOCK_FLAGS } from './mock-flags.js';
import { parseQuotaFlags } from './quota-flags.js';
import type { SandboxFlags } from './stored-sandbox-warnings.js';
import { parseWebhookFlags } from './webhook-flags.js';
import { LOG_FORMATS, LOG_LEVELS, type LogSettings } from './request-logger.js';
import { CLOCK_RANGE_TEXT, withinClockBounds } from '../sandbox/clock-bounds.js';

/** What the command line asked for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string }
  | {
      kind: 'run';
      app: AppOptions;
      // The console is always served from @gdx/console by the CLI.
      server: Required<Omit<ServerOptions, 'consoleDir' | 'requestLog' | 'serverLog' | 'maxConnections'>> & Pick<ServerOptions, 'maxConnections'>;
      /** The logger's level and format (`--log-level`, `--log-format`). */
      log: LogSettings;
      /** A profile file to load for the default sandbox. */
      profileFile?: string;
      /** Year schedule files every sandbox holds (`--calendar`, read by `readCalendarFiles`), in the order given. */
      calendarFiles: readonly string[];
      /** Print the organisations' secrets in the banner (`--show-secrets`). */
      showSecrets: boolean;
      /** The flags shaping the default sandbox that were given (flag or variable), to tell when a data directory's own sandbox overrides them. */
      sandboxFlags: SandboxFlags;
      /** What to warn of at start: `GDX_MOCK_*` variables no flag reads that look like a slip for one (`unreadVariableWarnings`). */
      warnings: readonly string[];
    };

/** `gdx-mock --help`, made from the flag table `MOCK_FLAGS`. */
export const USAGE = `gdx-mock — the gdx mock of the government data platforms 政务数据平台模拟服务

Usage: gdx-mock [options]
       gdx-mock repair --data-dir <dir> [--dry-run]   keep what is intact in a damaged data directory

${renderOptions(MOCK_FLAGS, ENV_PREFIX)}
Every option but -h and -v can also be set by the environment variable shown [$…]; a flag given
on the command line wins over its variable. Repeatable options take a comma-separated list in
their variable (GDX_MOCK_CORS_ORIGIN=http://a.example,http://b.example), switches 1/true/0/false.
`;

const PROFILES = ['national', 'inner-mongolia', 'xiamen'];
/** The share of the heap limit past which `gdx-mock` refuses writes that add state (`--max-heap-ratio`). */
const DEFAULT_MAX_HEAP_RATIO = 0.9;

/** A ratio in (0, 1] from a flag or its variable; a `FlagError` naming it otherwise. */
function readRatio(given: Sourced<string> | undefined): number | undefined {
  if (given === undefined) return undefined;
  const value = Number(given.value);
  if (given.value.trim() === '' || !(value > 0 && value <= 1)) throw new FlagError(`${given.source} must be a number greater than 0 and at most 1: ${given.value}`);
  return value;
}
/** A user's own profile or calendar file (read by the CLI: `loadProfile`, `readCalendarFiles`). */
const JSON_OR_YAML_FILE = /\.(json|ya?ml)$/i;

/**
 * Parses the command line of `gdx-mock` and its `GDX_MOCK_*` environment variables (pass
 * `process.env`); an error names the flag or the variable at fault.
 *
 * @example
 * ```ts
 * parseCli(['--port', '0'], { GDX_MOCK_SEED: '7' }); // { kind: 'run', server: { port: 0, host: '127.0.0.1', … }, app: { seed: 7, … } }
 * parseCli([], { GDX_MOCK_PORT: 'x' });              // { kind: 'error', message: 'GDX_MOCK_PORT must be 0–65535: x' }
 * ```
 */
export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliRequest {
  try {
    return parseRun(argv, env);
  } catch (error) {
    if (error instanceof FlagError) return { kind: 'error', message: error.message };
    throw error;
  }
}

function parseRun(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliRequest {
  const values = readFlags(MOCK_FLAGS, argv, env, ENV_PREFIX);
  if (values.boolean('help')) return { kind: 'help' };
  if (values.boolean('version')) return { kind: 'version' };
  const port = readInteger(values.string('port'), 0, 65535) ?? 4010;
  const seedGiven = values.string('seed');
  const seed = readInteger(seedGiven, 0) ?? 1;
  const profileGiven = values.string('profile');
  const profile = profileGiven?.value ?? 'national';
  if (profileGiven && !PROFILES.includes(profile) && !JSON_OR_YAML_FILE.test(profile)) {
    throw new FlagError(`${profileGiven.source} must be one of ${PROFILES.join(', ')} or a .json/.yaml profile file: ${profile}`);
  }
  const clockGiven = values.string('clock');
  const clock = clockGiven?.value ?? 'virtual';
  if (clock !== 'virtual' && clock !== 'realtime') throw new FlagError(`${clockGiven?.source} must be virtual or realtime: ${clock}`);
  const startAtGiven = values.string('start-at');
  const startAt = startAtGiven?.value;
  if (startAt !== undefined && !(/[zZ]|[+-]\d{2}:\d{2}$/.test(startAt) && Number.isFinite(Date.parse(startAt)))) {
    throw new FlagError(`${startAtGiven?.source} must be an RFC 3339 instant with an offset: ${startAt}`);
  }
  if (startAt !== undefined && !withinClockBounds(Date.parse(startAt))) throw new FlagError(`${startAtGiven?.source} must be ${CLOCK_RANGE_TEXT.en}: ${startAt}`);
  const maxBodyBytes = readInteger(values.string('max-body-bytes'), 1);
  const maxSandboxes = readInteger(values.string('max-sandboxes'), 1);
  const maxWebhooks = readInteger(values.string('max-webhooks'), 1);
  const maxHeapRatio = readRatio(values.string('max-heap-ratio')) ?? DEFAULT_MAX_HEAP_RATIO;
  const compactEvery = readInteger(values.string('compact-every'), 1);
  // Seconds, as the other durations an operator sets (ten years at most: a typo's zeros end there).
  const idempotencyRetention = readInteger(values.string('idempotency-retention'), 1, 315_360_000);
  const quotas = parseQuotaFlags(values);
  const webhooks = parseWebhookFlags(values);
  const profileFile = PROFILES.includes(profile) ? undefined : profile;
  const calendarGiven = values.list('calendar');
  const calendarFiles = calendarGiven?.value ?? [];
  const notFile = calendarFiles.find((file) => !JSON_OR_YAML_FILE.test(file));
  if (notFile !== undefined) throw new FlagError(`${calendarGiven?.source} takes .json or .yaml year schedule files: ${notFile}`);
  const corsOrigins = checked(values.list('cors-origin'), normalizeOrigin);
  const allowedHosts = checked(values.list('allowed-host'), normalizeAllowedHost);
  const ignoredQueryParameters = values.list('ignore-query-parameter')?.value;
  // The environment keeps the token out of `ps` listings; the flag wins when both are given.
  const simToken = values.string('sim-token');
  if (simToken !== undefined) checked({ value: [simToken.value], source: simToken.source }, assertSimToken);
  const dataDir = values.string('data-dir')?.value;
  const log: LogSettings = { level: oneOf(values.string('log-level'), LOG_LEVELS) ?? 'info', format: oneOf(values.string('log-format'), LOG_FORMATS) ?? 'auto' };
  const journalSize = readInteger(values.string('journal-size'), 0, 1_000_000);
  // Seconds, as orchestrators count a termination grace period (Kubernetes' is 30 s: ours ends within it).
  // Absent: the server derives it from the open-file limit (`defaultMaxConnections`).
  const maxConnections = readInteger(values.string('max-connections'), 1);
  const shutdownGraceSeconds = readInteger(values.string('shutdown-grace'), 0, 3600) ?? 10;
  const responseTimeout = readInteger(values.string('response-timeout'), 1, 3600);
  const timeouts = { ...readTimeouts(values.string('request-timeout'), values.string('headers-timeout')), ...(responseTimeout !== undefined ? { answerMs: responseTimeout * 1000 } : {}) };
  return {
    kind: 'run',
    server: { port, host: values.string('host')?.value ?? '127.0.0.1', corsOrigins, allowedHosts, shutdownGraceMs: shutdownGraceSeconds * 1000, timeouts, ...(maxConnections !== undefined ? { maxConnections } : {}) },
    ...(profileFile !== undefined ? { profileFile } : {}),
    calendarFiles,
    showSecrets: values.boolean('show-secrets'),
    sandboxFlags: {
      ...(seedGiven ? { seed: seedGiven } : {}),
      // A profile file names its profile inside: only a shipped name can be compared with the stored one.
      ...(profileGiven && profileFile === undefined ? { profile: profileGiven } : {}),
      ...(clockGiven ? { clock: clockGiven } : {}),
      ...(startAtGiven ? { startAt: startAtGiven } : {}),
    },
    log,
    warnings: unreadVariableWarnings(MOCK_FLAGS, env, ENV_PREFIX),
    app: {
      seed,
      ...(profileFile === undefined ? { profile } : {}),
      clock,
      ...(startAt !== undefined ? { startAt } : {}),
      ...(dataDir !== undefined ? { dataDir } : {}),
      ...(compactEvery !== undefined ? { compactEvery } : {}),
      ...(maxBodyBytes !== undefined ? { limits: { maxBodyBytes } } : {}),
      ...(maxSandboxes !== undefined ? { maxSandboxes } : {}),
      ...(maxWebhooks !== undefined ? { maxWebhooks } : {}),
      ...(idempotencyRetention !== undefined ? { idempotencyRetentionMs: idempotencyRetention * 1000 } : {}),
      memory: { maxHeapRatio },
      ...(Object.keys(quotas).length > 0 ? { quotas } : {}),
      ...(Object.keys(webhooks).length > 0 ? { webhooks } : {}),
      ...(simToken !== undefined ? { simToken: simToken.value } : {}),
      ...(journalSize !== undefined ? { requestJournal: { entries: journalSize } } : {}),
      ...(ignoredQueryParameters !== undefined ? { ignoredQueryParameters } : {}),
    },
  };
}

/**
 * The request timeouts of `--request-timeout` and `--headers-timeout` (seconds, 1–3600), in ms.
 * The head's default gives way to a shorter request timeout; a head timeout given above the
 * request's is a `FlagError` (Node would refuse it at start with neither flag named).
 */
function readTimeouts(requestGiven: Sourced<string> | undefined, headersGiven: Sourced<string> | undefined): RequestTimeouts {
  const requestMs = (readInteger(requestGiven, 1, 3600) ?? DEFAULT_REQUEST_TIMEOUTS.requestMs / 1000) * 1000;
  const headers = readInteger(headersGiven, 1, 3600);
  if (headers === undefined) return { requestMs, headersMs: Math.min(DEFAULT_REQUEST_TIMEOUTS.headersMs, requestMs) };
  if (headers * 1000 > requestMs) throw new FlagError(`${headersGiven?.source} must not exceed the request timeout (${requestMs / 1000} s, ${requestGiven?.source ?? 'the default'}): ${headers}`);
  return { requestMs, headersMs: headers * 1000 };
}

/** A value that must be one of `allowed`; the error names its flag or variable and the choices. */
function oneOf<T extends string>(given: Sourced<string> | undefined, allowed: readonly T[]): T | undefined {
  if (given === undefined) return undefined;
  if ((allowed as readonly string[]).includes(given.value)) return given.value as T;
  throw new FlagError(`${given.source} must be one of ${allowed.join(', ')}: ${given.value}`);
}

/** Each item run through `check` (which throws on a bad one); the error is prefixed with the item's flag or variable. */
function checked(given: Sourced<readonly string[]> | undefined, check: (item: string) => unknown): string[] {
  const items = [...(given?.value ?? [])];
  try {
    items.forEach((item) => check(item));
  } catch (error) {
    throw new FlagError(`${given?.source}: ${(error as Error).message}`);
  }
  return items;
}
