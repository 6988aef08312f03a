import { formatShanghaiInstant } from '@gdx/calendar';
import type { ActorRef, EngineSnapshot, WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { copyJson } from '../../../app/copy-json.js';
import type { Organisation, SandboxContext } from '../../../app/platform-module.js';
import type { CatalogEntry } from '../../../sandbox/seed/types.js';
import type { CatalogSearchIndex } from '../search/search-index.js';
import { toReasons, WorkflowHost } from '../../workflow-host/index.js';
import { catalogBinding, ENTRY_MACHINE, OBLIGATION_MACHINES } from './catalog-binding.js';
import { classificationCodes, sealFor, seedContent, toCatalogEntry } from './content-mapping.js';
import type { EntryFields, EntryRecord, FunctionChangeRecord, ObligationKind, ObligationRecord, ReclassificationRecord, ReclassificationRequest } from './records.js';
import { applyDisputeEvent, DISPUTE_EVENTS } from './sharing-type-dispute.js';
import { EntryRecords } from './entry-records.js';
import { entryView, obligationView, publishedEntryView } from './wire-views.js';

/** The JSON form of the workflow part of the catalog state. */
export interface WorkflowSnapshot {
  engine: EngineSnapshot;
  entries: EntryRecord[];
  obligations: ObligationRecord[];
  functionChanges: FunctionChangeRecord[];
  codeSeq: number;
}

/** A report of `POST /function-changes` as validated against the contract. */
export interface FunctionChangeInput {
  kind: FunctionChangeRecord['kind'];
  effectiveOn: string;
  description: string;
  successor?: { creditCode: string; name: string };
  entryIds?: string[];
}

const OBLIGATION_OF_REPORT: Record<FunctionChangeRecord['kind'], ObligationKind> = {
  function_change: 'function_change',
  system_change: 'function_change', // Xiamen 第九条: "职能或业务系统变化" share one duty
  new_resource: 'new_resource',
  information_change: 'information_change',
};

/**
 * The catalog's workflow objects in one sandbox: entries (draft → submitted → published /
 * returned, changes, withdrawal) and update obligations, on the sandbox's `WorkflowHost`.
 * Platform reactions to accepted events (resource codes, versions, search index, obligations
 * fulfilled) run in the host's binding, so officials planned by the reviewer policy and API calls
 * behave alike; the host publishes every event.
 *
 * @example
 * ```ts
 * const workflow = new CatalogWorkflow(sandbox, index);
 * const entry = workflow.createEntry(org, content);
 * workflow.dispatch(entry.id, 'submit', { role: 'data_provider', organizationId: org.id });
 * ```
 */
export class CatalogWorkflow {
  readonly entries = new EntryRecords();
  readonly obligations = new Map<string, ObligationRecord>();
  readonly functionChanges = new Map<string, FunctionChangeRecord>();
  readonly host: WorkflowHost;
  readonly #sandbox: SandboxContext;
  readonly #index: CatalogSearchIndex;
  #codeSeq = 1;

  constructor(sandbox: SandboxContext, index: CatalogSearchIndex, saved?: WorkflowSnapshot) {
    this.#sandbox = sandbox;
    this.#index = index;
    this.host = new WorkflowHost(sandbox, catalogBinding(this, sandbox), saved?.engine);
    if (saved) {
      // Snapshots taken before reclassification or sharing-type disputes existed have no lists: none happened then.
      for (const r of saved.entries) this.entries.set(r.id, { ...r, reclassifications: r.reclassifications ?? [], sharingTypeDisputes: r.sharingTypeDisputes ?? [] });
      for (const r of saved.obligations) this.obligations.set(r.id, r);
      for (const r of saved.functionChanges) this.functionChanges.set(r.id, r);
      this.#codeSeq = saved.codeSeq;
    }
  }

  /**
   * Takes seeded published entries as published workflow objects of their providers. What a
   * sandbox never changes in place is shared with the other sandboxes of its seed, made once and
   * frozen for a frozen (seed) list: the map of its records, a record until the sandbox first
   * changes it (`#ownRecord` copies it then), and the map of its instances (the engine makes a
   * slot of its own for an instance when it first acts on it; a transition replaces an instance
   * and its log, never edits them).
   */
  seedPublished(entries: readonly CatalogEntry[]): void {
    const { records, instances } = seededEntries(entries);
    this.entries.seed(records);
    this.#index.seed(entries);
    this.host.engine.share(instances);
    this.host.reindex();
    this.#codeSeq = entries.length + 1;
  }

  entry(id: string): { record: EntryRecord; instance: WorkflowInstance } | undefined {
    const record = this.entries.get(id);
    const instance = record && this.host.get(id);
    return record && instance ? { record, instance } : undefined;
  }

  entryView(id: string) {
    const found = this.entry(id);
    if (!found) throw new Error(`no entry ${id}`);
    return entryView(this.host, found.record, found.instance);
  }

  /**
   * `entryView` as JSON. A seeded entry no sandbox has changed (its frozen record and instance,
   * shared by the sandboxes of the seed) is rendered once: the view reads only the record, the
   * instance and the catalog's wire mapping, which is the same for every sandbox.
   */
  entryJson(id: string): string {
    const found = this.entry(id);
    if (!found) throw new Error(`no entry ${id}`);
    const { record, instance } = found;
    if (!Object.isFrozen(record) || !Object.isFrozen(instance)) return JSON.stringify(entryView(this.host, record, instance));
    const known = seededEntryJsons.get(record);
    if (known?.instance === instance) return known.json;
    const json = JSON.stringify(entryView(this.host, record, instance));
    seededEntryJsons.set(record, { instance, json });
    return json;
  }

  /**
   * The entry as other organisations read it: its published version while it is in the catalog
   * (published, or with a change pending or returned); `undefined` for an entry never published
   * or withdrawn.
   */
  publishedEntryView(id: string) {
    const found = this.entry(id);
    const published = this.#index.get(id);
    return found && published ? publishedEntryView(this.host, found.record, found.instance, published) : undefined;
  }

  /** The opening attribute of the entry's published version (what the catalog shows), if published. */
  publishedOpening(id: string): CatalogEntry['opening'] | undefined {
    return this.#index.get(id)?.opening;
  }

  /**
   * The published opening type that bars reclassifying the entry — 厦门 第二十二条 reclassifies
   * only `not_open` data — or `undefined` when none does (not published, or published `not_open`).
   */
  reclassificationBar(id: string): Exclude<CatalogEntry['opening']['type'], 'not_open'> | undefined {
    const type = this.publishedOpening(id)?.type;
    return type === undefined || type === 'not_open' ? undefined : type;
  }

  /** The entry's reclassification not yet published (under review or returned for correction). */
  pendingReclassification(id: string): ReclassificationRecord | undefined {
    return this.entries.get(id)?.reclassifications.find((r) => r.status === 'pending');
  }

  obligationView(id: string) {
    const record = this.obligations.get(id);
    const instance = this.host.get(id);
    if (!record || !instance) throw new Error(`no obligation ${id}`);
    return obligationView(this.host, record, instance);
  }

  createEntry(provider: Organisation, content: EntryFields): string {
    const id = this.#sandbox.ids.next('ent');
    const today = this.#today();
    this.entries.set(id, {
      id,
      provider: { organizationId: provider.id, creditCode: provider.creditCode, name: provider.name },
      version: 1,
      publishedVersion: 0,
      content: structuredClone(content),
      publishedContent: null,
      resourceCode: null,
      reasons: [],
      publishedOn: null,
      modifiedOn: today,
      reclassifications: [],
      sharingTypeDisputes: [],
    });
    this.host.create(ENTRY_MACHINE, { id, actor: providerActor(provider) });
    return id;
  }

  /** Replaces content fields of a draft or returned entry (the caller checked the state). */
  updateEntry(id: string, patch: EntryFields): void {
    const record = this.#ownRecord(id);
    record.content = { ...record.content, ...structuredClone(patch) };
    record.modifiedOn = this.#today();
  }

  /** Sends an event to an entry or obligation; throws the problem of a refused transition. */
  dispatch(id: string, event: string, actor: ActorRef, payload?: Record<string, unknown>): WorkflowInstance {
    return this.host.dispatch(id, event, { actor, ...(payload ? { payload } : {}) });
  }

  /** Records a reported change and starts its obligations (one per named entry, else one). */
  reportFunctionChange(provider: Organisation, input: FunctionChangeInput): FunctionChangeRecord {
    const kind = OBLIGATION_OF_REPORT[input.kind];
    const machine = OBLIGATION_MACHINES[kind];
    this.host.check(machine, { actor: providerActor(provider), startedOn: input.effectiveOn });
    const entryIds = [...new Set(input.entryIds ?? [])];
    const change: FunctionChangeRecord = {
      id: this.#sandbox.ids.next('fch'),
      organizationId: provider.id,
      kind: input.kind,
      effectiveOn: input.effectiveOn,
      description: input.description,
      ...(input.successor ? { successor: { ...input.successor } } : {}),
      entryIds,
      createdAt: formatShanghaiInstant(this.#sandbox.now()),
      obligationIds: [],
    };
    this.functionChanges.set(change.id, change);
    for (const entryId of entryIds.length > 0 ? entryIds : [null]) {
      const id = this.#sandbox.ids.next('obl');
      change.obligationIds.push(id);
      this.obligations.set(id, { id, kind, organizationId: provider.id, entryId, functionChangeId: change.id, fulfilledAt: null });
      this.host.create(machine, { id, actor: providerActor(provider), startedOn: input.effectiveOn });
    }
    // A duty that started on a past day may already be overdue: flag it now, at its due instant.
    this.host.fireDue();
    return change;
  }

  snapshot(): WorkflowSnapshot {
    return {
      engine: this.host.snapshot(),
      entries: copyJson([...this.entries.values()]),
      obligations: copyJson([...this.obligations.values()]),
      functionChanges: copyJson([...this.functionChanges.values()]),
      codeSeq: this.#codeSeq,
    };
  }

  #today(): string {
    return formatShanghaiInstant(this.#sandbox.now()).slice(0, 10);
  }

  /** What an accepted event means for the record beside the instance (the host calls it before publishing). */
  applyEvent(instance: WorkflowInstance, event: WorkflowEvent): void {
    if (instance.machine === ENTRY_MACHINE) this.#applyEntryEvent(instance, event);
    else if (event.event === 'fulfil') (this.obligations.get(instance.id) as ObligationRecord).fulfilledAt = event.at;
  }

  #applyEntryEvent(instance: WorkflowInstance, event: WorkflowEvent): void {
    const record = this.#ownRecord(instance.id);
    if (event.event !== undefined && DISPUTE_EVENTS.has(event.event)) {
      applyDisputeEvent(record, event);
      return;
    }
    const day = event.at.slice(0, 10);
    switch (event.event) {
      case 'submit':
        record.reasons = [];
        record.returnedContent = null;
        record.modifiedOn = day;
        return;
      case 'propose_change':
        proposeVersion(record, (event.data?.changes ?? {}) as EntryFields, day);
        return;
      case 'reclassify':
        this.#reclassify(record, event.data?.reclassification as ReclassificationRequest, event);
        // Without a review (options.reclassificationReview: none) the machine stays `published`.
        if (instance.state === 'published') this.#publish(record, event);
        return;
      case 'publish':
        this.#publish(record, event);
        return;
      case 'return':
        record.reasons = toReasons(event.data?.reasons);
        // Kept, not copied: an edit replaces `content`, never changes it in place (`updateEntry`).
        record.returnedContent = record.content;
        return;
      case 'withdraw':
        record.reasons = toReasons(event.data?.reasons);
        record.publishedContent = null;
        record.modifiedOn = day;
        this.#index.remove(record.id);
        return;
    }
  }

  /** The proposed version opens the resource; the history keeps the legal basis it leaves behind. */
  #reclassify(record: EntryRecord, request: ReclassificationRequest, event: WorkflowEvent): void {
    const legalBasis = String((record.content.opening as { legalBasis?: unknown } | undefined)?.legalBasis ?? '');
    const to = { type: request.openingType, conditions: [...(request.conditions ?? [])] };
    proposeVersion(record, { opening: structuredClone(to) }, event.at.slice(0, 10));
    record.reclassifications.push({ version: record.version, status: 'pending', from: { type: 'not_open', legalBasis }, to, ground: structuredClone(request.ground), proposedAt: event.at, effectiveAt: null });
  }

  /** The version under review becomes the published one (a resource code on the first time). */
  #publish(record: EntryRecord, event: WorkflowEvent): void {
    const day = event.at.slice(0, 10);
    if (record.resourceCode === null) {
      record.resourceCode = typeof event.data?.resourceCode === 'string' ? event.data.resourceCode : this.#nextResourceCode(record);
      record.publishedOn = day;
    }
    record.publishedVersion = record.version;
    record.publishedContent = null;
    record.modifiedOn = day;
    settleReclassification(record, event.at);
    this.#index.upsert(toCatalogEntry(record, Date.parse(event.at)));
  }

  /** A submission, change proposal or reclassification fulfils the provider's pending duties on that entry (or on none). */
  fulfilObligations(entryId: string, event: WorkflowEvent): void {
    const owner = (this.entries.get(entryId) as EntryRecord).provider.organizationId;
    for (const duty of this.obligations.values()) {
      if (duty.organizationId !== owner || (duty.entryId !== null && duty.entryId !== entryId)) continue;
      if (this.host.get(duty.id)?.state !== 'pending') continue;
      this.host.dispatch(duty.id, 'fulfil', { actor: event.actor, payload: { entryId } });
    }
  }

  /** The entry's record, to change: a shared seed record is first replaced by a copy of this sandbox's own. */
  #ownRecord(id: string): EntryRecord {
    const record = this.entries.get(id) as EntryRecord;
    if (!Object.isFrozen(record)) return record;
    const own: EntryRecord = { ...record, reasons: [...record.reasons], reclassifications: [...record.reclassifications], sharingTypeDisputes: [...record.sharingTypeDisputes] };
    this.entries.set(id, own);
    return own;
  }

  #nextResourceCode(record: EntryRecord): string {
    const codes = classificationCodes(record.content, record.codes);
    const seq = String(this.#codeSeq++).padStart(6, '0');
    return `${String(record.content.region)}-${codes.categoryCode}${codes.itemCode}-${seq}`;
  }
}

/** A new version under review from the visible one with `changes` applied; the visible one stays published meanwhile. */
function proposeVersion(record: EntryRecord, changes: EntryFields, day: string): void {
  const visible = record.publishedContent ?? record.content;
  record.publishedContent = structuredClone(visible);
  record.content = { ...structuredClone(visible), ...structuredClone(changes) };
  record.version = record.publishedVersion + 1;
  record.reasons = [];
  record.modifiedOn = day;
}

/**
 * A pending reclassification takes effect with the published version, as corrected after a
 * return (its target follows the published opening); if the correction kept `not_open`, it never
 * took effect and is `abandoned`.
 */
function settleReclassification(record: EntryRecord, at: string): void {
  const pending = record.reclassifications.find((r) => r.status === 'pending');
  if (!pending) return;
  const opening = record.content.opening as { type: string; conditions?: string[] };
  if (opening.type === 'not_open') {
    pending.status = 'abandoned';
    return;
  }
  pending.status = 'effective';
  pending.version = record.version;
  pending.to = { type: opening.type as ReclassificationRecord['to']['type'], conditions: [...(opening.conditions ?? [])] };
  pending.effectiveAt = at;
}

function providerActor(org: Organisation): ActorRef {
  return { role: 'data_provider', organizationId: org.id };
}

/** What a seeded entry starts a sandbox with: its record and its published instance. */
interface SeededEntry {
  record: EntryRecord;
  instance: WorkflowInstance;
}

/** The seeded parts of frozen (seed) entries, made once and frozen: the sandboxes of a seed share them. */
const frozenSeeded = new WeakMap<CatalogEntry, SeededEntry>();

/** `CatalogWorkflow.entryJson` of frozen records, with the (frozen) instance it was rendered with. */
const seededEntryJsons = new WeakMap<EntryRecord, { instance: WorkflowInstance; json: string }>();

/** What a list of seeded entries starts a sandbox with: their records and published instances, by id. */
interface SeededEntries {
  records: ReadonlyMap<string, EntryRecord>;
  instances: ReadonlyMap<string, WorkflowInstance>;
}

/** The seeded parts of frozen lists of seed entries (`publishedOf`), made once: the sandboxes of a seed share the maps. */
const frozenSeededLists = new WeakMap<readonly CatalogEntry[], SeededEntries>();

/** The records and instances of a list of seeded entries, by id; shared by every caller when the list is frozen. */
function seededEntries(entries: readonly CatalogEntry[]): SeededEntries {
  const known = frozenSeededLists.get(entries);
  if (known !== undefined) return known;
  const records = new Map<string, EntryRecord>();
  const instances = new Map<string, WorkflowInstance>();
  for (const entry of entries) {
    const { record, instance } = seededEntry(entry);
    records.set(entry.id, record);
    instances.set(entry.id, instance);
  }
  const seeded = { records, instances };
  // Shared only when every record is (frozen): a sandbox changes a record of its own in place.
  if (Object.isFrozen(entries) && entries.every((entry) => Object.isFrozen(entry))) frozenSeededLists.set(entries, seeded);
  return seeded;
}

/**
 * A seeded entry's record, published as the seed drew it, and its instance: published, with one
 * event that says so (no invented history).
 */
function seededEntry(entry: CatalogEntry): SeededEntry {
  const known = frozenSeeded.get(entry);
  if (known !== undefined) return known;
  const seal = sealFor(entry);
  const record: EntryRecord = seal({
    id: entry.id,
    provider: Object.isFrozen(entry.provider) ? entry.provider : { ...entry.provider },
    version: entry.version,
    publishedVersion: entry.version,
    content: seedContent(entry),
    publishedContent: null,
    resourceCode: entry.resourceCode,
    reasons: seal([]),
    publishedOn: entry.publishedOn,
    modifiedOn: entry.modifiedAt.slice(0, 10),
    codes: seal({ categoryCode: entry.classification.categoryCode, itemCode: entry.classification.itemCode }),
    reclassifications: seal([]),
    sharingTypeDisputes: seal([]),
  });
  const created: WorkflowEvent = seal({ seq: 1, type: 'state_changed', at: entry.modifiedAt, actor: seal({ role: 'data_authority' }), from: null, to: 'published', reason: null, deadline: null });
  const instance: WorkflowInstance = seal({ id: entry.id, machine: ENTRY_MACHINE, state: 'published', createdAt: entry.modifiedAt, updatedAt: entry.modifiedAt, deadline: null, events: seal([created]), data: seal({}), timer: null });
  const seeded = { record, instance };
  if (Object.isFrozen(entry)) frozenSeeded.set(entry, seeded);
  return seeded;
}
