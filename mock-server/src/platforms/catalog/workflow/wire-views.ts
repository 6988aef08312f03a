import type { WorkflowInstance } from '@gdx/kernel';
import type { CatalogEntry } from '../../../sandbox/seed/types.js';
import type { WorkflowHost } from '../../workflow-host/index.js';
import type { EntryRecord, FunctionChangeRecord, ObligationRecord } from './records.js';

/**
 * The OpenAPI `Entry`: the record's content and versions with the instance's state, deadline and events.
 *
 * @example
 * ```ts
 * entryView(host, record, instance).state; // 'draft'
 * ```
 */
export function entryView(host: WorkflowHost, record: EntryRecord, instance: WorkflowInstance) {
  return {
    id: record.id,
    resourceCode: record.resourceCode,
    version: record.version,
    state: instance.state,
    provider: { creditCode: record.provider.creditCode, name: record.provider.name },
    content: structuredClone(record.content),
    publishedContent: record.publishedContent ? structuredClone(record.publishedContent) : null,
    reclassifications: structuredClone(record.reclassifications),
    sharingTypeDisputes: structuredClone(record.sharingTypeDisputes),
    reasons: structuredClone(record.reasons),
    publishedOn: record.publishedOn,
    modifiedOn: record.modifiedOn,
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    deadline: host.deadline(instance),
    events: host.events(instance),
  };
}

/**
 * The OpenAPI `Entry` as any organisation but its provider reads it: the published version only
 * (`state: published`, its content, version and dates, the publication events, the reclassifications
 * in effect, the sharing-type disputes settled on published versions). A pending change request or reclassification, a returned version with its reasons,
 * and the review deadline stay the provider's.
 *
 * @example
 * ```ts
 * publishedEntryView(host, record, instance, index.get(record.id)!).content; // the visible version
 * ```
 */
export function publishedEntryView(host: WorkflowHost, record: EntryRecord, instance: WorkflowInstance, published: CatalogEntry) {
  return {
    id: record.id,
    resourceCode: record.resourceCode,
    version: record.publishedVersion,
    state: 'published',
    provider: { creditCode: record.provider.creditCode, name: record.provider.name },
    content: structuredClone(record.publishedContent ?? record.content),
    publishedContent: null,
    // The published version's history: a pending reclassification is the provider's, like a change.
    reclassifications: structuredClone(record.reclassifications.filter((r) => r.status === 'effective')),
    // Disputes settled on a version now published; one on a version under review is the provider's.
    sharingTypeDisputes: structuredClone(record.sharingTypeDisputes.filter((d) => d.version <= record.publishedVersion)),
    reasons: [],
    publishedOn: record.publishedOn,
    modifiedOn: published.modifiedAt.slice(0, 10),
    createdAt: instance.createdAt,
    updatedAt: published.modifiedAt,
    deadline: null,
    events: host.events(instance).filter((e) => e.to === 'published' && e.from !== e.to),
  };
}

/**
 * The OpenAPI `Obligation`.
 *
 * @example
 * ```ts
 * obligationView(host, record, instance).deadline?.step; // 'function_change_update'
 * ```
 */
export function obligationView(host: WorkflowHost, record: ObligationRecord, instance: WorkflowInstance) {
  return {
    id: record.id,
    kind: record.kind,
    state: instance.state,
    entryId: record.entryId,
    functionChangeId: record.functionChangeId,
    createdAt: instance.createdAt,
    fulfilledAt: record.fulfilledAt,
    deadline: host.deadline(instance),
    events: host.events(instance),
  };
}

/**
 * The OpenAPI `FunctionChange` with its obligations' current views.
 *
 * @example
 * ```ts
 * functionChangeView(change, (id) => workflow.obligation(id)).obligations.length; // 1
 * ```
 */
export function functionChangeView(change: FunctionChangeRecord, obligation: (id: string) => ReturnType<typeof obligationView>) {
  return {
    id: change.id,
    kind: change.kind,
    effectiveOn: change.effectiveOn,
    description: change.description,
    ...(change.successor ? { successor: { ...change.successor } } : {}),
    entryIds: [...change.entryIds],
    createdAt: change.createdAt,
    obligations: change.obligationIds.map(obligation),
  };
}
