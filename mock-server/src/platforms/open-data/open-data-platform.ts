import type { OpenApiDocument, PlatformClockHooks, PlatformModule, SandboxContext } from '../../app/platform-module.js';
import { seedDataOf } from '../../sandbox/seed-data-cache.js';
import type { SeedData } from '../../sandbox/seed/types.js';
import { hostClock, WorkflowHost } from '../workflow-host/index.js';
import { applicationOperations } from './application-operations.js';
import { distributionOperations } from './distributions.js';
import { startBlockedReportingAll } from './grant-lifecycle.js';
import { grantOperations } from './grant-operations.js';
import { openDataBinding } from './open-data-binding.js';
import { openDataObjects } from './open-data-objects.js';
import { actOnOpenData, objectOnOpenData } from './open-data-sim.js';
import { OpenDatasets } from './open-datasets.js';
import { exportOpenDataState, openDataRecords, type OpenDataSnapshot, type OpenDataState } from './open-data-state.js';
import { publicOperations } from './public-operations.js';

export interface OpenDataPlatformOptions {
  /** The open-data OpenAPI document (`loadBundledSpec('open-data')`). */
  spec: OpenApiDocument;
  /** The sandbox's seed data (opening plans; datasets and catalog when no catalog platform is mounted). Default `seedDataOf`. */
  seedData?: (sandbox: SandboxContext) => SeedData;
}

function buildState(sandbox: SandboxContext, seedData: (sandbox: SandboxContext) => SeedData, saved?: OpenDataSnapshot): OpenDataState {
  const seed = seedData(sandbox);
  const published = { datasets: new OpenDatasets(seed, sandbox), plans: seed.openingPlans };
  // The binding reads the state and the state holds the host: the host is set right below,
  // before anything can call the binding.
  const state = { ...openDataRecords(saved), ...published } as Omit<OpenDataState, 'host'> as OpenDataState;
  state.host = new WorkflowHost(sandbox, openDataBinding(state, sandbox), saved?.engine);
  return state;
}

const hostHooks = hostClock<OpenDataState>((state) => state.host);

/** The host's clock hooks; a calendar change also starts the usage-report duties it had blocked. */
const openDataClock: PlatformClockHooks<OpenDataState> = {
  ...hostHooks,
  calendarChanged: (sandbox, state, year) => {
    hostHooks.calendarChanged?.(sandbox, state, year);
    startBlockedReportingAll(state);
  },
};

/**
 * The open-data platform (公共数据开放) of the mock: every operation of `openapi/open-data` —
 * public datasets, opening plans and published rejections; demands; on-application access on
 * two sequential clocks (initial review 3 WD from the application day, substantive review 7 WD
 * from the day it passed); grants with usage reports; data objections — on the
 * `@gdx/procedures` machines run by the kernel on the sandbox clock.
 *
 * @example
 * ```ts
 * const app = createApp({ platforms: [createOpenDataPlatform({ spec: loadBundledSpec('open-data') as OpenApiDocument })] });
 * ```
 */
export function createOpenDataPlatform(options: OpenDataPlatformOptions): PlatformModule<OpenDataState> {
  const seedData = options.seedData ?? seedDataOf;
  return {
    name: 'open-data',
    spec: options.spec,
    operations: { ...publicOperations, ...distributionOperations, ...applicationOperations, ...grantOperations },
    createState: (sandbox) => buildState(sandbox, seedData),
    act: actOnOpenData,
    objects: openDataObjects,
    object: objectOnOpenData,
    clock: openDataClock,
    exportState: exportOpenDataState,
    // The grants an approved application issues are kept beside the kernel's instances, and are objects too (GET /objects lists them).
    objectCount: (state) => state.host.objectCount + state.grants.size,
    importState: (data, sandbox) => buildState(sandbox, seedData, data as OpenDataSnapshot),
  };
}
