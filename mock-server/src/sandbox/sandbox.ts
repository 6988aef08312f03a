import { formatShanghaiInstant, WorkingCalendar, type YearSchedule } from '@gdx/calendar';
import { MemoryNonceStore, type SavedNonce } from '@gdx/protocol';
import {
  CURRENT_REVISION,
  type Organisation,
  type PlatformModule,
  type PlatformName,
  type ProfileRef,
  type ReviewerPolicy,
  type SandboxContext,
  type SandboxEventInput,
} from '../app/platform-module.js';
import { EventFeed, type FeedEvent, type SavedFeedEvent } from './event-feed.js';
import { FaultRules, type FaultRule } from './faults.js';
import { FiredLog } from './fired-log.js';
import { createIdGenerator, type SandboxIdGenerator } from './id-generator.js';
import { IdempotencyStore, type IdempotencyRecord } from './idempotency-store.js';
import { createRandom, type SeededRandom } from './random.js';
import { copyJson } from '../app/copy-json.js';
import type { ProductFiling, SharingConsent } from '../app/platform-facts.js';
import { transitionLabels, type LocalizedLabel, type TransitionLabels } from '../app/workflow-objects.js';
import type { CatalogEntry } from './seed/types.js';
import { createSandboxClock, type ClockMode, type ClockState, type SandboxClock } from './sandbox-clock.js';
import { Webhooks, type DeliveryOutcome, type SavedDelivery, type Webhook, type WebhookDeliveryOptions } from './webhooks.js';
import type { OrganisationSource } from './builtin-organisations.js';
import { DEFAULT_MAX_WEBHOOKS, resolveQuotas, type SandboxQuotas } from './quotas.js';
import { RequestJournal, type RequestJournalLimits } from './request-journal.js';

/** How a sandbox was asked for; a reset rebuilds it from this. */
export interface SandboxConfig {
  id: string;
  profile: ProfileRef;
  seed: number;
  clock: ClockMode;
  /** Epoch ms the clock starts at (virtual) or the wall time of creation (realtime). */
  startAt: number;
  reviewerPolicy: ReviewerPolicy;
  /** RFC 3339 instant on the sandbox clock when it was created. */
  createdAt: string;
  /** Quotas of this sandbox over the app's (`quotas.ts`); absent: the app's. */
  quotas?: Partial<SandboxQuotas>;
}

/** Everything a sandbox shares with its app. */
export interface SandboxEnvironment {
  platforms: readonly PlatformModule<unknown>[];
  organisations: OrganisationSource;
  webhooks: WebhookDeliveryOptions;
  /** Wall time (pinned while the journal is replayed). */
  wall: () => number;
  /**
   * What an emitted event's webhook deliveries do: `send` (live), `record` (replaying a journal
   * entry: the delivery log is rebuilt, nothing is sent) or `skip` (replaying an entry of a
   * journal written before deliveries were journaled).
   */
  deliveryMode: () => DeliveryMode;
  /** The revision of the command being run (`SandboxContext.revision`; default `CURRENT_REVISION`). */
  revision?: () => number;
  /** Told each delivery attempt's outcome as it happens (with a data directory: journals it). */
  recordDelivery?: (outcome: DeliveryOutcome) => void;
  /** The app's quotas (default `DEFAULT_QUOTAS`); a sandbox's own replace them (`SandboxConfig.quotas`). */
  quotas?: Readonly<SandboxQuotas>;
  /** The most sandboxes the registry holds (default `DEFAULT_MAX_SANDBOXES`; see `AppOptions.maxSandboxes`). */
  maxSandboxes?: number;
  /** The most webhooks each sandbox holds (default `DEFAULT_MAX_WEBHOOKS`; see `AppOptions.maxWebhooks`). */
  maxWebhooks?: number;
  /** Bounds of each sandbox's request journal (default `DEFAULT_REQUEST_JOURNAL_LIMITS`). */
  requestJournal?: Readonly<RequestJournalLimits>;
  /** How long an `Idempotency-Key`'s record is kept after its first answer, in ms (default `DEFAULT_IDEMPOTENCY_RETENTION_MS`; see `AppOptions.idempotencyRetentionMs`). */
  idempotencyRetentionMs?: number;
  /**
   * The server's calendar: the shipped years and `AppOptions.calendarYears` (default: the shipped
   * years). Each sandbox starts from a copy, its own years (`putCalendarYear`) laid over it.
   */
  calendar?: WorkingCalendar;
  /**
   * The server's years `calendar` holds over the shipped ones (`AppOptions.calendarYears`, or
   * those a data directory recorded while its entries are replayed): what its snapshots record.
   */
  calendarYears?: readonly Readonly<YearSchedule>[];
}

/** An object no platform names the states of: they keep their ids (`stateLabel`). */
const UNNAMED = (): undefined => undefined;

/** See `SandboxEnvironment.deliveryMode`. */
export type DeliveryMode = 'send' | 'record' | 'skip';

/** The saved form of a sandbox (`GET /_sim/v1/sandboxes/{id}/snapshot`). */
export interface SandboxSnapshot {
  format: 'gdx-sandbox-snapshot';
  version: 1;
  config: SandboxConfig;
  reviewerPolicy: ReviewerPolicy;
  clock: ClockState;
  random: { platform: number[]; faults: number[] };
  organisations: Organisation[];
  calendarYears: YearSchedule[];
  faults: FaultRule[];
  webhooks: Webhook[];
  events: FeedEvent[];
  idempotency: IdempotencyRecord[];
  platforms: Record<string, unknown>;
  /** Unexpired nonces: only in a data directory's snapshot, never in an exported one. */
  nonces?: SavedNonce[];
  /** The delivery log: only in a data directory's snapshot, never in an exported one. */
  deliveries?: SavedDelivery[];
  /**
   * What the stored-bytes quota counts, and the objects the sandbox's seed made (`quotas.ts`):
   * only in a data directory's snapshot (`seededObjects` absent from one written before it was kept).
   */
  usage?: { storedBytes: number; seededObjects?: number };
}

/**
 * A sandbox's state as `Sandbox.snapshot` and `Sandbox.persist` take it: its JSON is a
 * `SandboxSnapshot`'s. It is of the instant it was taken, though it shares with the sandbox what
 * no write changes; the feed's entries not read yet are made when it is serialised (`EventFeed.save`).
 */
export type TakenSnapshot = Omit<SandboxSnapshot, 'events'> & { events: SavedFeedEvent[] };

const MAX_FIRINGS_PER_ADVANCE = 1_000_000;

/** A platform refused its part of a snapshot (`importState` threw): names the platform, so an import's 400 points at its part. */
export class PlatformStateError extends Error {
  override readonly name = 'PlatformStateError';
  constructor(
    readonly platform: string,
    cause: unknown,
  ) {
    super(`platform ${platform}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * One isolated world: clock, calendar, organisations, platform states, idempotency and nonce
 * stores, faults, webhooks and event feed. It is also the `SandboxContext` platforms see.
 *
 * @example
 * ```ts
 * const sandbox = Sandbox.create(config, env, 1);
 * sandbox.advanceTo(sandbox.now() + 86_400_000).count; // → transitions fired
 * ```
 */
export class Sandbox implements SandboxContext {
  readonly config: SandboxConfig;
  readonly calendar: WorkingCalendar;
  readonly ids: SandboxIdGenerator;
  readonly random: SeededRandom;
  readonly faultRandom: SeededRandom;
  readonly clock: SandboxClock;
  readonly feed: EventFeed;
  readonly faults: FaultRules;
  readonly webhooks: Webhooks;
  readonly idempotency: IdempotencyStore;
  readonly nonces: MemoryNonceStore;
  #requests: RequestJournal;
  reviewerPolicy: ReviewerPolicy;
  /** Bytes of accepted request bodies the sandbox keeps (its stored-bytes quota, `quotas.ts`). */
  storedBytes: number;
  /**
   * The objects its seed made (the published catalog entries), which a reset makes again: an
   * object quota at or below it refuses every create from the start. `undefined` for a sandbox
   * imported, or restored from a snapshot that did not keep it.
   */
  seededObjects: number | undefined;
  readonly #env: SandboxEnvironment;
  /** `quotas`, once resolved. */
  #quotas: Readonly<SandboxQuotas> | undefined;
  readonly #organisations: Organisation[];
  readonly #byAppKey = new Map<string, Organisation>();
  readonly #states = new Map<PlatformName, unknown>();
  readonly #calendarYears: YearSchedule[];

  private constructor(env: SandboxEnvironment, config: SandboxConfig, generation: number, saved?: SandboxSnapshot) {
    this.#env = env;
    this.config = structuredClone(config);
    this.reviewerPolicy = structuredClone(saved?.reviewerPolicy ?? config.reviewerPolicy);
    this.random = createRandom(`${config.seed}/platform`, saved?.random.platform);
    this.faultRandom = createRandom(`${config.seed}/faults`, saved?.random.faults);
    this.clock = createSandboxClock(
      saved?.clock ?? { mode: config.clock, value: config.clock === 'virtual' ? config.startAt : config.startAt - env.wall() },
      env.wall,
    );
    this.ids = createIdGenerator(() => this.clock.now(), this.random);
    // The server's years are its configuration, not this sandbox's state: under its own years
    // (`putCalendarYear`, saved in its snapshot), and not in `#calendarYears`.
    this.calendar = env.calendar?.copy() ?? WorkingCalendar.official();
    this.#calendarYears = [];
    for (const year of saved?.calendarYears ?? []) this.putCalendarYear(year);
    this.feed = new EventFeed(saved?.events);
    this.faults = new FaultRules(saved?.faults ?? [], this.faultRandom);
    this.webhooks = new Webhooks({
      sandboxId: config.id,
      // The generation keeps delivery ids unique across resets and re-creations of this id.
      deliveryIdPrefix: `dlv_${generation}_`,
      options: env.webhooks,
      ...(saved ? { hooks: saved.webhooks } : {}),
      ...(saved?.deliveries ? { deliveries: saved.deliveries } : {}),
      ...(env.recordDelivery ? { onOutcome: env.recordDelivery } : {}),
      labels: (event) => this.#labelsOf(event),
    });
    this.nonces = new MemoryNonceStore({ entries: saved?.nonces ?? [] });
    this.idempotency = new IdempotencyStore(saved?.idempotency, {
      ...(env.idempotencyRetentionMs !== undefined ? { retentionMs: env.idempotencyRetentionMs } : {}),
      wall: env.wall,
      // What only an expired key's record held (a calculation's body and answer) is no longer stored.
      onExpired: (bytes) => {
        this.storedBytes -= bytes;
      },
    });
    this.#requests = new RequestJournal(env.requestJournal);
    this.storedBytes = saved?.usage?.storedBytes ?? 0;
    this.seededObjects = saved?.usage?.seededObjects;
    this.#organisations = saved ? structuredClone(saved.organisations) : env.organisations({ sandboxId: config.id, profile: config.profile, seed: config.seed, random: this.random });
    for (const org of this.#organisations) this.#byAppKey.set(org.appKey, org);
  }

  /**
   * A fresh sandbox: organisations drawn, platform states created and seeded. `generation` counts
   * the sandboxes built under this id (its registry's business): deliveries are named after it.
   */
  static create(config: SandboxConfig, env: SandboxEnvironment, generation: number): Sandbox {
    const sandbox = new Sandbox(env, config, generation);
    for (const platform of env.platforms) {
      const state = platform.createState(sandbox);
      platform.seed?.(sandbox, state);
      sandbox.#states.set(platform.name, state);
    }
    sandbox.seededObjects = sandbox.usage().objects;
    return sandbox;
  }

  /**
   * A sandbox restored from its snapshot (platforms missing from it start empty); `generation` as
   * for `create`. The sandbox takes the snapshot over: its events, idempotency records and platform
   * data become the sandbox's own state, so the caller hands over an object parsed for it alone
   * (copying a restored sandbox's state was a third of its restore).
   */
  static restore(snapshot: SandboxSnapshot, env: SandboxEnvironment, generation: number): Sandbox {
    const sandbox = new Sandbox(env, snapshot.config, generation, snapshot);
    for (const platform of env.platforms) {
      const data = snapshot.platforms[platform.name];
      sandbox.#states.set(platform.name, data === undefined ? platform.createState(sandbox) : importPlatformState(platform, data, sandbox));
    }
    return sandbox;
  }

  get id(): string {
    return this.config.id;
  }

  get seed(): number {
    return this.config.seed;
  }

  get profile(): ProfileRef {
    return this.config.profile;
  }

  get startAt(): number {
    return this.config.startAt;
  }

  now(): number {
    return this.clock.now();
  }

  organisations(): readonly Organisation[] {
    return this.#organisations;
  }

  organisation(id: string): Organisation | undefined {
    return this.#organisations.find((o) => o.id === id);
  }

  /**
   * The names of an object's states as the platform that keeps it gives them
   * (`WorkflowObject.label`); an object no platform knows (any more) keeps its states' ids.
   *
   * @example
   * ```ts
   * sandbox.objectLabels(entry)('under_review'); // { zh: '形式审核', en: 'Under review' }
   * ```
   */
  objectLabels(object: Pick<FeedEvent, 'platform' | 'objectType' | 'objectId'>): (state: string) => LocalizedLabel | undefined {
    const module = this.#env.platforms.find((p) => p.name === object.platform);
    return module?.objects?.get(this.#states.get(object.platform), object.objectType, object.objectId)?.label ?? UNNAMED;
  }

  /** The names of an event's states (a webhook delivery's `fromLabel`, `toLabel`, as the feed shows them). */
  #labelsOf(event: FeedEvent): TransitionLabels {
    return transitionLabels(event.event, this.objectLabels(event));
  }

  revision(): number {
    return this.#env.revision?.() ?? CURRENT_REVISION;
  }

  organisationByAppKey(appKey: string): Organisation | undefined {
    return this.#byAppKey.get(appKey);
  }

  stateOf(platform: PlatformName): unknown {
    return this.#states.get(platform);
  }

  get publishedEntry(): ((id: string) => CatalogEntry | undefined) | undefined {
    const keeper = this.#env.platforms.find((platform) => platform.publishedEntry !== undefined);
    if (!keeper) return undefined;
    return (id) => keeper.publishedEntry?.(this.#states.get(keeper.name), id);
  }

  get publishedEntries(): (() => readonly CatalogEntry[]) | undefined {
    const keeper = this.#env.platforms.find((platform) => platform.publishedEntries !== undefined);
    if (!keeper) return undefined;
    return () => keeper.publishedEntries?.(this.#states.get(keeper.name)) ?? [];
  }

  get productFiling(): ((query: { registrantCreditCode: string; productName: string }) => ProductFiling | undefined) | undefined {
    const keeper = this.#env.platforms.find((platform) => platform.productFiling !== undefined);
    if (!keeper) return undefined;
    return (query) => keeper.productFiling?.(this.#states.get(keeper.name), query);
  }

  get sharingConsent(): ((grantId: string) => SharingConsent | undefined) | undefined {
    const keeper = this.#env.platforms.find((platform) => platform.sharingConsent !== undefined);
    if (!keeper) return undefined;
    return (grantId) => keeper.sharingConsent?.(this.#states.get(keeper.name), grantId);
  }

  /** The most webhooks it holds (`AppOptions.maxWebhooks`): the simulation API refuses to subscribe more. */
  get maxWebhooks(): number {
    return this.#env.maxWebhooks ?? DEFAULT_MAX_WEBHOOKS;
  }

  /**
   * The quotas in force: the sandbox's own over the app's. Resolved once: both are fixed when the
   * sandbox is made, and the quota guard reads them before every platform write (resolving them
   * each time was ~1 µs of a create). Frozen, as every caller shares the one object.
   */
  get quotas(): Readonly<SandboxQuotas> {
    return (this.#quotas ??= Object.freeze(this.#resolveQuotas()));
  }

  #resolveQuotas(): SandboxQuotas {
    try {
      return resolveQuotas(this.config.quotas, this.#env.quotas);
    } catch {
      // Only a hand-edited snapshot carries a bad quota (the API refuses one): the app's hold then.
      return resolveQuotas(undefined, this.#env.quotas);
    }
  }

  /** What the sandbox uses of each quota now (objects as its platforms count them). */
  usage(): SandboxQuotas {
    let objects = 0;
    for (const platform of this.#env.platforms) objects += platform.objectCount?.(this.#states.get(platform.name)) ?? 0;
    return { objects, events: this.feed.size, storedBytes: this.storedBytes };
  }

  emit(input: SandboxEventInput): void {
    const at = typeof input.event.at === 'string' ? input.event.at : formatShanghaiInstant(this.now());
    // The event's id is drawn now (the draws of every later id follow it) and spelled when read.
    const seq = this.feed.append(input, this.ids.draw(this.feed.drawnIds), at);
    // Without webhooks nothing is delivered: the entry is not made now (the feed makes it when read).
    if (this.webhooks.size === 0) return;
    const mode = this.#env.deliveryMode();
    if (mode !== 'skip') this.webhooks.deliver(this.feed.entry(seq), input.object, mode === 'send');
  }

  /**
   * Sends a failed webhook delivery again (`Webhooks.redeliver`); while a journal is replayed it
   * only reopens it, as the emitted events' deliveries are only recorded then.
   */
  redeliver(deliveryId: string): ReturnType<Webhooks['redeliver']> {
    return this.webhooks.redeliver(deliveryId, this.#env.deliveryMode() === 'send');
  }

  /**
   * Replaces one year of this sandbox's calendar (throws `CalendarError` on a bad schedule); the
   * platforms then plan again the officials' decisions the calendar had blocked.
   */
  putCalendarYear(schedule: YearSchedule): void {
    this.calendar.addYear(schedule);
    const at = this.#calendarYears.findIndex((y) => y.year === schedule.year);
    if (at >= 0) this.#calendarYears.splice(at, 1);
    this.#calendarYears.push(structuredClone(schedule));
    this.#calendarChanged(schedule.year);
  }

  /**
   * The server's years changed under this sandbox (a start given other `calendarYears` than its
   * data directory recorded): each year of `changed` that is not its own (`putCalendarYear`, which
   * wins) is taken from `server`, or dropped where `server` no longer holds it; a year gained or
   * replaced lets the platforms plan again what it blocked, as a `putCalendarYear` does.
   */
  serverYearsChanged(changed: readonly number[], server: WorkingCalendar): void {
    for (const year of changed) {
      if (this.#calendarYears.some((own) => own.year === year)) continue;
      const schedule = server.schedule(year);
      if (schedule === undefined) {
        this.calendar.removeYear(year);
        continue;
      }
      this.calendar.addYear(schedule);
      this.#calendarChanged(year);
    }
  }

  /** Tells the platforms that `year` was gained or replaced: decisions it blocked may be taken now. */
  #calendarChanged(year: number): void {
    // Empty while a restored sandbox reads its saved years, before its platforms' states exist.
    for (const platform of this.#env.platforms) {
      const state = this.#states.get(platform.name);
      if (state !== undefined) platform.clock?.calendarChanged?.(this, state, year);
    }
  }

  /**
   * Moves the clock to `target`, firing every platform timer due on the way in global due-time
   * order (ties: platform order), each with the clock set to its due time. The transitions fired
   * are counted in `fired`, and listed up to its limit (default: a log listing all).
   */
  advanceTo(target: number, fired: FiredLog = new FiredLog()): FiredLog {
    // A transition that throws (a bug, or a date the calendar cannot write) fails the request
    // with 500, which is not journaled: the clock goes back to where it was, so that neither the
    // sandbox's answers nor a replay of its journal find it moved by a request that never happened.
    const before = this.clock.save();
    try {
      return this.#fireUntil(target, fired);
    } catch (error) {
      this.clock.restore(before);
      throw error;
    }
  }

  /** `advanceTo`'s work: fires the due timers up to `target` in due-time order, then sets the clock there. */
  #fireUntil(target: number, fired: FiredLog): FiredLog {
    const platforms = this.#env.platforms;
    for (let i = 0; i < MAX_FIRINGS_PER_ADVANCE; i += 1) {
      // The platform due first and its instant as two locals, over an indexed loop: a year's
      // advance asks at every due instant, and made an object and an iterator each time.
      let first: PlatformModule<unknown> | undefined;
      let firstDue = target;
      for (let p = 0; p < platforms.length; p += 1) {
        const platform = platforms[p] as PlatformModule<unknown>;
        const due = platform.clock?.nextDueAt(this.#states.get(platform.name));
        if (due !== undefined && due <= target && (first === undefined || due < firstDue)) {
          first = platform;
          firstDue = due;
        }
      }
      if (first === undefined) {
        this.clock.setTo(target);
        return fired;
      }
      this.clock.setTo(firstDue);
      const answered = first.clock?.fireDue(this, this.#states.get(first.name), fired);
      // A loop, not push(...): thousands of objects due at one instant would overflow the arguments.
      if (answered) for (const t of answered) fired.add(t);
    }
    throw new Error(`sandbox ${this.id}: more than ${MAX_FIRINGS_PER_ADVANCE} timers fired in one advance`);
  }

  /**
   * The sandbox's state as exported: its idempotency records not expired at `now`, without their
   * times (`IdempotencyStore.save`). No later write reaches it, so it may be serialised over
   * several turns (`jsonInParts`) while the sandbox goes on answering.
   */
  snapshot(now = this.#env.wall()): TakenSnapshot {
    return this.#state(now, true);
  }

  #state(now: number, exported: boolean): TakenSnapshot {
    // What writes change is copied; what they only replace (the engines' instances, the feed's
    // entries) is shared: taking the state is the part of an export that holds every request up.
    // Copies of JSON values: `copyJson` walks them several times faster than `structuredClone`
    // goes through V8's serializer.
    return {
      format: 'gdx-sandbox-snapshot',
      version: 1,
      config: copyJson(this.config),
      reviewerPolicy: copyJson(this.reviewerPolicy),
      clock: this.clock.save(),
      random: { platform: this.random.state(), faults: this.faultRandom.state() },
      organisations: copyJson(this.#organisations),
      calendarYears: copyJson(this.#calendarYears),
      faults: this.faults.list(),
      webhooks: this.webhooks.list(),
      events: this.feed.save(),
      idempotency: this.idempotency.save(now, exported),
      platforms: Object.fromEntries(this.#env.platforms.map((p) => [p.name, p.exportState(this.#states.get(p.name))])),
    };
  }

  /** The snapshot plus what only a data directory keeps: unexpired nonces, the delivery log, and the times and bytes of the idempotency records. */
  persist(): TakenSnapshot {
    // One instant for both: a record expiring between them would be kept and its bytes freed.
    const now = this.#env.wall();
    return { ...this.#state(now, false), nonces: this.nonces.entries(), deliveries: this.webhooks.save(), usage: { storedBytes: this.storedBytes - this.idempotency.expiredBytes(now), ...(this.seededObjects === undefined ? {} : { seededObjects: this.seededObjects }) } };
  }

  /**
   * Its recent requests: in memory only, so a reset, an import or a restart starts an empty
   * journal, but a rebuild from the store that undoes a failed write keeps it (`continueRequests`).
   */
  get requests(): RequestJournal {
    return this.#requests;
  }

  /**
   * Goes on with the request journal of the sandbox this one rebuilds, when the app puts its state
   * back to what its store holds (a write that failed, a storage failure): what clients asked is
   * the process's diagnostics, not state the failure could have left half-made, and it is most
   * wanted right after a failure.
   */
  continueRequests(journal: RequestJournal): void {
    this.#requests = journal;
  }

  close(): void {
    this.webhooks.close();
  }
}

/** `platform.importState`, its error wrapped in a `PlatformStateError` naming the platform. */
function importPlatformState(platform: PlatformModule<unknown>, data: unknown, sandbox: Sandbox): unknown {
  try {
    return platform.importState(data, sandbox);
  } catch (error) {
    throw new PlatformStateError(platform.name, error);
  }
}
