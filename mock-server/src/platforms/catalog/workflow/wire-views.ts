import type { Deadline, Reason, WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { ENTRY_MACHINE } from './catalog-engine.js';
import type { EntryRecord, FunctionChangeRecord, ObligationKind, ObligationRecord } from './records.js';

/** Contract step names of the obligation machines' `update` step (`x-gdx-limits`). */
const OBLIGATION_STEPS: Record<ObligationKind, string> = {
  new_resource: 'new_resource_registration',
  information_change: 'information_update',
  function_change: 'function_change_update',
};

/** The OpenAPI `WorkflowEvent` (a type alias, so it fits the feed's open record type). */
export type WireEvent = {
  seq: number;
  type: string;
  at: string;
  actor: { role: string; organizationId: string | null };
  from: string | null;
  to: string | null;
  reason: Reason | null;
  deadline: Deadline | null;
  data?: Record<string, unknown>;
};

/**
 * A kernel deadline with the contract's step name: the entry review is `authority_review`
 * (started by `change_submitted` in that state), an obligation's step names its kind.
 */
function wireDeadline(deadline: Deadline | null, state: string | null, kind: ObligationKind | undefined): Deadline | null {
  if (!deadline) return null;
  if (kind) return { ...deadline, step: OBLIGATION_STEPS[kind] };
  return { ...deadline, step: 'authority_review', ...(state === 'change_submitted' ? { startTrigger: 'change_submitted' } : {}) };
}

function wireEvents(instance: WorkflowInstance, kind?: ObligationKind): WireEvent[] {
  return instance.events.map((e: WorkflowEvent) => ({
    seq: e.seq,
    type: e.type,
    at: e.at,
    actor: { role: e.actor.role, organizationId: typeof e.actor.organizationId === 'string' ? e.actor.organizationId : null },
    from: e.from,
    to: e.to,
    reason: e.reason ? { ...(e.reason.code !== undefined ? { code: e.reason.code } : {}), text: e.reason.text } : null,
    deadline: wireDeadline(e.deadline, e.to, kind),
    ...(e.data ? { data: structuredClone(e.data) } : {}),
  }));
}

/**
 * The events of an entry or obligation as the contract's `WorkflowEvent[]`.
 *
 * @example
 * ```ts
 * eventsView(instance, record.kind).at(-1)?.type; // 'deadline_overdue'
 * ```
 */
export function eventsView(instance: WorkflowInstance, kind?: ObligationKind): WireEvent[] {
  return wireEvents(instance, instance.machine === ENTRY_MACHINE ? undefined : kind);
}

/**
 * The OpenAPI `Entry`: the record's content and versions with the instance's state, deadline and events.
 *
 * @example
 * ```ts
 * entryView(record, instance).state; // 'draft'
 * ```
 */
export function entryView(record: EntryRecord, instance: WorkflowInstance) {
  return {
    id: record.id,
    resourceCode: record.resourceCode,
    version: record.version,
    state: instance.state,
    provider: { creditCode: record.provider.creditCode, name: record.provider.name },
    content: structuredClone(record.content),
    publishedContent: record.publishedContent ? structuredClone(record.publishedContent) : null,
    reasons: structuredClone(record.reasons),
    publishedOn: record.publishedOn,
    modifiedOn: record.modifiedOn,
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    deadline: wireDeadline(instance.deadline, instance.state, undefined),
    events: wireEvents(instance),
  };
}

/**
 * The OpenAPI `Obligation`.
 *
 * @example
 * ```ts
 * obligationView(record, instance).deadline?.step; // 'function_change_update'
 * ```
 */
export function obligationView(record: ObligationRecord, instance: WorkflowInstance) {
  return {
    id: record.id,
    kind: record.kind,
    state: instance.state,
    entryId: record.entryId,
    functionChangeId: record.functionChangeId,
    createdAt: instance.createdAt,
    fulfilledAt: record.fulfilledAt,
    deadline: wireDeadline(instance.deadline, instance.state, record.kind),
    events: wireEvents(instance, record.kind),
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
