import type { ProfileRef, ReviewerPolicy } from '../app/platform-module.js';
import { createRandom, type SeededRandom } from './random.js';
import { Sandbox, type SandboxConfig, type SandboxEnvironment, type SandboxSnapshot } from './sandbox.js';
import type { ClockMode } from './sandbox-clock.js';

/** The id of the sandbox served at the root and created at start. */
export const DEFAULT_SANDBOX_ID = 'default';

/** Sandbox ids: lower-case letters, digits, `_` and `-` (no `.`: app keys may be scoped with it). */
export const SANDBOX_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** What a new sandbox may specify; the rest comes from the app's defaults. */
export interface SandboxRequest {
  id?: string;
  profile?: ProfileRef;
  seed?: string;
  clock?: ClockMode;
  startAt?: number;
  reviewerPolicy?: ReviewerPolicy;
}

/** Saved form of the registry (the persistence snapshot). */
export interface RegistrySnapshot {
  random: number[];
  sandboxes: SandboxSnapshot[];
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * All sandboxes of an app. Ids and seeds of sandboxes created without them are drawn from the
 * app's seed, so an app replays to the same sandboxes.
 *
 * @example
 * ```ts
 * const registry = new SandboxRegistry(env, defaults, 'seed');
 * const sbx = registry.create({ profile: 'xiamen' });
 * registry.get(sbx.id) === sbx; // true
 * ```
 */
export class SandboxRegistry {
  readonly #env: SandboxEnvironment;
  readonly #defaults: Omit<SandboxConfig, 'id' | 'startAt'> & { startAt?: number };
  readonly #random: SeededRandom;
  readonly #sandboxes = new Map<string, Sandbox>();

  constructor(env: SandboxEnvironment, defaults: Omit<SandboxConfig, 'id' | 'startAt'> & { startAt?: number }, saved?: RegistrySnapshot) {
    this.#env = env;
    this.#defaults = defaults;
    this.#random = createRandom(`${defaults.seed}/registry`, saved?.random);
    if (saved) for (const s of saved.sandboxes) this.#sandboxes.set(s.config.id, Sandbox.restore(s, env));
    else this.create({ id: DEFAULT_SANDBOX_ID });
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
    const config: SandboxConfig = {
      id,
      profile: request.profile ?? this.#defaults.profile,
      seed: request.seed ?? (id === DEFAULT_SANDBOX_ID ? this.#defaults.seed : this.#draw(16)),
      clock: request.clock ?? this.#defaults.clock,
      startAt: request.startAt ?? this.#defaults.startAt ?? this.#env.wall(),
      reviewerPolicy: request.reviewerPolicy ?? this.#defaults.reviewerPolicy,
    };
    const sandbox = Sandbox.create(config, this.#env);
    this.#sandboxes.set(id, sandbox);
    return sandbox;
  }

  /** Rebuilds a sandbox from its creation config (same seed: same organisations and seed data). */
  reset(id: string): Sandbox | undefined {
    const old = this.#sandboxes.get(id);
    if (!old) return undefined;
    old.close();
    const fresh = Sandbox.create(old.config, this.#env);
    this.#sandboxes.set(id, fresh);
    return fresh;
  }

  delete(id: string): boolean {
    const old = this.#sandboxes.get(id);
    old?.close();
    return this.#sandboxes.delete(id);
  }

  /** Restores a sandbox from its snapshot, replacing one with the same id. */
  import(snapshot: SandboxSnapshot): Sandbox {
    const sandbox = Sandbox.restore(snapshot, this.#env);
    this.#sandboxes.get(snapshot.config.id)?.close();
    this.#sandboxes.set(sandbox.id, sandbox);
    return sandbox;
  }

  snapshot(): RegistrySnapshot {
    return { random: this.#random.state(), sandboxes: this.list().map((s) => s.snapshot()) };
  }

  close(): void {
    for (const sandbox of this.#sandboxes.values()) sandbox.close();
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
