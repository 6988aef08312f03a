import { backgroundCompactor, openDataDir } from '#data-dir';
import type { WorkingCalendar, YearSchedule } from '@gdx/calendar';
import { Journal } from '../persistence/journal.js';
import { watchLock } from '../persistence/lock-watch.js';
import type { JournalEntry } from '../persistence/journal-entry.js';
import type { RefusedEntry } from '../persistence/refused-entry.js';
import type { SnapshotPart, Store, StoredState } from '../persistence/store.js';
import { sharedContract } from './shared-contracts.js';
import { defaultPlatforms } from '../platforms/index.js';
import type { OrganisationSource } from '../sandbox/builtin-organisations.js';
import { seedOrganisations } from '../sandbox/seed-data-cache.js';
import { DEFAULT_SANDBOX_ID, SandboxRegistry, savedRegistry } from '../sandbox/registry.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { DeliveryMode, SandboxEnvironment } from '../sandbox/sandbox.js';
import { QuotaGuard, resolveIdempotencyRetention, resolveMaxSandboxes, resolveMaxWebhooks, resolveQuotas, type SandboxQuotas } from '../sandbox/quotas.js';
import type { ClockMode } from '../sandbox/sandbox-clock.js';
import { resolveRequestJournalLimits, type RequestJournal, type RequestJournalLimits } from '../sandbox/request-journal.js';
import type { WebhookDeliveryOptions } from '../sandbox/webhooks.js';
import { Dispatcher, type DispatcherDeps } from './dispatcher.js';
import { nextTurn } from './next-turn.js';
import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { refusalMeta } from './dispatch-meta.js';
import { handleRequest } from './handle-request.js';
import { headAnswer } from './head-answer.js';
import { journalRequests } from './journal/journal-requests.js';
import { refuseOverLimits } from './limit-checks.js';
import { ReplayRefusals } from './replay-refusals.js';
import { replayTarget } from './replay-target.js';
import { contractsAnswer } from './served-contracts.js';
import { resolveLimits, type Limits } from './limits.js';
import { MemoryGuard, type MemoryOptions } from './memory-guard.js';
import { simAccessGuard } from './sim-access.js';
import { CURRENT_REVISION, REVISIONS, type OpenApiDocument, type PlatformModule, type ProfileRef, type ReviewerPolicy } from './platform-module.js';
import { buildRouter, SIM_PREFIX } from './route-table.js';
import { TOLERATED_QUERY_PARAMETERS } from './unknown-parameters.js';
import { SIM_ROUTES } from './sim/index.js';
import type { ServiceConnections, ServiceStorage } from './sim/service-status.js';
import { CLOCK_RANGE_TEXT, withinClockBounds } from '../sandbox/clock-bounds.js';
import { serverCalendarYears } from './server-calendar-years.js';
import { changedServerYears, serverCalendar, serverYearsChangeText } from './server-calendar-change.js';

/** Options of `createApp`. */
export interface AppOptions {
  /** The platforms to mount (default: `defaultPlatforms()`). */
  // `any`: a module's state type appears in parameter positions, so modules of different states only fit a list as `any`.
  platforms?: readonly PlatformModule<any>[];
  /** The simulation API's document to validate its requests with (default: the bundled one; `false`: none). */
  simulationSpec?: OpenApiDocument | false;
  /** Seed of the app: the default sandbox's seed and the source of generated ids and seeds (default 1). */
  seed?: number;
  /** Profile of the default sandbox and of new sandboxes that name none (default `national`). */
  profile?: ProfileRef;
  /** Clock mode of the default sandbox and of new sandboxes that name none (default `virtual`). */
  clock?: ClockMode;
  /** Where virtual clocks start (epoch ms or RFC 3339; default: wall time at start). */
  startAt?: number | string;
  reviewerPolicy?: ReviewerPolicy;
  /**
   * Year schedules every sandbox holds besides the shipped ones (2024–2026), such as a year whose
   * notice came out after this release: the default sandbox, those created or imported later, and
   * each one again after a reset. A sandbox's own `PUT /_sim/v1/sandboxes/{id}/calendar/{year}`
   * wins for its year, in that sandbox. Each is checked as that endpoint checks its body (an
   * `InvalidCalendarYearError`, code `INVALID_CALENDAR_YEAR`, names the schedule and the field;
   * a year given twice is refused). Not a sandbox's state: its snapshot keeps only its own years.
   * With `dataDir`, the years in force are recorded in the directory's snapshots and its entries
   * replay under the years they ran under; a start given other years restores every sandbox, lays
   * them under each (planning again what a year gained unblocks) and records them before serving,
   * logging `[CALENDAR_CHANGED]` with the years added, replaced and dropped. Default: none.
   */
  calendarYears?: readonly YearSchedule[];
  /** Organisations of each new sandbox (default: those of the seed data, `seedOrganisations`). */
  organisations?: OrganisationSource;
  /**
   * Directory of the store (`store.sqlite`, SQLite): every acknowledged write is committed there
   * before its answer. Without it (and without `store`) the app keeps everything in memory. Node
   * only: browsers throw `DATA_DIR_UNSUPPORTED`. A damaged directory throws `DataDirDamagedError`;
   * one another process (or app) holds, `DataDirInUseError`; one that cannot be made or locked,
   * `DataDirUnavailableError`; entries a replay refused that cannot be kept,
   * `RefusedEntriesUnavailableError` (each exported, with its `code`).
   */
  dataDir?: string;
  /** A store of your own instead of `dataDir`'s SQLite file (another engine, or a test's faulty one). */
  store?: Store;
  /** Snapshot the state every this many journal entries, counted across restarts (default 10 000). */
  compactEvery?: number;
  /**
   * Take `dataDir` snapshots in a worker thread, so requests never wait for one (default true).
   * It needs the default platforms and organisations and the bundled simulation spec (a worker
   * must rebuild the same app from plain options); otherwise snapshots are taken in-process.
   */
  backgroundCompaction?: boolean;
  /** Webhook delivery settings (fetch, attempts, backoff, timeout, attempts in flight per webhook). */
  webhooks?: Partial<WebhookDeliveryOptions>;
  /** Wall-time source (default `Date.now`). */
  now?: () => number;
  /** Where unexpected errors are reported (default `console.error`). */
  logError?: (message: string, error: unknown) => void;
  /** Request size limits, checked before any work (default `DEFAULT_LIMITS`: 1 MiB body, 8 KiB URL, 16 KiB headers). */
  limits?: Partial<Limits>;
  /**
   * When set, every `/_sim/v1` request needs `Authorization: Bearer <simToken>` (else 401
   * `SIM_TOKEN_REQUIRED`); 16–512 token characters. Default: none (see `simAccessGuard`).
   */
  simToken?: string;
  /**
   * Refuse writes that add state (platform writes, new sandboxes, clock advances…) with 503
   * `INSUFFICIENT_MEMORY` while the heap is at `maxHeapRatio` of its limit; reads, deletions and
   * resets go on, so the operator can free memory. Default: off (`gdx-mock` turns it on at 0.9).
   */
  memory?: MemoryOptions;
  /** Per-sandbox quotas (default `DEFAULT_QUOTAS`: 250,000 objects, 2,000,000 events, 256 MiB of stored request bodies); a sandbox may be created with its own. */
  quotas?: Partial<SandboxQuotas>;
  /**
   * The most sandboxes the app holds, `default` included (default `DEFAULT_MAX_SANDBOXES`,
   * 1,000): creating or importing one more answers 409 `SANDBOX_LIMIT_REACHED`. A positive
   * integer, else a `RangeError`. Journal entries are replayed past it (they were acknowledged).
   */
  maxSandboxes?: number;
  /**
   * The most webhooks each sandbox holds (default `DEFAULT_MAX_WEBHOOKS`, 100): subscribing one
   * more answers 409 `WEBHOOK_LIMIT_REACHED`. A positive integer, else a `RangeError`. Journal
   * entries are replayed past it (they were acknowledged).
   */
  maxWebhooks?: number;
  /**
   * How long an `Idempotency-Key` is remembered after its first answer, in ms of wall time
   * (default `DEFAULT_IDEMPOTENCY_RETENTION_MS`, 24 hours): a retry within it replays the answer,
   * the key reused after it is a new request. Wall time, not a sandbox's clock: clients retry in
   * real time. Expired records are dropped from memory a bounded batch per write and left out of
   * snapshots, freeing the stored bytes they held. A positive integer, else a `RangeError`.
   */
  idempotencyRetentionMs?: number;
  /**
   * Bounds of each sandbox's request journal (`GET /_sim/v1/sandboxes/{id}/requests`): entries
   * (default 1000; 0 journals nothing), bytes kept of each body (default 16 KiB, longer ones cut
   * and flagged) and bytes per sandbox (default 8 MiB). In memory only: a restart, a reset, a
   * delete or an import starts an empty journal.
   */
  requestJournal?: Partial<RequestJournalLimits>;
  /**
   * Query parameter names every operation takes and ignores although no contract declares them,
   * besides `_` (always taken: `TOLERATED_QUERY_PARAMETERS`) — names an integrator's HTTP tooling
   * appends that it cannot turn off. Any other undeclared name is 400 `VALIDATION_FAILED` at
   * `/query/<name>` (`UNKNOWN_PARAMETER`). Default: none.
   */
  ignoredQueryParameters?: readonly string[];
}

/**
 * Where an app keeps what it acknowledged: `App['storage']`.
 *
 * @example
 * ```ts
 * const { kind, writable } = app.storage; // 'store', true
 * ```
 */
export type StorageStatus = ServiceStorage;

/** The mock application core, shared by every transport. */
export interface App {
  /** Answers a request given as plain values: the fast path of the HTTP server. */
  dispatch(request: DispatchRequest): Promise<DispatchResponse>;
  /** Answers a WHATWG `Request` (for MSW and the in-process fetch); a connection reset is `Response.error()`. */
  handle(request: Request): Promise<Response>;
  /** The mounted platforms. */
  readonly platforms: readonly PlatformModule<unknown>[];
  /** The request size limits in force (transports read bodies up to `maxBodyBytes`). */
  readonly limits: Readonly<Limits>;
  /** Where acknowledged writes are kept, and whether writes are accepted now. */
  readonly storage: StorageStatus;
  /**
   * Lets `GET /_sim/v1/health` show the connections of the HTTP server serving the app
   * (`connections: { open, max }`): `startServer` calls it with its own count; `undefined` detaches.
   * In-process transports (MSW, the fetch) have no connections: health then leaves the field out.
   */
  attachConnections(source: (() => ServiceConnections) | undefined): void;
  /** Waits for webhook deliveries in flight and those waiting for their turn (pending retries are not waited for). */
  idle(): Promise<void>;
  /** Writes what is pending to the journal, cancels webhook retries and closes files. */
  close(): Promise<void>;
}

/**
 * Creates the mock platform: sandboxes (a `default` one at start), the platform modules mounted
 * under `/{platform}/v1` and `/sandboxes/{id}/{platform}/v1`, and the simulation API under
 * `/_sim/v1`. With `dataDir`, the state is rebuilt from the snapshot and journal found there.
 *
 * @example
 * ```ts
 * import { createApp } from '@gdx/mock-server';
 * const app = createApp({ seed: 42, startAt: '2025-09-26T10:00:00+08:00' });
 * const res = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: {}, body: undefined });
 * JSON.parse(String(res.body)).organizations[0].appKey; // 'ak_…'
 * ```
 */
export function createApp(options: AppOptions = {}): App {
  return createAppCore(options).app;
}

/** Settings only the compaction worker uses. */
interface CoreOptions extends AppOptions {
  /** Rebuild from this state instead of a store's, and keep nothing. */
  restoreFrom?: StoredState;
  /** Send the webhook deliveries left pending (default true; the worker sends nothing). */
  resumeDeliveries?: boolean;
  /** Restore every saved sandbox in the background after the start (default true; the worker restores only what it replays into). */
  warmUp?: boolean;
  /** Where entries the replay refuses are kept, without a store (the worker: the data directory's file). */
  keepRefused?: (refusals: readonly RefusedEntry[]) => void;
}

/** The options a worker can rebuild the same app from (plain data), or `undefined` if these cannot be. */
function replicableOptions(options: AppOptions): Record<string, unknown> | undefined {
  if (options.platforms || options.organisations || options.simulationSpec !== undefined || options.store) return undefined;
  const { webhooks: _webhooks, now: _now, logError: _logError, dataDir: _dataDir, backgroundCompaction: _background, ...plain } = options;
  return plain;
}

/**
 * `createApp`, plus the JSON of the whole persisted state: the compaction worker's way in.
 * @internal
 */
export function createAppCore(options: CoreOptions = {}): { app: App; persistedState: () => SnapshotPart[] } {
  const realWall = options.now ?? Date.now;
  let pinnedWall: number | undefined;
  const wall = (): number => pinnedWall ?? realWall();
  // While a journal entry is replayed: `record` rebuilds the delivery log of the events it emits.
  let replayDeliveries: DeliveryMode | undefined;
  // While a journal entry is replayed: the revision it ran under (`SandboxContext.revision`).
  let replayRevision: number | undefined;
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const platforms = (options.platforms ?? defaultPlatforms()) as readonly PlatformModule<unknown>[];
  const startAt = typeof options.startAt === 'string' ? Date.parse(options.startAt) : options.startAt;
  if (startAt !== undefined && !Number.isFinite(startAt)) throw new RangeError(`[INVALID_START_AT] 起始时间无效 / invalid startAt: ${String(options.startAt)}`);
  if (startAt !== undefined && !withinClockBounds(startAt)) throw new RangeError(`[INVALID_START_AT] 起始时间${CLOCK_RANGE_TEXT.zh} / startAt must be ${CLOCK_RANGE_TEXT.en}: ${String(options.startAt)}`);
  if (options.seed !== undefined && (!Number.isSafeInteger(options.seed) || options.seed < 0)) throw new RangeError(`[INVALID_SEED] 随机种子须为非负整数 / seed must be a non-negative integer: ${options.seed}`);
  const limits = resolveLimits(options.limits);
  const quotas = resolveQuotas(options.quotas);
  const maxSandboxes = resolveMaxSandboxes(options.maxSandboxes);
  const maxWebhooks = resolveMaxWebhooks(options.maxWebhooks);
  const idempotencyRetentionMs = resolveIdempotencyRetention(options.idempotencyRetentionMs);
  const requestJournal = resolveRequestJournalLimits(options.requestJournal);
  const memory = options.memory === undefined ? undefined : new MemoryGuard(options.memory);
  // The control-plane rules (token, JSON-only writes) hold on every transport; replay bypasses them.
  // Made here, before the store opens, so that a bad token refuses the start with nothing to close;
  // `router` is read only once requests are answered.
  const guard = simAccessGuard({ simToken: options.simToken, routes: (method, path) => router.match(method, path).kind === 'found' });

  const simulationSpec = options.simulationSpec === false ? undefined : (options.simulationSpec ?? sharedContract('simulation'));
  const router = buildRouter(platforms, SIM_ROUTES, simulationSpec);
  // Checked by the PUT endpoint's own validator, before the store opens: a bad one leaves nothing to close.
  const putYear = router.match('PUT', `${SIM_PREFIX}/sandboxes/${DEFAULT_SANDBOX_ID}/calendar/2000`);
  const calendarYears = serverCalendarYears(options.calendarYears ?? [], putYear.kind === 'found' ? putYear.value.validator : undefined);
  // Indexed once here: each sandbox starts from a copy (free), not from the years again (~0.27 ms each).
  const calendar = serverCalendar(calendarYears);

  // Set once the store is read; the delivery hook below only runs after that.
  let deps: DispatcherDeps;
  const env: SandboxEnvironment = {
    platforms,
    organisations: options.organisations ?? seedOrganisations,
    webhooks: { fetch: (...args) => globalThis.fetch(...args), maxAttempts: 5, baseDelayMs: 500, timeoutMs: 5_000, concurrency: 8, ...options.webhooks },
    wall,
    quotas,
    maxSandboxes,
    maxWebhooks,
    idempotencyRetentionMs,
    requestJournal,
    calendar,
    calendarYears,
    deliveryMode: () => replayDeliveries ?? 'send',
    revision: () => replayRevision ?? CURRENT_REVISION,
    // An outcome is journaled without waiting: if it is lost in a crash, the delivery stays
    // pending and is sent again (at least once).
    recordDelivery: (outcome) => {
      deps.journal?.append({ kind: 'delivery', rev: CURRENT_REVISION, at: realWall(), ...outcome }).durable.catch((error: unknown) => logError(`[JOURNAL] delivery ${outcome.deliveryId}`, error));
    },
  };
  const defaults = {
    profile: options.profile ?? 'national',
    seed: options.seed ?? 1,
    clock: options.clock ?? 'virtual',
    reviewerPolicy: options.reviewerPolicy ?? { mode: 'auto' },
    ...(startAt !== undefined ? { startAt } : {}),
  };

  const store = options.restoreFrom ? undefined : (options.store ?? (options.dataDir ? openDataDir(options.dataDir, (message) => logError(message, undefined)) : undefined));
  // Read and checked before anything is served: a damaged store stops the start here, and so does a
  // refused-entries file that cannot be read.
  let stored: StoredState | undefined;
  let refusals: ReplayRefusals;
  try {
    stored = options.restoreFrom ?? store?.load();
    refusals = new ReplayRefusals({ keep: options.keepRefused ?? (store ? (refused) => store.keepRefused(refused) : undefined), kept: store ? () => store.refused : undefined, logError, now: realWall });
  } catch (error) {
    store?.close();
    throw error;
  }
  // Journal entries of sandboxes still in their saved form, replayed when each is restored.
  const queued = new Map<string, JournalEntry[]>();
  // Set once the start is over: a sandbox restored later resumes its pending deliveries itself.
  let serving = false;
  const resumeDeliveries = options.resumeDeliveries !== false;
  // The request journals of the sandboxes a put-back (`backTo`) rebuilt, until each is restored.
  const carriedRequests = new Map<string, RequestJournal>();
  const continueRequests = (sandbox: Sandbox): void => {
    const journal = carriedRequests.get(sandbox.id);
    if (journal === undefined) return;
    carriedRequests.delete(sandbox.id);
    sandbox.continueRequests(journal);
  };
  const onRestore = (sandbox: Sandbox): void => {
    continueRequests(sandbox);
    const entries = queued.get(sandbox.id);
    queued.delete(sandbox.id);
    for (const entry of entries ?? []) replayEntry(entry);
    if (serving && resumeDeliveries) sandbox.webhooks.resume();
  };
  // The server's years a data directory recorded in its newest snapshot (absent: none, or one
  // written before they were recorded): its entries replay under them, not under the start's.
  let recordedYears: readonly YearSchedule[] | undefined;
  /**
   * The sandboxes as a stored snapshot left them (before its journal entries are replayed), each
   * restored on first use, over the server's years the snapshot recorded.
   */
  const registryFrom = (state: StoredState | undefined): SandboxRegistry => {
    const saved = state?.snapshot && savedRegistry(state.snapshot);
    recordedYears = saved?.serverCalendarYears;
    env.calendarYears = recordedYears ?? calendarYears;
    env.calendar = recordedYears ? serverCalendar(recordedYears) : calendar;
    return new SandboxRegistry(env, defaults, saved, onRestore);
  };
  const ignoredQueryParameters = [...TOLERATED_QUERY_PARAMETERS, ...(options.ignoredQueryParameters ?? [])];
  const atInstant = <T>(at: number, run: () => T): T => {
    const outer = pinnedWall;
    pinnedWall = at;
    try {
      return run();
    } finally {
      pinnedWall = outer;
    }
  };
  deps = { router, registry: registryFrom(stored), platforms, wall, atInstant, journal: undefined, logError, quotas: new QuotaGuard(), ignoredQueryParameters, ...(memory ? { memory } : {}) };
  const dispatcher = new Dispatcher(deps);

  /** Re-executes one journal entry at its recorded time (also while another is replayed: a restore on first use). */
  const replayEntry = (entry: JournalEntry): void => {
    if (entry.kind === 'delivery') {
      // A 410 journaled before it disabled the webhook left it receiving: the deliveries after it are in the log.
      deps.registry.get(entry.sandboxId)?.webhooks.apply(entry, (entry.rev ?? 0) >= REVISIONS.webhookDisabledOnGone);
      return;
    }
    const outer = { pinnedWall, replayDeliveries, replayRevision };
    pinnedWall = entry.at;
    replayRevision = entry.rev ?? 0;
    // Entries of journals that predate delivery outcomes rebuild no log (nothing would settle it).
    replayDeliveries = entry.kind === 'command' ? 'record' : 'skip';
    let refusal;
    try {
      refusal = dispatcher.replay(entry);
    } finally {
      ({ pinnedWall, replayDeliveries, replayRevision } = outer);
    }
    if (!refusal) return;
    refusals.note(entry, refusal);
    // At start the whole replay is kept at once (below); a sandbox restored later keeps its own now.
    if (serving) refusals.flushOrLog();
  };
  /**
   * Restores the default sandbox and replays the stored entries: those of a sandbox still in its
   * saved form wait for its restore, the rest (the default's, the registry's) run now, in order.
   */
  const replayStored = ({ entries }: StoredState): void => {
    queued.clear();
    deps.registry.get(DEFAULT_SANDBOX_ID);
    for (const entry of entries) {
      const target = replayTarget(router, entry);
      if (target === undefined || !deps.registry.isDeferred(target)) {
        replayEntry(entry);
        continue;
      }
      const waiting = queued.get(target);
      if (waiting) waiting.push(entry);
      else queued.set(target, [entry]);
    }
  };
  if (stored) replayStored(stored);
  // Kept before anything is served or snapshotted: if they cannot be, the start stops, naming the file
  // (the compaction worker's "start" is a snapshot's: it is not written).
  try {
    refusals.flush(options.restoreFrom ? undefined : 'start');
  } catch (error) {
    deps.registry.close();
    store?.close();
    throw error;
  }

  /**
   * The persisted state's parts: sandboxes with entries waiting are restored first, those without
   * keep their stored part. The entries their replays refused are kept before the parts are handed
   * out: a snapshot of this state no longer replays them (throws if they could not be kept).
   */
  const persistedState = (): SnapshotPart[] => {
    for (const id of [...queued.keys()]) deps.registry.get(id);
    refusals.flush();
    return deps.registry.persistParts();
  };
  /**
   * Serves the years given at this start from now on where the store recorded others: every
   * sandbox is restored first (the entries waiting for one ran under the recorded years), then
   * takes the years that changed, unblocking what a year gained allows as a `PUT …/calendar/{year}`
   * does, and a snapshot records them, so that the writes acknowledged from now on replay under
   * them. Nothing was served yet: a snapshot that cannot be written stops the start (the next one
   * finds the store as it was). A store that recorded none (written before the years were
   * recorded) replayed under the given years already: its next snapshot records them.
   */
  function adoptGivenYears(into: Store): void {
    const recorded = env.calendar;
    if (!recordedYears || !recorded) return;
    const changed = changedServerYears(recorded, calendar);
    if (changed.length === 0) return;
    const sandboxes = deps.registry.list();
    env.calendar = calendar;
    env.calendarYears = calendarYears;
    for (const sandbox of sandboxes) sandbox.serverYearsChanged(changed, calendar);
    into.writeSnapshot(into.lastSeq, persistedState());
    logError(serverYearsChangeText(changed, recorded, calendar), undefined);
  }
  if (store) {
    try {
      adoptGivenYears(store);
    } catch (error) {
      deps.registry.close();
      store.close();
      throw error;
    }
  }
  /** The worker's snapshot no longer replays what this thread's replays refused: kept first. */
  const compactAfterKeeping = (compact: (seq: number) => Promise<void>) => async (seq: number): Promise<void> => {
    refusals.flush();
    await compact(seq);
  };
  /** Puts the state back to what `from` holds: the sandboxes rebuilt from its snapshot and journal. */
  const backTo = (from: Store): void => {
    // Read before anything is dropped: a store that cannot be read leaves the state as it was.
    const kept = from.load();
    // What clients asked of each sandbox is kept: the request journals are not state to undo.
    for (const sandbox of deps.registry.restored()) carriedRequests.set(sandbox.id, sandbox.requests);
    deps.registry.close();
    deps.registry = registryFrom(kept);
    replayStored(kept);
    for (const sandbox of deps.registry.restored()) continueRequests(sandbox);
    // Those still in their saved form take theirs when restored; a sandbox the store does not hold
    // (made by the write undone) is gone with its journal.
    for (const id of carriedRequests.keys()) if (!deps.registry.isDeferred(id)) carriedRequests.delete(id);
    for (const sandbox of deps.registry.restored()) sandbox.webhooks.resume();
    if (options.warmUp !== false) warmUp();
  };
  const replicable = options.dataDir && options.backgroundCompaction !== false ? replicableOptions(options) : undefined;
  const compactInBackground = replicable && options.dataDir && store?.identity !== undefined ? backgroundCompactor(options.dataDir, replicable, store.identity) : undefined;
  const journal = store
    ? new Journal(store, {
        compactEvery: options.compactEvery ?? 10_000,
        snapshot: persistedState,
        // A sandbox in its saved form reads it from the newest snapshot or the one before, which the next snapshot would drop.
        mayCompact: () => deps.registry.deferred === 0,
        ...(compactInBackground ? { compactInBackground: compactAfterKeeping(compactInBackground) } : {}),
        // A batch that could not be committed is undone by going back to what the store holds.
        onFailure: (failure) => {
          logError('[STORAGE] a write could not be made durable; state rolled back to the store, writes refused until it works again', failure);
          backTo(store);
        },
        logError,
        now: realWall,
      })
    : undefined;
  deps.journal = journal;
  // A write a bug interrupted may have changed state it never journaled (transitions fired before
  // the one that threw): once the writes before it are committed, the store holds exactly what
  // was acknowledged, so going back to it undoes the failed write and nothing else.
  if (store && journal) {
    deps.discardUnjournaled = () => {
      journal.commitPending();
      // A commit that failed has gone back to the store already (`onFailure`).
      if (!journal.writable()) return 'the state was put back to what the data directory holds';
      try {
        backTo(store);
        return 'the state was put back to what the data directory holds';
      } catch (error) {
        return `the state could not be put back to the data directory (${error instanceof Error ? error.message : String(error)}), so it may hold part of this write until a restart`;
      }
    };
  }
  // Deleting gdx-mock.lock under the server would let a second one take the directory unnoticed.
  const lock = store ? watchLock(store, logError) : undefined;
  // A new store starts with a snapshot of the initial state, so a replay never derives it anew
  // (the default sandbox's start would otherwise be read from the wall clock again).
  if (store && !stored?.snapshot && store.lastSeq === 0) store.writeSnapshot(0, persistedState());
  // A start after many writes without a snapshot (a crash, say) takes one now, so the next start is short.
  journal?.compactIfDue();

  // What was pending when the last process stopped is sent now, once (by each other sandbox when it is restored).
  if (resumeDeliveries) for (const sandbox of deps.registry.restored()) sandbox.webhooks.resume();
  serving = true;
  let closed = false;
  let warming = false;
  if (options.warmUp !== false) warmUp();

  /**
   * Restores the sandboxes left in their saved form, one per turn of the event loop so requests
   * are answered between them; a snapshot put off meanwhile is taken at the end.
   */
  function warmUp(): void {
    if (warming) return;
    const failed = new Set<string>();
    const next = (): void => {
      const id = closed ? undefined : deps.registry.deferredIds().find((candidate) => !failed.has(candidate));
      if (id === undefined) {
        warming = false;
        if (!closed) journal?.compactIfDue();
        return;
      }
      try {
        deps.registry.get(id);
      } catch (error) {
        // Left in its saved form: its requests meet the same error, reported to them, and no snapshot drops it.
        failed.add(id);
        logError(`[STORAGE] sandbox ${id} could not be restored`, error);
      }
      nextTurn(next);
    };
    if (deps.registry.deferred === 0) return;
    warming = true;
    nextTurn(next);
  }

  // A sandbox still in its saved form was not reached (its restore failed): nothing to journal or
  // look up in it, and no restore is tried again here.
  const restoredSandbox = (id: string) => (deps.registry.isDeferred(id) ? undefined : deps.registry.get(id));
  const answer = (request: DispatchRequest): Promise<DispatchResponse> => {
    // Size limits first: nothing of an oversized request is looked at (replay bypasses both).
    // The served contracts belong to no sandbox and change nothing: answered before routing too.
    const refused = refuseOverLimits(request, limits) ?? guard(request) ?? contractsAnswer(request);
    const answered = refused ? Promise.resolve({ ...refused, meta: refusalMeta(request, refused, router, restoredSandbox) }) : dispatcher.dispatch(request);
    // HEAD is GET without the body (RFC 9110 §9.3.2; the router maps it): the same status and headers, the GET's length, on every transport.
    return request.method === 'HEAD' ? answered.then(headAnswer) : answered;
  };
  // Journaling wraps the core, so every transport's requests are journaled; with no entries kept it costs nothing.
  const dispatch = requestJournal.entries === 0 ? answer : journalRequests(answer, { sandbox: restoredSandbox, wall: realWall });
  // Set by the HTTP server that serves the app (`startServer`), for health to show.
  let connections: (() => ServiceConnections) | undefined;
  const app: App = {
    platforms,
    limits,
    dispatch,
    handle: (request) => handleRequest(dispatch, request, limits),
    storage: {
      kind: journal ? 'store' : 'memory',
      ...(journal ? { location: journal.location } : {}),
      get writable() {
        return journal?.writable() ?? true;
      },
      get compacting() {
        return journal?.compacting ?? false;
      },
      get entriesSinceSnapshot() {
        return journal?.entriesSinceSnapshot ?? 0;
      },
      get restoring() {
        return deps.registry.deferred;
      },
      get unrestorable() {
        return deps.registry.unrestorable;
      },
      get replaysWaiting() {
        return queued.size;
      },
      get lockLost() {
        return lock?.lost() ?? false;
      },
      get snapshotsFailing() {
        return journal?.snapshotsFailing ?? false;
      },
      get replayRefused() {
        // Read by health: a keep that failed after the start is tried again, so recovery needs no write.
        refusals.retryDue();
        const refused = store?.refused;
        return refused ? { count: refused.count, location: refused.location, notKept: refusals.notKept } : { count: 0, notKept: 0 };
      },
    },
    attachConnections(source) {
      connections = source;
    },
    async idle() {
      await Promise.all(deps.registry.restored().map((s) => s.webhooks.idle()));
    },
    async close() {
      closed = true;
      lock?.stop();
      await journal?.close();
      deps.registry.close();
    },
  };
  // Started once the data directory was read and replayed: from here on every answer is ready.
  deps.service = { startedAt: realWall(), now: realWall, storage: app.storage, showsLocation: options.simToken === undefined, connections: () => connections?.(), memory: () => memory?.status() };
  return { app, persistedState };
}
