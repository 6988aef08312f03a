import type { OpenApiDocument, PlatformClockHooks, PlatformModule, SandboxContext } from '../../app/platform-module.js';
import { seedDataOf } from '../../sandbox/seed-data-cache.js';
import type { SeedData } from '../../sandbox/seed/types.js';
import { hostClock, WorkflowHost } from '../workflow-host/index.js';
import { authorizedOperationBinding } from './ao-binding.js';
import { authorizedOperationObjects } from './ao-objects.js';
import { authorizedOperationRecords, exportAuthorizedOperationState, type AuthorizedOperationSnapshot, type AuthorizedOperationState } from './ao-records.js';
import { actOnAuthorizedOperation } from './ao-sim.js';
import { authorizationOperations } from './authorization-operations.js';
import { planCeilingReportOnCalendar } from './ceiling-report.js';
import { dataAccessOperations } from './data-access-operations.js';
import { fireEndedReportDuties, startEndedReportClock } from './ended-report-duty.js';
import { planDisclosureOnCalendar } from './disclosure-duty.js';
import { planOperations } from './plan-operations.js';
import { pricingOperations } from './pricing-operations.js';
import { productOperations } from './product-operations.js';
import { publicOperations } from './public-operations.js';
import { selectionOperations } from './selection-operations.js';

/** Options of `createAuthorizedOperationPlatform`. */
export interface AuthorizedOperationPlatformOptions {
  /** The authorized-operation OpenAPI document (`loadBundledSpec('authorized-operation')`). */
  spec: OpenApiDocument;
  /** The sandbox's seed data (its published catalog when no catalog platform is mounted). Default `seedDataOf`. */
  seedData?: (sandbox: SandboxContext) => SeedData;
}

function buildState(sandbox: SandboxContext, seedData: (sandbox: SandboxContext) => SeedData, saved?: AuthorizedOperationSnapshot): AuthorizedOperationState {
  // Read lazily: a sandbox whose scopes are never checked never builds its seed catalog here.
  let seeded: Map<string, SeedData['catalogEntries'][number]> | undefined;
  const fromSeed = (id: string) => (seeded ??= new Map(seedData(sandbox).catalogEntries.filter((e) => e.state === 'published').map((e) => [e.id, e]))).get(id);
  // Published as the sharing platform reads it: the catalog platform's entries when it is mounted.
  const entry = (id: string) => (sandbox.publishedEntry ? sandbox.publishedEntry(id) : fromSeed(id));
  // The binding reads the state and the state holds the host: the host (then the clock of ended duties) is set right below.
  const state = { ...authorizedOperationRecords(saved), sandbox, entry } as Omit<AuthorizedOperationState, 'host' | 'endedReports'> as AuthorizedOperationState;
  state.host = new WorkflowHost(sandbox, authorizedOperationBinding(state, sandbox), saved?.engine);
  startEndedReportClock(state);
  return state;
}

const hostHooks = hostClock<AuthorizedOperationState>((state) => state.host);

/**
 * The host's clock hooks, with the platform's own clock of the reports due after an authorization
 * ended (fired after the engine's timers of the same instant); a year loaded into the calendar
 * also plans the ends of the reporting duties' periods it turns from estimates into official days
 * (disclosure, ceiling report).
 */
const authorizedOperationClock: PlatformClockHooks<AuthorizedOperationState> = {
  nextDueAt: (state) => {
    const engine = state.host.nextDueAt();
    const ended = state.endedReports.nextDueAt();
    return ended === undefined || (engine !== undefined && engine <= ended) ? engine : ended;
  },
  fireDue: (_sandbox, state, fired) => {
    state.host.fireDue(fired);
    fireEndedReportDuties(state, fired);
  },
  calendarChanged: (sandbox, state, year) => {
    hostHooks.calendarChanged?.(sandbox, state, year);
    for (const id of state.authorizations.keys()) {
      const instance = state.host.get(id);
      if (!instance) continue;
      planDisclosureOnCalendar(state, instance, year);
      planCeilingReportOnCalendar(state, instance, year);
    }
  },
};

/**
 * The authorized-operation platform (公共数据资源授权运营, 发改数据规〔2025〕27号, 发改价格〔2025〕65号) of
 * the mock: every operation of `openapi/authorized-operation`, on the `@gdx/procedures` machines of
 * the sandbox's profile (plan, selection, authorization, data access, product), run by the kernel
 * on the sandbox clock, with the pricing computed and checked, officials acting through the
 * simulation API and the reviewer policy, and the cross-platform rules read from the catalog,
 * sharing and registration platforms of the same sandbox.
 *
 * @example
 * ```ts
 * const app = createApp({ platforms: [createAuthorizedOperationPlatform({ spec: loadBundledSpec('authorized-operation') as OpenApiDocument })] });
 * ```
 */
export function createAuthorizedOperationPlatform(options: AuthorizedOperationPlatformOptions): PlatformModule<AuthorizedOperationState> {
  const seedData = options.seedData ?? seedDataOf;
  return {
    name: 'authorized-operation',
    spec: options.spec,
    operations: {
      ...planOperations,
      ...selectionOperations,
      ...authorizationOperations,
      ...pricingOperations,
      ...dataAccessOperations,
      ...productOperations,
      ...publicOperations,
    },
    createState: (sandbox) => buildState(sandbox, seedData),
    act: actOnAuthorizedOperation,
    objects: authorizedOperationObjects,
    clock: authorizedOperationClock,
    exportState: exportAuthorizedOperationState,
    objectCount: (state) => state.host.objectCount,
    importState: (data, sandbox) => buildState(sandbox, seedData, data as AuthorizedOperationSnapshot),
  };
}
