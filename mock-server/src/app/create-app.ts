import { openDataDir } from '#data-dir';
import { loadBundledSpec } from '@gdx/openapi';
import { defaultPlatforms } from '../platforms/index.js';
import type { OrganisationSource } from '../sandbox/builtin-organisations.js';
import { seedOrganisations } from '../sandbox/seed-data-cache.js';
import { SandboxRegistry, type RegistrySnapshot } from '../sandbox/registry.js';
import type { DeliveryMode, SandboxEnvironment } from '../sandbox/sandbox.js';
import type { ClockMode } from '../sandbox/sandbox-clock.js';
import type { WebhookDeliveryOptions } from '../sandbox/webhooks.js';
import { Dispatcher } from './dispatcher.js';
import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { handleRequest } from './handle-request.js';
import { refuseOverLimits } from './limit-checks.js';
import { resolveLimits, type Limits } from './limits.js';
import { simAccessGuard } from './sim-access.js';
import type { OpenApiDocument, PlatformModule, ProfileRef, ReviewerPolicy } from './platform-module.js';
import { buildRouter } from './route-table.js';
import { SIM_ROUTES } from './sim/index.js';

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
  /** Organisations of each new sandbox (default: those of the seed data, `seedOrganisations`). */
  organisations?: OrganisationSource;
  /** Directory of the journal and snapshot; without it the app keeps everything in memory. Node only: browsers throw `DATA_DIR_UNSUPPORTED`. */
  dataDir?: string;
  /** Snapshot the state and truncate the journal every this many entries (default 10 000). */
  compactEvery?: number;
  /** Webhook delivery settings (fetch, attempts, backoff). */
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
}

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
  /** Waits for webhook deliveries in flight (pending retries are not waited for). */
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
  const realWall = options.now ?? Date.now;
  let pinnedWall: number | undefined;
  const wall = (): number => pinnedWall ?? realWall();
  // While a journal entry is replayed: `record` rebuilds the delivery log of the events it emits.
  let replayDeliveries: DeliveryMode | undefined;
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const platforms = (options.platforms ?? defaultPlatforms()) as readonly PlatformModule<unknown>[];
  const startAt = typeof options.startAt === 'string' ? Date.parse(options.startAt) : options.startAt;
  if (startAt !== undefined && !Number.isFinite(startAt)) throw new RangeError(`[INVALID_START_AT] 起始时间无效 / invalid startAt: ${String(options.startAt)}`);
  if (options.seed !== undefined && (!Number.isSafeInteger(options.seed) || options.seed < 0)) throw new RangeError(`[INVALID_SEED] 随机种子须为非负整数 / seed must be a non-negative integer: ${options.seed}`);
  const limits = resolveLimits(options.limits);
  // The control-plane rules (token, JSON-only writes) hold on every transport; replay bypasses them.
  const guard = simAccessGuard({ simToken: options.simToken });

  const env: SandboxEnvironment = {
    platforms,
    organisations: options.organisations ?? seedOrganisations,
    webhooks: { fetch: (...args) => globalThis.fetch(...args), maxAttempts: 5, baseDelayMs: 500, timeoutMs: 5_000, ...options.webhooks },
    wall,
    deliveryMode: () => replayDeliveries ?? 'send',
    // An outcome is journaled without waiting: if it is lost in a crash, the delivery stays
    // pending and is sent again (at least once).
    recordDelivery: (outcome) => {
      journal?.append({ kind: 'delivery', at: realWall(), ...outcome }).durable.catch((error: unknown) => logError(`[JOURNAL] delivery ${outcome.deliveryId}`, error));
    },
  };
  const defaults = {
    profile: options.profile ?? 'national',
    seed: options.seed ?? 1,
    clock: options.clock ?? 'virtual',
    reviewerPolicy: options.reviewerPolicy ?? { mode: 'auto' },
    ...(startAt !== undefined ? { startAt } : {}),
  };

  const dataDir = options.dataDir
    ? openDataDir<RegistrySnapshot>(options.dataDir, { compactEvery: options.compactEvery ?? 10_000, snapshot: (): RegistrySnapshot => registry.snapshot() })
    : undefined;
  const persisted = dataDir?.persisted;
  const journal = dataDir?.journal;
  const registry = new SandboxRegistry(env, defaults, persisted?.snapshot?.state);
  const simulationSpec = options.simulationSpec === false ? undefined : (options.simulationSpec ?? (loadBundledSpec('simulation') as OpenApiDocument));
  const router = buildRouter(platforms, SIM_ROUTES, simulationSpec);
  const dispatcher = new Dispatcher({
    router,
    registry,
    platforms,
    wall,
    journal,
    logError,
  });

  for (const entry of persisted?.entries ?? []) {
    if (entry.kind === 'delivery') {
      registry.get(entry.sandboxId)?.webhooks.apply(entry);
      continue;
    }
    pinnedWall = entry.at;
    // Entries of journals that predate delivery outcomes rebuild no log (nothing would settle it).
    replayDeliveries = entry.kind === 'command' ? 'record' : 'skip';
    try {
      dispatcher.replay(entry);
    } finally {
      pinnedWall = undefined;
      replayDeliveries = undefined;
    }
  }
  // What was pending when the last process stopped is sent now, once.
  for (const sandbox of registry.list()) sandbox.webhooks.resume();

  const dispatch = (request: DispatchRequest): Promise<DispatchResponse> => {
    // Size limits first: nothing of an oversized request is looked at (replay bypasses them).
    const refused = refuseOverLimits(request, limits) ?? guard(request);
    return refused ? Promise.resolve(refused) : dispatcher.dispatch(request);
  };
  return {
    platforms,
    limits,
    dispatch,
    handle: (request) => handleRequest(dispatch, request, limits),
    async idle() {
      await Promise.all(registry.list().map((s) => s.webhooks.idle()));
    },
    async close() {
      registry.close();
      await journal?.close();
    },
  };
}
