import type { StorageStatus } from '../app/create-app.js';
import { DEFAULT_LIMITS, type Limits } from '../app/limits.js';
import { DEFAULT_QUOTAS, type SandboxQuotas } from '../sandbox/quotas.js';
import { calendarSummary } from './calendar-horizon.js';

/** The parts of the simulation API's `Sandbox` the banner shows. */
export interface BannerSandbox {
  readonly profile: { readonly name: string; readonly extends?: string | null };
  readonly seed: number;
  readonly clock: { readonly mode: string; readonly now: string };
  readonly platforms: Readonly<Record<string, string>>;
  readonly organizations: readonly { readonly name: string; readonly creditCode: string; readonly roles: readonly string[]; readonly appKey: string; readonly secret: string }[];
}

/** What `gdx-mock` knows once it listens. */
export interface BannerFacts {
  readonly url: string;
  readonly version: string;
  /** The default sandbox as `GET /_sim/v1/sandboxes/default` answers it. */
  readonly sandbox: BannerSandbox;
  /** The years whose holiday schedules the default sandbox's calendar holds (`GET …/calendar`). */
  readonly calendarYears: readonly number[];
  /** Those of them `--calendar` gave (every sandbox holds them). */
  readonly calendarFlagYears?: readonly number[];
  /** The profile file the default sandbox was made from, if any. */
  readonly profileFile?: string;
  readonly dataDir?: string;
  /**
   * The storage as the start left it, before the warm-up restores the other sandboxes: their
   * replays may refuse more entries (`replaysWaiting` says whether any can), logged as they do.
   */
  readonly storage: StorageStatus;
  readonly limits: Readonly<Limits>;
  /** The quotas given on the command line (the rest are the defaults). */
  readonly quotas?: Partial<SandboxQuotas>;
  readonly corsOrigins: readonly string[];
  readonly allowedHosts: readonly string[];
  readonly simToken: boolean;
  readonly showSecrets: boolean;
}

const LIMIT_LABELS: Record<keyof Limits, string> = { maxBodyBytes: 'body', maxImportBytes: 'import', maxUrlBytes: 'URL', maxHeaderBytes: 'headers' };
const QUOTA_LABELS: Record<keyof SandboxQuotas, string> = { objects: 'objects', events: 'events', storedBytes: 'stored bytes' };
// Thousands grouped as `toLocaleString('en-US')` groups them (`1,048,576`), without its first call,
// which loads ICU's number formatting: ~20 ms of the CPU of each start (issue 12).
const count = (n: number) => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US'));
// Wide enough for the longest platform name, `authorized-operation`.
const row = (label: string, text: string) => `  ${label.padEnd(20)} ${text}`;

/**
 * The start-up banner of `gdx-mock`, about ten lines: where it listens, the web console, the served contracts, the platforms, the default
 * sandbox's profile, seed, clock and calendar years, the storage, what differs from the defaults, and how to read
 * the organisations' secrets. The secrets themselves only with `showSecrets`: a banner ends up in
 * CI logs and terminal scroll-back, and the simulation API gives them to whoever needs them.
 *
 * @example
 * ```ts
 * renderBanner(facts).split('\n')[0]; // 'gdx-mock listening on http://127.0.0.1:4010 (@gdx/mock-server 0.2.0)'
 * ```
 */
export function renderBanner(facts: BannerFacts): string {
  const { sandbox, url } = facts;
  const simApi = `${url}/_sim/v1`;
  const profile = `${sandbox.profile.name}${sandbox.profile.extends ? ` (extends ${sandbox.profile.extends})` : ''}${facts.profileFile ? ` from ${facts.profileFile}` : ''}`;
  const lines = [
    `gdx-mock listening on ${url} (@gdx/mock-server ${facts.version})`,
    row('console', `${url}/_console/`),
    row('contracts', `${url}/openapi/ · reference pages, {name}.json, {name}.yaml`),
    // The probes answer without the token: a CI job or orchestrator polls them before anything else.
    row('simulation API', `${simApi}${facts.simToken ? ' (bearer token required)' : ''} · probes /health, /ready`),
    ...Object.entries(sandbox.platforms).map(([name, base]) => row(name, base)),
    row('sandbox', `default: profile ${profile}, seed ${sandbox.seed}`),
    row('clock', `${sandbox.clock.mode}, now ${sandbox.clock.now}`),
    row('calendar', calendarSummary(facts.calendarYears, 'default', facts.calendarFlagYears)),
    row('data directory', facts.dataDir ? `${facts.dataDir} (${describeStorage(facts.storage)})` : 'none: state is kept in memory (--data-dir keeps it)'),
  ];
  const refused = describeReplayRefused(facts.storage);
  if (refused) lines.push(row('replay refused', refused));
  const limits = (Object.keys(LIMIT_LABELS) as (keyof Limits)[]).filter((key) => facts.limits[key] !== DEFAULT_LIMITS[key]);
  if (limits.length > 0) lines.push(row('limits', limits.map((key) => `${LIMIT_LABELS[key]} ≤ ${count(facts.limits[key])} bytes`).join(', ')));
  const quotas = (Object.keys(QUOTA_LABELS) as (keyof SandboxQuotas)[]).filter((key) => facts.quotas?.[key] !== undefined && facts.quotas[key] !== DEFAULT_QUOTAS[key]);
  if (quotas.length > 0) lines.push(row('quotas', `${quotas.map((key) => `${QUOTA_LABELS[key]} ${count(facts.quotas?.[key] ?? 0)}`).join(', ')} per sandbox`));
  if (facts.corsOrigins.length > 0) lines.push(row('sim origins', `${facts.corsOrigins.join(', ')} (besides the server's own)`));
  if (facts.allowedHosts.length > 0) lines.push(row('allowed hosts', facts.allowedHosts.join(', ')));
  if (facts.showSecrets) {
    lines.push('Organisations of the default sandbox (app key / secret):');
    for (const o of sandbox.organizations) lines.push(`  ${o.name} ${o.creditCode} [${o.roles.join(', ')}]`, `    ${o.appKey}  ${o.secret}`);
  } else {
    const auth = facts.simToken ? '-H "authorization: Bearer <token>" ' : '';
    lines.push(row('secrets', `curl -s ${auth}${simApi}/sandboxes/default  (or start with --show-secrets)`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Acknowledged once, refused by this version's replay: said at every start until the operator deals
 * with them. The start has replayed the registry and the default sandbox only; the others' replays
 * run after the banner (the warm-up), so what they may add is announced here and logged when found.
 */
function describeReplayRefused(storage: StorageStatus): string | undefined {
  const { count: kept, location = 'the store' } = storage.replayRefused;
  const waiting = storage.replaysWaiting;
  const sandboxes = `${count(waiting)} ${waiting === 1 ? 'sandbox' : 'sandboxes'}`;
  if (kept > 0) {
    const found = `${count(kept)} acknowledged ${kept === 1 ? 'request is' : 'requests are'} not in the state: kept in ${location} (README: Persistence)`;
    return waiting > 0 ? `${found}; restoring ${sandboxes} may add more (logged as [REPLAY_REFUSED])` : found;
  }
  if (waiting > 0) return `none so far; restoring ${sandboxes} with journal entries to replay may find some (logged as [REPLAY_REFUSED], kept in ${location})`;
  return undefined;
}

function describeStorage(storage: StorageStatus): string {
  if (storage.kind === 'memory') return 'in memory';
  const writes = storage.entriesSinceSnapshot;
  const parts = [`SQLite store, ${count(writes)} ${writes === 1 ? 'write' : 'writes'} since the last snapshot`];
  if (storage.compacting) parts.push('writing a snapshot');
  if (!storage.writable) parts.push('writes refused until the store answers again');
  return parts.join(', ');
}
