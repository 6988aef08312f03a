import { formatShanghaiInstant } from '@gdx/calendar';
import type { ProfileRef, ReviewerPolicy } from '../app/platform-module.js';
import { createRandom, type SeededRandom } from './random.js';
import { Sandbox, type SandboxConfig, type SandboxEnvironment, type SandboxSnapshot } from './sandbox.js';
import type { ClockMode } from './sandbox-clock.js';
import type { SandboxQuotas } from './quotas.js';

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

/** Saved form of the registry (the persistence snapshot). */
export interface RegistrySnapshot {
  random: number[];
  sandboxes: SandboxSnapshot[];
  /**
   * How many sandboxes were built under each id so far, deleted ones included (absent in older
   * snapshots: their sandboxes count as the first).
   */
  generations?: Record<string, number>;
}

/**
 * The registry's saved form as JSON texts: first what belongs to the registry itself, then one
 * text per sandbox, so no single string holds a whole server (V8 caps strings near 512 MB).
 *
 * @example
 * ```ts
 * registryFromParts(registryToParts(registry.snapshot()).map((p) => JSON.parse(p))); // an equal snapshot
 * ```
 */
export function registryToParts(snapshot: RegistrySnapshot): string[] {
  const { sandboxes, ...registry } = snapshot;
  return [JSON.stringify(registry), ...sandboxes.map((sandbox) => JSON.stringify(sandbox))];
}

/** The inverse of `registryToParts`, given the parts parsed. */
export function registryFromParts(parts: readonly unknown[]): RegistrySnapshot {
  const [registry, ...sandboxes] = parts;
  return { ...(registry as Omit<RegistrySnapshot, 'sandboxes'>), sandboxes: sandboxes as SandboxSnapshot[] };
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
  readonly #sandboxes = new Map<string, Sandbox>();
  readonly #generations = new Map<string, number>();

  constructor(env: SandboxEnvironment, defaults: RegistryDefaults, saved?: RegistrySnapshot) {
    this.#env = env;
    this.#defaults = defaults;
    this.#random = createRandom(`${defaults.seed}/registry`, saved?.random);
    for (const [id, generation] of Object.entries(saved?.generations ?? {})) this.#generations.set(id, generation);
    if (!saved) this.create({ id: DEFAULT_SANDBOX_ID });
    for (const s of saved?.sandboxes ?? []) {
      const id = s.config.id;
      const generation = this.#generations.get(id) ?? 1;
      this.#generations.set(id, generation);
      this.#sandboxes.set(id, Sandbox.restore(s, env, generation));
    }
  }

  get(id: string): Sandbox | undefined {
    return this.#sandboxes.get(id);
  }

  list(): Sandbox[] {
    return [...this.#sandboxes.values()];
  }

  /** Creates a sandbox; `undefined` when the id is taken. */
  create(request: SandboxRequest): Sandbox | undefined {
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
    const old = this.#sandboxes.get(id);
    if (!old) return undefined;
    old.close();
    const fresh = Sandbox.create(old.config, this.#env, this.#nextGeneration(id));
    this.#sandboxes.set(id, fresh);
    return fresh;
  }

  delete(id: string): boolean {
    const old = this.#sandboxes.get(id);
    old?.close();
    return this.#sandboxes.delete(id);
  }

  /** Restores a sandbox from its snapshot under `id` (default: its own); `undefined` when the id is taken. */
  import(snapshot: SandboxSnapshot, id = snapshot.config.id): Sandbox | undefined {
    if (this.#sandboxes.has(id)) return undefined;
    // A copy starts with no spent nonces and no delivery log: its deliveries belong to the original.
    const { nonces: _nonces, deliveries: _deliveries, ...state } = snapshot;
    const sandbox = Sandbox.restore({ ...state, config: { ...snapshot.config, id } }, this.#env, this.#nextGeneration(id));
    this.#sandboxes.set(id, sandbox);
    return sandbox;
  }

  /** The saved form of every sandbox, with what only a data directory keeps (`Sandbox.persist`). */
  snapshot(): RegistrySnapshot {
    return { random: this.#random.state(), sandboxes: this.list().map((s) => s.persist()), generations: Object.fromEntries(this.#generations) };
  }

  close(): void {
    for (const sandbox of this.#sandboxes.values()) sandbox.close();
  }

  #nextGeneration(id: string): number {
    const generation = (this.#generations.get(id) ?? 0) + 1;
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
