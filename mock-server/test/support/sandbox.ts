import type { PlatformName } from '../../src/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import type { SeedData } from '../../src/sandbox/seed/types.js';
import type { CallOptions, Credentials, Reply } from './client.js';
import { expectReply } from './contract.js';
import type { MockContext } from './harness.js';

/** A seeded organisation with its credentials and public identity. */
export type SeededOrg = Credentials & { creditCode: string; name: string; roles: string[] };

/** One sandbox as a platform test drives it. */
export interface TestSandbox {
  id: string;
  /** The simulation API's `Sandbox` as created. */
  view: any;
  organizations: SeededOrg[];
  /** The seed data the platforms of this sandbox serve (published catalog, datasets, organisations). */
  readonly seed: SeedData;
  /** An organisation by its seed slug (e.g. `civil-affairs`). */
  org(slug: string): SeededOrg;
  /** The platform root inside the sandbox, e.g. `/sandboxes/sbx_x/catalog/v1`. */
  base(platform: PlatformName): string;
  /** A platform operation by path below its root. */
  on(platform: PlatformName, method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** The simulation API below `/_sim/v1/sandboxes/{id}`. */
  sim(method: string, path: string, body?: unknown): Promise<Reply>;
  /** `POST …/actions` as an official. */
  act(body: Record<string, unknown>): Promise<Reply>;
  /** `POST …/clock/advance`. */
  advance(body: Record<string, unknown>): Promise<Reply>;
}

/**
 * Creates a sandbox with exactly this `SandboxCreate` body (checked against the simulation
 * contract) and answers the helpers to drive it. `catalogEntries` is the app's
 * `defaultPlatforms({ catalogEntries })` when not the default 300, so `seed` is what it serves.
 *
 * @example
 * ```ts
 * const sbx = await openSandbox(ctx, { profile: 'xiamen', seed: 42, reviewerPolicy: { mode: 'manual' } });
 * await sbx.on('catalog', 'GET', '/search?q=人口');
 * ```
 */
export async function openSandbox(ctx: Pick<MockContext, 'call'>, body: Record<string, unknown>, catalogEntries?: number): Promise<TestSandbox> {
  const view = expectReply('simulation', await ctx.call('POST', '/_sim/v1/sandboxes', { body }), 'POST', '/sandboxes', 201);
  return sandboxOf(ctx, view, body, catalogEntries);
}

/**
 * The helpers for a sandbox that exists (e.g. one a journal replay made): `view` is its
 * simulation API `Sandbox`, `body` the create request's `profile` and `startAt`.
 *
 * @example
 * ```ts
 * const sbx = sandboxOf(ctx, (await ctx.call('GET', '/_sim/v1/sandboxes/sbx_1')).body, { profile: 'national', startAt: START_AT });
 * ```
 */
export function sandboxOf(ctx: Pick<MockContext, 'call'>, view: any, body: Record<string, unknown>, catalogEntries?: number): TestSandbox {
  const id: string = view.id;
  const profile = body.profile;
  const startAt = typeof body.startAt === 'string' ? { startAt: Date.parse(body.startAt) } : {};
  const seedData = () => seedDataOf({ id, seed: view.seed, profile: typeof profile === 'object' && profile ? String((profile as { extends?: unknown }).extends) : String(profile ?? 'national'), ...startAt }, catalogEntries);
  const sim = (method: string, path: string, simBody?: unknown) => ctx.call(method, `/_sim/v1/sandboxes/${id}${path}`, simBody === undefined ? {} : { body: simBody });
  const base = (platform: PlatformName) => `/sandboxes/${id}/${platform}/v1`;
  return {
    id,
    view,
    organizations: view.organizations,
    get seed() {
      return seedData();
    },
    org(slug) {
      const spec = seedData().organizations.find((o) => o.slug === slug);
      const creds = view.organizations.find((o: { id: string }) => o.id === spec?.id);
      if (!spec || !creds) throw new Error(`no organisation ${slug}`);
      return { ...creds, creditCode: spec.creditCode, name: spec.name };
    },
    base,
    on: (platform, method, path, options) => ctx.call(method, `${base(platform)}${path}`, options),
    sim,
    act: (action) => sim('POST', '/actions', action),
    advance: (to) => sim('POST', '/clock/advance', to),
  };
}
