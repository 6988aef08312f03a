import type { WorkflowInstance } from '@gdx/kernel';
import type { SandboxContext } from '../../../app/platform-module.js';
import { officialOrganisation, type HostBinding, type Listing, type WireMapping } from '../../workflow-host/index.js';
import type { CatalogWorkflow } from './catalog-workflow.js';
import type { ObligationKind } from './records.js';

export const ENTRY_MACHINE = 'catalog.entry';

/** The obligation machine of each wire kind (`@gdx/procedures`' `catalogMachines`). */
export const OBLIGATION_MACHINES = {
  new_resource: 'catalog.obligation.new_resource',
  information_change: 'catalog.obligation.info_change',
  function_change: 'catalog.obligation.function_change',
} as const satisfies Record<ObligationKind, string>;

/** Contract step names of the obligation machines' `update` step (`x-gdx-limits`). */
const OBLIGATION_STEPS: Record<ObligationKind, string> = {
  new_resource: 'new_resource_registration',
  information_change: 'information_update',
  function_change: 'function_change_update',
};

/** The entry review is `authority_review`, started by `change_submitted` when a change is under review. */
const ENTRY_WIRE: WireMapping = {
  steps: { review: 'authority_review' },
  startTrigger: (e) => (e.to === 'change_submitted' ? 'change_submitted' : undefined),
};

/**
 * Provider events that bring catalog information up to date, so they fulfil pending update duties:
 * a withdrawal too — the resource is no longer offered, which is what the catalog must now say
 * (e.g. after its functions moved to another department, 厦门 第九条), and a withdrawn entry takes
 * no later submission, so its duty could otherwise never be fulfilled. Only the provider's own
 * withdrawal counts: the duty is the provider's (the machine's `fulfil` is sent by it).
 */
const CHANGES_INFORMATION = new Set(['submit', 'propose_change', 'reclassify', 'withdraw']);

const WIRE: Record<string, WireMapping> = {
  [ENTRY_MACHINE]: ENTRY_WIRE,
  ...Object.fromEntries((Object.keys(OBLIGATION_MACHINES) as ObligationKind[]).map((kind) => [OBLIGATION_MACHINES[kind], { steps: { update: OBLIGATION_STEPS[kind] } }])),
};

/**
 * The simulation API's `ObjectType` of a catalog instance.
 *
 * @example
 * ```ts
 * objectTypeOf(instance); // 'entry'
 * ```
 */
export function objectTypeOf(instance: WorkflowInstance): 'entry' | 'obligation' {
  return instance.machine === ENTRY_MACHINE ? 'entry' : 'obligation';
}

/** An entry in its provider's list, an obligation in its holder's: oldest first, by state. */
function catalogListings(workflow: CatalogWorkflow, instance: WorkflowInstance): Listing[] {
  const list = objectTypeOf(instance);
  const owner = list === 'entry' ? workflow.entries.get(instance.id)?.provider.organizationId : workflow.obligations.get(instance.id)?.organizationId;
  return owner === undefined ? [] : [{ list, owner, state: instance.state, key: [instance.createdAt, instance.id] }];
}

/**
 * How the catalog's kernel instances map to its objects: entries (owned by their provider) and
 * update obligations (owned by the duty holder), the contract's step names, the sandbox's data
 * authority as the official, the workflow's reactions to accepted events, and the reclassification
 * it withholds from a resource not published as `not_open`.
 *
 * @example
 * ```ts
 * const host = new WorkflowHost(sandbox, catalogBinding(workflow, sandbox));
 * ```
 */
export function catalogBinding(workflow: CatalogWorkflow, sandbox: SandboxContext): HostBinding {
  const isEntry = (i: WorkflowInstance) => i.machine === ENTRY_MACHINE;
  return {
    platform: 'catalog',
    wire: WIRE,
    objectType: objectTypeOf,
    owner: (i) => (isEntry(i) ? workflow.entries.get(i.id)?.provider.organizationId : workflow.obligations.get(i.id)?.organizationId) ?? null,
    view: (i) => (isEntry(i) ? workflow.entryView(i.id) : workflow.obligationView(i.id)),
    official: (_i, role) => officialOrganisation(sandbox, role)?.id ?? null,
    onEvent: (i, e) => workflow.applyEvent(i, e),
    afterEvent: (i, e) => {
      if (isEntry(i) && e.event !== undefined && CHANGES_INFORMATION.has(e.event) && e.actor.role === 'data_provider') workflow.fulfilObligations(i.id, e);
    },
    // Only a resource published as not_open is reclassified (entry-operations answers NOT_RECLASSIFIABLE):
    // the machine cannot see the published opening, so refusals and timelines must not offer it.
    withholds: (i, event) => event === 'reclassify' && isEntry(i) && workflow.reclassificationBar(i.id) !== undefined,
    listings: (i) => catalogListings(workflow, i),
    // Oldest first by creation instant (an ISO string), then id.
    listKeys: { entry: ['string', 'string'], obligation: ['string', 'string'] },
  };
}
