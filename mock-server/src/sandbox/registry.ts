import { formatShanghaiInstant, type YearSchedule } from '@gdx/calendar';
import type { ProfileRef, ReviewerPolicy } from '../app/platform-module.js';
import { countedAnew, IdempotencyStore, type IdempotencyRecord } from './idempotency-store.js';
import { createRandom, type SeededRandom } from './random.js';
import { Sandbox, type SandboxConfig, type SandboxEnvironment, type SandboxSnapshot } from './sandbox.js';
import type { ClockMode } from './sandbox-clock.js';
import { DEFAULT_MAX_SANDBOXES, DEFAULT_MAX_WEBHOOKS, type SandboxQuotas } from './quotas.js';

/** The id of the sandbox served at the root and created at start. */
export const DEFAULT_SANDBOX_ID = 'default';

/** Sandbox ids: letters, digits, `_` and `-` (no `.`: app keys may be scoped with it). */
export const SANDBOX_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** What a new sandbox may specify; the rest comes from the app's defaults. */
export interface SandboxRequest {
  id?: string;
  profile?: ProfileRef;
  seed?: number;
  clock?: ClockMode;
  startAt?: number;
  reviewerPolicy?: ReviewerPolicy;
  /** Quotas of this sandbox over the app's (`quotas.ts`). */
  quotas?: Partial<SandboxQuotas>;
}

/** What belongs to the registry itself in its saved form (the first part of a snapshot). */
interface RegistryHead {
  random: number[];
  /**
   * How many sandboxes were built under each id so far, deleted ones included (absent in older
   * snapshots: their sandboxes count as the first).
   */
  generations?: Record<string, number>;
  /** The id of each sandbox part, in order, so a start can find them without parsing them (absent in older snapshots). */
  sandboxIds?: string[];
  /** The app's idempotency records (`SandboxRegistry.idempotency`; absent in older snapshots and when there are none). */
  idempotency?: IdempotencyRecord[];
  /**
   * The server's years every sandbox held over the shipped ones when the snapshot was taken
   * (`SandboxEnvironment.calendarYears`): the entries after it are replayed under them. Absent in
   * older snapshots (their entries are replayed under the years the start is given).
   */
  serverCalendarYears?: YearSchedule[];
}

/**
 * A snapshot part as stored: its JSON text's UTF-8 bytes and their SHA-256 (hex), checked when
 * read. A sandbox not restored yet is carried into the next snapshot this way, neither decoded
 * nor hashed again (for a hosted mock that is most of what a snapshot writes).
 */
export interface StoredPart {
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** A sandbox in its saved form, restored when first needed. */
export interface SavedSandbox {
  readonly id: string;
  /** Its snapshot, parsed (read now), a new object on every call: `Sandbox.restore` takes it over. */
  load(): SandboxSnapshot;
  /** The part it was saved as: what a snapshot taken before it is restored keeps. */
  stored(): StoredPart;
}

/** The registry's saved form: its own state, and each sandbox's, read on demand. */
export interface SavedRegistry {
  random: number[];
  generations?: Record<string, number>;
  idempotency?: IdempotencyRecord[];
  /** See `RegistryHead.serverCalendarYears`. */
  serverCalendarYears?: YearSchedule[];
  sandboxes: readonly SavedSandbox[];
}

/**
 * Parts of a saved registry as stored: part 0 is the registry's own state, then one JSON text
 * per sandbox, so no single string holds a whole server (V8 caps strings near 512 MB).
 */
export interface SavedParts {
  readonly count: number;
  part(index: number): unknown;
  stored(index: number): StoredPart;
}

/**
 * The saved registry in `parts`, reading only its first part now: each sandbox part is read
 * when that sandbox is first needed. Parts of older snapshots, which do not list their ids, are
 * read now.
 *
 * @example
 * ```ts
 * const registry = new SandboxRegistry(env, defaults, savedRegistry(store.load().snapshot!));
 * ```
 */
export function savedRegistry(parts: SavedParts): SavedRegistry {
  const { random, generations, sandboxIds, idempotency, serverCalendarYears } = parts.part(0) as RegistryHead;
  const sandboxes: SavedSandbox[] = [];
  for (let index = 1; index < parts.count; index += 1) {
    const id = sandboxIds?.[index - 1];
    const stored = (): StoredPart => parts.stored(index);
    if (id !== undefined) {
      sandboxes.push({ id, load: () => parts.part(index) as SandboxSnapshot, stored });
    } else {
      // Read now for its id, and handed to the first restore; a later one (after a failed restore) reads it again.
      let read: SandboxSnapshot | undefined = parts.part(index) as SandboxSnapshot;
      const load = (): SandboxSnapshot => {
        const snapshot = read ?? (parts.part(index) as SandboxSnapshot);
        read = undefined;
        return snapshot;
      };
      sandboxes.push({ id: read.config.id, load, stored });
    }
  }
  return { random, ...(generations ? { generations } : {}), ...(idempotency ? { idempotency } : {}), ...(serverCalendarYears ? { serverCalendarYears } : {}), sandboxes };
}

/** A sandbox not restored yet, with the generation it was saved under. */
interface Deferred {
  saved: SavedSandbox;
  generation: number;
}

/** Settings of sandboxes that do not name their own. */
export type RegistryDefaults = Omit<SandboxConfig, 'id' | 'startAt' | 'createdAt'> & { startAt?: number };

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * All sandboxes of an app. Ids and seeds of sandboxes created without them are drawn from the
 * app's seed, so an app replays to the same sandboxes. Each build of a sandbox under an id (create,
 * reset, import, also after a delete) is its next generation, which names its webhook deliveries:
 * a receiver deduplicating by sandbox and delivery id never sees an id again.
 *
 * Saved sandboxes are restored on first use (`get`, `list`, or `restoreNext` for a warm-up), so a
 * start costs what the registry's own state costs, not what all its sandboxes hold; `onRestore`
 * runs right after each such restore, before the sandbox is handed out.
 *
 * @example
 * ```ts
 * const registry = new SandboxRegistry(env, { profile: 'national', seed: 1, clock: 'virtual', reviewerPolicy: { mode: 'auto' } });
 * const sbx = registry.create({ profile: 'xiamen' });
 * registry.get(sbx.id) === sbx; // true
 * ```
 */
export class SandboxRegistry {
  readonly #env: SandboxEnvironment;
  readonly #defaults: RegistryDefaults;
  readonly #random: SeededRandom;
  /** In creation order; a saved sandbox keeps its place when it is restored. */
  readonly #sandboxes = new Map<string, Sandbox | Deferred>();
  readonly #generations = new Map<string, number>();
  /**
   * While `atomically` runs: the generations its `make` changed, with their values before (none:
   * the id had none), to put back if it throws. A log rather than a copy: the map keeps an entry
   * for every id ever used, and copying it at each creation made a long-lived app's creations
   * slower the more sandboxes it had made (a conformance run makes ~90).
   */
  #generationsBefore: [id: string, generation: number | undefined][] | undefined;
  /**
   * Idempotency keys of the requests that make sandboxes (`POST /_sim/v1/sandboxes` and
   * `/sandboxes/import`): kept by the app, not by a sandbox, since the sandbox does not exist
   * before the request. A record lives as long as the sandbox it made, and at most the keys'
   * retention (`AppOptions.idempotencyRetentionMs`); of a deleted sandbox only the key is kept
   * (see `IdempotencyStore.forgetOwner`).
   */
  readonly idempotency: IdempotencyStore;
  readonly #onRestore: ((sandbox: Sandbox) => void) | undefined;
  #deferred = 0;
  /** Sandboxes whose last restore failed (a damaged snapshot part): still in their saved form. */
  readonly #unrestorable = new Set<string>();

  constructor(env: SandboxEnvironment, defaults: RegistryDefaults, saved?: SavedRegistry, onRestore?: (sandbox: Sandbox) => void) {
    this.#env = env;
    this.#defaults = defaults;
    this.#onRestore = onRestore;
    this.#random = createRandom(`${defaults.seed}/registry`, saved?.random);
    this.idempotency = new IdempotencyStore(saved?.idempotency, { ...(env.idempotencyRetentionMs !== undefined ? { retentionMs: env.idempotencyRetentionMs } : {}), wall: env.wall });
    for (const [id, generation] of Object.entries(saved?.generations ?? {})) this.#generations.set(id, generation);
    if (!saved) this.create({ id: DEFAULT_SANDBOX_ID });
    for (const s of saved?.sandboxes ?? []) {
      const generation = this.#generations.get(s.id) ?? 1;
      this.#generations.set(s.id, generation);
      this.#sandboxes.set(s.id, { saved: s, generation });
      this.#deferred += 1;
    }
  }

  /** The sandbox `id`, restored first if it is still in its saved form. */
  get(id: string): Sandbox | undefined {
    const entry = this.#sandboxes.get(id);
    if (entry === undefined || entry instanceof Sandbox) return entry;
    let sandbox: Sandbox;
    try {
      sandbox = Sandbox.restore(entry.saved.load(), this.#env, entry.generation);
    } catch (error) {
      this.#unrestorable.add(id);
      throw error;
    }
    this.#unrestorable.delete(id);
    this.#sandboxes.set(id, sandbox);
    this.#deferred -= 1;
    this.#onRestore?.(sandbox);
    return sandbox;
  }

  /** Whether `id` is a sandbox still in its saved form. */
  isDeferred(id: string): boolean {
    const entry = this.#sandboxes.get(id);
    return entry !== undefined && !(entry instanceof Sandbox);
  }

  /** How many sandboxes are still in their saved form. */
  get deferred(): number {
    return this.#deferred;
  }

  /**
   * How many of the sandboxes still in their saved form failed their last restore (a snapshot part
   * that fails its check): their requests answer the error until a restore succeeds.
   */
  get unrestorable(): number {
    return this.#unrestorable.size;
  }

  /** How many sandboxes there are, restored or not. */
  get size(): number {
    return this.#sandboxes.size;
  }

  /** The most sandboxes it holds (`AppOptions.maxSandboxes`): the simulation API refuses to make more. */
  get maxSandboxes(): number {
    return this.#env.maxSandboxes ?? DEFAULT_MAX_SANDBOXES;
  }

  /** The most webhooks each of its sandboxes holds (`AppOptions.maxWebhooks`): an import of more is refused. */
  get maxWebhooks(): number {
    return this.#env.maxWebhooks ?? DEFAULT_MAX_WEBHOOKS;
  }

  /**
   * Every sandbox that can be served, restoring those still in their saved form. One whose restore
   * fails (a damaged snapshot part) stays in its saved form and is left out: it must not hide the
   * others. Its own requests answer the error, the warm-up logs it, and `deferred` still counts it.
   */
  list(): Sandbox[] {
    const sandboxes: Sandbox[] = [];
    for (const id of [...this.#sandboxes.keys()]) {
      try {
        sandboxes.push(this.get(id)!);
      } catch {
        // Left in its saved form (see above); retried by the next list or request.
      }
    }
    return sandboxes;
  }

  /** The sandboxes restored so far (what has webhooks to wait for or close). */
  restored(): Sandbox[] {
    return [...this.#sandboxes.values()].filter((entry): entry is Sandbox => entry instanceof Sandbox);
  }

  /** The ids of the sandboxes still in their saved form, in order. */
  deferredIds(): string[] {
    return [...this.#sandboxes].filter(([, entry]) => !(entry instanceof Sandbox)).map(([id]) => id);
  }

  /**
   * Runs `make` (a create or an import, with its answer) so that it either completes or changes
   * nothing: when it throws, the sandboxes it added are closed and dropped, and the generator and
   * the generations go back to where they were. The request then answers 500 and is not journaled;
   * had its draws of an id and a seed stayed, every later sandbox would be drawn otherwise than at
   * the replay of the journal, and be another sandbox (id, seed, secrets) after a restart.
   *
   * @example
   * ```ts
   * const sandbox = registry.atomically(() => registry.create({ profile: 'national' }));
   * ```
   */
  atomically<T>(make: () => T): T {
    const random = this.#random.state();
    const ids = new Set(this.#sandboxes.keys());
    const outer = this.#generationsBefore;
    const before: [string, number | undefined][] = [];
    this.#generationsBefore = before;
    try {
      const made = make();
      // An enclosing call that throws later puts these back too.
      outer?.push(...before);
      return made;
    } catch (error) {
      for (const [id, entry] of [...this.#sandboxes]) {
        if (ids.has(id)) continue;
        if (entry instanceof Sandbox) entry.close();
        this.#sandboxes.delete(id);
      }
      this.#random.restore(random);
      for (const [id, generation] of before.reverse()) {
        if (generation === undefined) this.#generations.delete(id);
        else this.#generations.set(id, generation);
      }
      throw error;
    } finally {
      this.#generationsBefore = outer;
    }
  }

  /** Creates a sandbox; `undefined` when the id is taken. */
  create(request: SandboxRequest): Sandbox | undefined {
    return this.atomically(() => this.#create(request));
  }

  #create(request: SandboxRequest): Sandbox | undefined {
    const id = request.id ?? this.#drawId();
    if (this.#sandboxes.has(id)) return undefined;
    const clock = request.clock ?? this.#defaults.clock;
    // The app's start (`--start-at`) is where virtual clocks start: a realtime clock started there
    // would run behind wall time, and every signed call would fail TIMESTAMP_OUT_OF_WINDOW
    // (the platform compares a realtime sandbox's clock with the client's wall time).
    const startAt = request.startAt ?? (clock === 'virtual' ? this.#defaults.startAt : undefined) ?? this.#env.wall();
    const config: SandboxConfig = {
      id,
      profile: request.profile ?? this.#defaults.profile,
      seed: request.seed ?? (id === DEFAULT_SANDBOX_ID ? this.#defaults.seed : this.#random.int(2 ** 31)),
      clock,
      startAt,
      reviewerPolicy: request.reviewerPolicy ?? this.#defaults.reviewerPolicy,
      createdAt: formatShanghaiInstant(startAt),
      ...(request.quotas ? { quotas: { ...request.quotas } } : {}),
    };
    const sandbox = Sandbox.create(config, this.#env, this.#nextGeneration(id));
    this.#sandboxes.set(id, sandbox);
    return sandbox;
  }

  /** Rebuilds a sandbox from its creation config (same seed: same organisations and seed data). */
  reset(id: string): Sandbox | undefined {
    const old = this.get(id);
    if (!old) return undefined;
    // Built before the old one closes: a build that throws leaves the sandbox as it was.
    const fresh = this.atomically(() => Sandbox.create(old.config, this.#env, this.#nextGeneration(id)));
    old.close();
    this.#sandboxes.set(id, fresh);
    return fresh;
  }

  delete(id: string): boolean {
    // Restored first, so whatever its owner holds for it (journal entries to replay) is spent.
    const old = this.get(id);
    old?.close();
    this.idempotency.forgetOwner(id);
    return this.#sandboxes.delete(id);
  }

  /** Restores a sandbox from its snapshot under `id` (default: its own); `undefined` when the id is taken. */
  import(snapshot: SandboxSnapshot, id = snapshot.config.id): Sandbox | undefined {
    if (this.#sandboxes.has(id)) return undefined;
    // A copy starts with no spent nonces and no delivery log: its deliveries belong to the original.
    // Its keys count from the import (as its stored bytes do), whatever times a snapshot names.
    const { nonces: _nonces, deliveries: _deliveries, idempotency, ...state } = snapshot;
    // A restore that throws (answered 400, not journaled) must not count a generation either.
    return this.atomically(() => {
      const sandbox = Sandbox.restore({ ...state, idempotency: idempotency.map(countedAnew), config: { ...snapshot.config, id } }, this.#env, this.#nextGeneration(id));
      this.#sandboxes.set(id, sandbox);
      return sandbox;
    });
  }

  /**
   * The saved form of the registry as JSON texts (see `SavedParts`), each sandbox with what only a
   * data directory keeps (`Sandbox.persist`); a sandbox never restored keeps its stored part.
   */
  persistParts(): (string | StoredPart)[] {
    const idempotency = this.idempotency.save();
    const serverCalendarYears = this.#env.calendarYears;
    const head: RegistryHead = {
      random: this.#random.state(),
      generations: Object.fromEntries(this.#generations),
      sandboxIds: [...this.#sandboxes.keys()],
      ...(idempotency.length > 0 ? { idempotency } : {}),
      ...(serverCalendarYears ? { serverCalendarYears: [...serverCalendarYears] } : {}),
    };
    const parts: (string | StoredPart)[] = [JSON.stringify(head)];
    for (const entry of this.#sandboxes.values()) parts.push(entry instanceof Sandbox ? JSON.stringify(entry.persist()) : entry.saved.stored());
    return parts;
  }

  /** Closes the restored sandboxes (the others have nothing running). */
  close(): void {
    for (const sandbox of this.restored()) sandbox.close();
  }

  #nextGeneration(id: string): number {
    const previous = this.#generations.get(id);
    this.#generationsBefore?.push([id, previous]);
    const generation = (previous ?? 0) + 1;
    this.#generations.set(id, generation);
    return generation;
  }

  #drawId(): string {
    for (;;) {
      const id = `sbx_${this.#draw(10)}`;
      if (!this.#sandboxes.has(id)) return id;
    }
  }

  #draw(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += ID_ALPHABET[this.#random.int(ID_ALPHABET.length)];
    return out;
  }
}
