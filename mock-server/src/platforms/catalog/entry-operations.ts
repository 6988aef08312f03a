import type { OperationContext, OperationHandler, Organisation } from '../../app/platform-module.js';
import { PROBLEM_CODES } from '@gdx/protocol';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import type { CatalogState } from './catalog-state.js';
import { refuseInvalidContent } from './content-checks.js';
import { refuseUnchangedResubmission } from './returned-unchanged.js';
import type { EntryFields, ReclassificationRequest } from './workflow/records.js';
import { illegalTransition, listEvents, pageJson, requireRole } from '../workflow-host/index.js';
import { CATALOG_ENTRY } from './object-kinds.js';

type Ctx = OperationContext<CatalogState>;

const EDITABLE = new Set(['draft', 'returned']);

function caller(ctx: Ctx): Organisation {
  if (!ctx.caller) throw new PlatformProblem('SIGNATURE_MISSING');
  return ctx.caller;
}

/** The caller's own entry; another organisation's entry is not found (never 403). */
function ownEntry(ctx: Ctx) {
  const id = ctx.params.entryId ?? '';
  const found = ctx.state.workflow.entry(id);
  if (!found || found.record.provider.organizationId !== caller(ctx).id) throw new PlatformProblem('NOT_FOUND', unknownId('/path/entryId', CATALOG_ENTRY, id));
  return found;
}

const actor = (ctx: Ctx) => ({ role: 'data_provider', organizationId: caller(ctx).id });
const body = (ctx: Ctx) => (ctx.body ?? {}) as Record<string, unknown>;
const note = (ctx: Ctx) => (typeof body(ctx).note === 'string' ? { note: body(ctx).note } : {});

/**
 * What the schema lets through but the catalog cannot keep (`refuseInvalidContent`: blank names,
 * repeated data-item names, attributes contradicting their type), live only: an entry an older
 * version acknowledged is rebuilt from its journal as it was answered, whatever it says.
 */
function checkContent(ctx: Ctx, fields: EntryFields, pointer: string, onto?: EntryFields): void {
  if (!ctx.replaying) refuseInvalidContent(fields, pointer, ctx.state.workflow.host.procedures.profile.labels, onto ? { ...onto, ...fields } : fields);
}

function entryAfter(ctx: Ctx, event: string, payload: Record<string, unknown>) {
  const { record } = ownEntry(ctx);
  ctx.state.workflow.dispatch(record.id, event, actor(ctx), payload);
  return { status: 200, body: ctx.state.workflow.entryView(record.id) };
}

/**
 * Refuses content that opens an entry whose published version is `not_open`, unless a pending
 * reclassification (returned for correction) states the ground: 厦门 第二十二条 opens such data
 * only after processing or with the right holder's consent, so an ordinary change or edit may not.
 */
function refuseOpeningWithoutGround(ctx: Ctx, entryId: string, opening: unknown, pointer: string): void {
  const { workflow } = ctx.state;
  const published = workflow.publishedOpening(entryId);
  const type = (opening as { type?: unknown } | undefined)?.type;
  if (published?.type !== 'not_open' || type === undefined || type === 'not_open' || workflow.pendingReclassification(entryId)) return;
  const zh = '不予开放的资源须通过重新分类（POST /entries/{entryId}/reclassification）说明脱敏处理或权利人明示同意后方可开放';
  const en = 'A not_open resource opens only through a reclassification (POST /entries/{entryId}/reclassification) stating desensitisation or the right holder\'s consent';
  throw new PlatformProblem('RECLASSIFICATION_REQUIRED', {
    detail: en,
    errors: [{ pointer, code: 'RECLASSIFICATION_REQUIRED', message: { zh, en } }],
    extensions: { legalBasis: published.legalBasis ?? '' },
  });
}

/** Only a resource published as `not_open` is reclassified; others answer 409 `NOT_RECLASSIFIABLE` (other states: the machine's 409). */
function refuseUnlessNotOpen(ctx: Ctx, entryId: string): void {
  const type = ctx.state.workflow.reclassificationBar(entryId);
  if (type === undefined) return;
  // The catalogue's message in the profile's words (普遍开放 / 依申请开放 in Xiamen, 无条件开放 / 有条件开放 nationally).
  const labels = ctx.state.workflow.host.procedures.profile.labels.openingType;
  throw new PlatformProblem('NOT_RECLASSIFIABLE', {
    detail: `The published opening type is ${type}; only a not_open resource is reclassified. 该资源已发布的开放类型为${labels[type]}，不是${labels.not_open}。`,
    message: { zh: `只有${labels.not_open}的资源可以重新分类为${labels.open}或${labels.on_application}`, en: PROBLEM_CODES.NOT_RECLASSIFIABLE.message.en },
    extensions: { openingType: type },
  });
}

/** The ground goes to the event as its written reason, so the timeline and feed say why the resource opened. */
function reclassifyEntry(ctx: Ctx) {
  const { record } = ownEntry(ctx);
  refuseUnlessNotOpen(ctx, record.id);
  const request = ctx.body as ReclassificationRequest;
  const reason = { code: request.ground.kind, text: request.ground.description };
  return entryAfter(ctx, 'reclassify', { reasons: [reason], reclassification: request, ...note(ctx) });
}

/** The machine event of each answer to a sharing-type dispute (厦门 第十五条). */
const DISPUTE_ANSWER_EVENTS = { agree: 'agree_sharing_type', keep: 'keep_sharing_type' } as const;

/** The provider agrees to the authority's proposed label or keeps its own (with reasons, which the contract requires). */
function answerSharingTypeDispute(ctx: Ctx) {
  const request = ctx.body as { answer: keyof typeof DISPUTE_ANSWER_EVENTS; reasons?: unknown[] };
  return entryAfter(ctx, DISPUTE_ANSWER_EVENTS[request.answer], { ...(request.reasons ? { reasons: request.reasons } : {}), ...note(ctx) });
}

/**
 * The provider's entry operations: create a draft, list and read own entries and their events,
 * edit a draft or returned entry, submit it, propose a change to a published one, reclassify a
 * published `not_open` one (with its ground), answer the data authority's sharing-type dispute,
 * withdraw it.
 * Any organisation reads the published version of an entry in the catalog; everything else of
 * another provider's entry answers 404.
 *
 * @example
 * ```ts
 * const ops = entryOperations();
 * ops.createEntry(ctx).status; // 201
 * ```
 */
export function entryOperations(): Record<string, OperationHandler<CatalogState>> {
  return {
    createEntry: (ctx) => {
      // Later writes need the caller's own entry (ownEntry), so only creation checks the role.
      const provider = requireRole(ctx, 'data_provider');
      checkContent(ctx, ctx.body as EntryFields, '');
      const id = ctx.state.workflow.createEntry(provider, ctx.body as EntryFields);
      return { status: 201, location: `/entries/${id}`, body: ctx.state.workflow.entryView(id) };
    },
    listEntries: (ctx) => {
      const owner = caller(ctx).id;
      const wanted = typeof ctx.query.state === 'string' ? ctx.query.state : undefined;
      const { workflow } = ctx.state;
      return { status: 200, json: pageJson(workflow.host.listPage(ctx, 'entry', owner, wanted, (id) => workflow.entryJson(id))) };
    },
    getEntry: (ctx) => {
      const id = ctx.params.entryId ?? '';
      // Published entries are public (厦门 第十七条: requests state which listed condition they meet).
      const body = ctx.state.workflow.entries.get(id)?.provider.organizationId === caller(ctx).id ? ctx.state.workflow.entryView(id) : ctx.state.workflow.publishedEntryView(id);
      if (!body) throw new PlatformProblem('NOT_FOUND', unknownId('/path/entryId', CATALOG_ENTRY, id));
      return { status: 200, body };
    },
    listEntryEvents: (ctx) => ({ status: 200, body: listEvents(ctx, ctx.state.workflow.host, ownEntry(ctx).instance) }),
    updateEntry: (ctx) => {
      const { record, instance } = ownEntry(ctx);
      if (!EDITABLE.has(instance.state)) throw illegalTransition(instance.state, 'update', ctx.state.workflow.host.allowed(record.id, 'data_provider'));
      refuseOpeningWithoutGround(ctx, record.id, (ctx.body as EntryFields).opening, '/opening/type');
      checkContent(ctx, ctx.body as EntryFields, '', record.content);
      ctx.state.workflow.updateEntry(record.id, ctx.body as EntryFields);
      return { status: 200, body: ctx.state.workflow.entryView(record.id) };
    },
    submitEntry: (ctx) => {
      const { record, instance } = ownEntry(ctx);
      // Live only: an unchanged resubmission an older version acknowledged replays as answered.
      if (!ctx.replaying) refuseUnchangedResubmission(record, instance.state);
      return entryAfter(ctx, 'submit', note(ctx));
    },
    proposeEntryChange: (ctx) => {
      const { record } = ownEntry(ctx);
      refuseOpeningWithoutGround(ctx, record.id, (body(ctx).changes as EntryFields).opening, '/changes/opening/type');
      // A change applies to the visible version (the published one while a change is returned).
      checkContent(ctx, body(ctx).changes as EntryFields, '/changes', record.publishedContent ?? record.content);
      return entryAfter(ctx, 'propose_change', { changes: body(ctx).changes, ...note(ctx) });
    },
    reclassifyEntry,
    answerSharingTypeDispute,
    withdrawEntry: (ctx) => entryAfter(ctx, 'withdraw', { reasons: [body(ctx).reason] }),
  };
}
