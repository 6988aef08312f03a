import type { OpenApiDocument, PlatformModule, SandboxContext } from '../../app/platform-module.js';
import { seedDataOf } from '../../sandbox/seed-data-cache.js';
import type { CatalogEntry, SeedData } from '../../sandbox/seed/types.js';
import { hostClock, WorkflowHost } from '../workflow-host/index.js';
import { feedbackOperations } from './feedback-operations.js';
import { requestOperations } from './request-operations.js';
import { sharingBinding } from './sharing-binding.js';
import { sharingObjects } from './sharing-objects.js';
import { actOnSharing, objectOnSharing } from './sharing-sim.js';
import { exportSharingState, sharingRecords, type SharingSnapshot, type SharingState } from './sharing-state.js';

export interface SharingPlatformOptions {
  /** The sharing OpenAPI document (`loadBundledSpec('sharing')`). */
  spec: OpenApiDocument;
  /** The sandbox's seed data (its published catalog is what can be requested). Default `seedDataOf`. */
  seedData?: (sandbox: SandboxContext) => SeedData;
}

function buildState(sandbox: SandboxContext, seedData: (sandbox: SandboxContext) => SeedData, saved?: SharingSnapshot): SharingState {
  // The catalog platform's published entries when it is mounted (created and published through
  // its API, or withdrawn since); the seed's published entries otherwise, indexed when first read.
  let seeded: Map<string, CatalogEntry> | undefined;
  const entry = (id: string) => {
    if (sandbox.publishedEntry) return sandbox.publishedEntry(id);
    seeded ??= new Map(seedData(sandbox).catalogEntries.filter((e) => e.state === 'published').map((e) => [e.id, e]));
    return seeded.get(id);
  };
  // The binding reads the state and the state holds the host: the host is set right below,
  // before anything can call the binding.
  const state = { ...sharingRecords(saved), entry } as Omit<SharingState, 'host'> as SharingState;
  state.host = new WorkflowHost(sandbox, sharingBinding(state, sandbox), saved?.engine);
  return state;
}

/**
 * The sharing platform (政务数据共享) of the mock: every operation of `openapi/sharing`, on the
 * `@gdx/procedures` machines of the sandbox's profile (joint review 10 WD national / 5 WD
 * Xiamen, delivery 1 WD, data objections 5 WD), run by the kernel on the sandbox clock, with
 * simulated officials, officials' actions and third-party data objections of the simulation API.
 *
 * @example
 * ```ts
 * const app = createApp({ platforms: [createSharingPlatform({ spec: loadBundledSpec('sharing') as OpenApiDocument })] });
 * ```
 */
export function createSharingPlatform(options: SharingPlatformOptions): PlatformModule<SharingState> {
  const seedData = options.seedData ?? seedDataOf;
  return {
    name: 'sharing',
    spec: options.spec,
    operations: { ...requestOperations, ...feedbackOperations },
    createState: (sandbox) => buildState(sandbox, seedData),
    act: actOnSharing,
    objects: sharingObjects,
    object: objectOnSharing,
    clock: hostClock((state) => state.host),
    exportState: exportSharingState,
    // The grants a delivered request issues are kept beside the kernel's instances, and are objects too (GET /objects lists them).
    objectCount: (state) => state.host.objectCount + state.grants.size,
    importState: (data, sandbox) => buildState(sandbox, seedData, data as SharingSnapshot),
    sharingConsent: (state, grantId) => {
      const grant = state.grants.get(grantId);
      return grant && { grantId: grant.id, entryId: grant.entryId, granteeId: grant.owner, providerId: grant.providerId, active: grant.state === 'active' };
    },
  };
}
