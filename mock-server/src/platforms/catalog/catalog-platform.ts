import type { OpenApiDocument, PlatformModule, SandboxContext } from '../../app/platform-module.js';
import { createSeedData } from '../../sandbox/seed/create-seed-data.js';
import { hostClock } from '../workflow-host/index.js';
import type { CatalogEntry, SeedData } from '../../sandbox/seed/types.js';
import { catalogObjects } from './catalog-objects.js';
import { createCatalogState, exportCatalogState, importCatalogState, type CatalogState } from './catalog-state.js';
import { entryOperations } from './entry-operations.js';
import { obligationOperations } from './obligation-operations.js';
import { actAsOfficial } from './official-actions.js';
import { publicOperations } from './public-operations.js';

export interface CatalogPlatformOptions {
  /** The catalog OpenAPI document (`openapi/catalog/openapi.yaml`, bundled). */
  spec: OpenApiDocument;
  /**
   * The seed data of a sandbox. The sandbox should pass the same `SeedData` it took its
   * organisations from, so entry providers are organisations of the sandbox. Default: generated
   * from the sandbox seed (or id), profile name and id.
   */
  seedData?: (sandbox: SandboxContext) => SeedData;
  /** Root of DCAT IRIs. Default `https://gdx.dev/sandboxes/{sandboxId}/catalog/v1`. */
  dcatBaseUrl?: (sandbox: SandboxContext) => string;
}

/**
 * The sandbox's seed when the core exposes it (`sandbox.seed`, being added), else its id: the
 * same inputs as the sandbox's own `createSeedData` call give the same organisations and entries.
 */
const defaultSeedData = (sandbox: SandboxContext): SeedData =>
  createSeedData({
    seed: (sandbox as { seed?: number }).seed ?? sandbox.id,
    profile: typeof sandbox.profile === 'string' ? sandbox.profile : 'national',
    sandboxId: sandbox.id,
  });

const publishedSeeds = new WeakMap<readonly CatalogEntry[], readonly CatalogEntry[]>();

/**
 * The published entries of a seed's entries: for frozen seed data (shared by the sandboxes of a
 * seed), one frozen list per seed, so the search index builds what it indexes for it once.
 */
function publishedOf(entries: readonly CatalogEntry[]): readonly CatalogEntry[] {
  if (!Object.isFrozen(entries)) return entries.filter((e) => e.state === 'published');
  let published = publishedSeeds.get(entries);
  if (published === undefined) publishedSeeds.set(entries, (published = Object.freeze(entries.filter((e) => e.state === 'published'))));
  return published;
}

/**
 * The catalog platform of the mock: every operation of the catalog contract — the provider's
 * entry workflow (on `@gdx/procedures`' `catalog.entry` machine), update obligations, public
 * search and DCAT-AP 3 export — plus the officials' `publish` / `return` / `withdraw` actions,
 * the reviewer policy's planned decisions and the deadline timers on the sandbox clock.
 *
 * @example
 * ```ts
 * const catalog = createCatalogPlatform({ spec: catalogSpec });
 * const app = createApp({ platforms: [catalog] });
 * ```
 */
export function createCatalogPlatform(options: CatalogPlatformOptions): PlatformModule<CatalogState> {
  const seedData = options.seedData ?? defaultSeedData;
  const baseUrl = options.dcatBaseUrl ?? ((sandbox: SandboxContext) => `https://gdx.dev/sandboxes/${sandbox.id}/catalog/v1`);
  return {
    name: 'catalog',
    spec: options.spec,
    operations: { ...publicOperations({ dcatBaseUrl: (ctx) => baseUrl(ctx.sandbox) }), ...entryOperations(), ...obligationOperations() },
    createState: (sandbox) => createCatalogState(sandbox),
    seed: (sandbox, state) => state.workflow.seedPublished(publishedOf(seedData(sandbox).catalogEntries)),
    act: actAsOfficial,
    objects: catalogObjects,
    clock: hostClock((state) => state.workflow.host),
    // What the catalog has published is what other platforms may serve (sharing requests).
    publishedEntry: (state, id) => state.index.get(id),
    // …and what the open-data platform lists as datasets (those not `not_open`).
    publishedEntries: (state) => state.index.entries(),
    exportState: exportCatalogState,
    objectCount: (state) => state.workflow.host.objectCount,
    importState: (data, sandbox) => importCatalogState(data, sandbox),
  };
}
