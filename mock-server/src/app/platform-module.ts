/**
 * The contract between the mock's core and a platform (registration, sharing, open-data,
 * catalog). A platform is a plain value: its OpenAPI document, one handler per operationId, and a
 * few hooks. The core does everything that is the same for every platform — routing, signature
 * check, tenancy lookup of the caller, request validation against the document, idempotency,
 * faults, journaling, snapshots — so a handler only sees validated input and answers a result.
 *
 * Rules for module authors (they keep replay from the journal deterministic):
 * - Handlers and hooks are synchronous and keep all their state in the value made by
 *   `createState`; they read time only from `sandbox.now()`, ids from `sandbox.ids`, chance
 *   from `sandbox.random` (all seeded per sandbox).
 * - Check input first, change state last: an answer with status >= 400 must leave state as it was.
 * - Another organisation's object answers `ctx.problem('NOT_FOUND')` as a missing one does, never
 *   403 (the built-in platforms add a field error at the path parameter: `app/unknown-id.ts`).
 * - Every state change calls `sandbox.emit(...)` (event feed + webhooks) with a fresh event: the
 *   feed keeps it without copying, so it must share nothing the platform changes later. The
 *   object comes as a thunk, built only when a webhook receives the event.
 */
import type { WorkingCalendar } from '@gdx/calendar';
import type { ProblemCode } from '@gdx/protocol';
import type { FiredLog } from '../sandbox/fired-log.js';
import type { CatalogEntry } from '../sandbox/seed/types.js';
import type { ProductFiling, SharingConsent } from './platform-facts.js';
import type { ProblemResultOptions } from './problem-response.js';
import type { PlatformObjects } from './workflow-objects.js';

/** URL segment of a platform under `/{platform}/v1`. */
export type PlatformName = 'registration' | 'sharing' | 'open-data' | 'catalog' | 'authorized-operation';

/** The minimal shape of an OpenAPI 3.1 document that the core reads (paths, operations, components). */
export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
  [extension: string]: unknown;
}

/** An organisation of a sandbox with its signing credentials. */
export interface Organisation {
  id: string;
  name: string;
  /** 统一社会信用代码 (GB 32100), with a valid check character. */
  creditCode: string;
  /** 6-digit 行政区划代码. */
  regionCode: string;
  /** Roles such as `provider`, `user`, `registrant`, `authority`. */
  roles: readonly string[];
  appKey: string;
  appSecret: string;
}

/**
 * How simulated officials decide (the simulation API's `ReviewerPolicy`): `auto` decides within the
 * limit with seeded outcomes, `manual` waits for `/actions`, `late` decides after the limit.
 */
export type ReviewerPolicy =
  | { mode: 'auto'; approvalRate?: number; decideOn?: 'first_day' | 'last_day' | 'random' }
  | { mode: 'manual' }
  | { mode: 'late'; overdueByWorkingDays?: number; approvalRate?: number };

/** A jurisdiction profile: a name known to `@gdx/procedures` or an inline profile document. */
export type ProfileRef = string | Readonly<Record<string, unknown>>;

/** Seeded id source: `next('rga')` → `rga_01J…` (time-ordered within a sandbox). */
export interface IdGenerator {
  next(prefix: string): string;
}

/** Seeded randomness of a sandbox. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

/**
 * A state change to publish on the sandbox's event feed and to webhooks: the object's own
 * workflow event (`{ seq, type, at, actor, from, to, reason, deadline }` as in its `events[]`)
 * plus a thunk building the object as its owner reads it (for webhook deliveries). `emit` keeps
 * the values it is given (`event`, the organisations of `alsoNotify` as they are then), never this
 * object itself, so a caller may fill one in again for its next event (the workflow host does).
 *
 * @example
 * ```ts
 * sandbox.emit({ platform: 'sharing', objectType: 'grant', objectId: grant.id, organizationId: grant.owner, event, object: () => grantView(host, grant) });
 * ```
 */
export interface SandboxEventInput {
  platform: PlatformName;
  /** e.g. `application`, `entry` (the simulation API's `ObjectType`). */
  objectType: string;
  objectId: string;
  /** The organisation owning the object (its webhooks receive the event), or `null`. */
  organizationId: string | null;
  /** Further organisations whose webhooks receive the event (e.g. the provider of a request). */
  alsoNotify?: readonly string[];
  /**
   * The workflow event; `type` is e.g. `state_changed`, `deadline_overdue`. Like `object`, it is
   * handed over: the feed keeps it as it is (no copy) and shows it to every reader.
   */
  event: { type: string } & Readonly<Record<string, unknown>>;
  /**
   * Builds the object as its owner reads it at this event. It is called at most once, during
   * `emit`, and only when a webhook receives the event: the feed does not keep objects (the
   * contract's `FeedEvent` has none), so a clock advance firing thousands of events builds no
   * views nobody reads.
   */
  object: () => unknown;
  /**
   * How the contract shows `event`, when `event` is not in its form but as its source keeps it
   * (a workflow host's kernel event, which the object's own log holds already): the feed then keeps
   * `event` and a reference, not a second copy, and makes the wire form when the entry is first
   * read. Absent: `event` is in the contract's form.
   */
  wire?: EventWire;
}

/**
 * Makes the contract's form of an event a source keeps in its own (`SandboxEventInput.wire`).
 * The feed is written by every event of a clock advance and read far less often, so it renders
 * an event when it is first read (a page, a timeline, a webhook delivery, a snapshot).
 *
 * @example
 * ```ts
 * const wire: EventWire = { type: (e) => String(e.type), render: (e) => wireEvent(e as WorkflowEvent, mapping) };
 * ```
 */
export interface EventWire {
  /** The contract's `type` of the event (the feed's entry and the webhooks' filter read it at once). */
  type(source: Readonly<Record<string, unknown>>): string;
  /**
   * The contract's form of the event: a fresh object, the same JSON whenever it is asked (it
   * reads only `source`, which its keeper never changes).
   */
  render(source: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>;
}

/**
 * Revisions of what an acknowledged command does beyond its answer, numbered from 1 (a command
 * journaled before any is 0). A journaled command records the revision it ran under
 * (`CommandEntry.rev`) and its replay runs under that one (`SandboxContext.revision`), so a
 * restart rebuilds the same feed recipients and delivery log (delivery ids are positions in it):
 *
 * 1. The registrants a joint registration application or registration names besides its filer
 *    are told of its events (webhooks, `/events?organizationId=`), 第七条. Revision 1 also marks
 *    two authorized-operation effects that came in after 0.1.0 but before revisions were
 *    recorded (every entry that carries a revision ran with them, and 0.1.0's entries carry
 *    none): a listed product is withdrawn when its authorization expires or terminates
 *    (`listedProductsEndWithAuthorization`), and a held review's limit stops while its approval
 *    is held (`heldReviewClockStops`).
 * 2. A delivery answered 410 Gone disables its webhook (a journaled delivery outcome records the
 *    revision too): no delivery is made for it after that.
 * 3. An authorization's reporting duties are tracked: a signed one carries the implementing body's
 *    disclosure duty (27号 第十八条), a ceiling set on it the grantor's written report (65号 二);
 *    the clock flags a period that runs out unmet (`disclosure_overdue`,
 *    `ceiling_report_overdue`). A signing or a ceiling journaled before replays without its duty.
 * 4. A reporting duty's running period that reaches a year without a published holiday schedule
 *    is shown as an estimate (Monday–Friday there) and its end is planned for the clock once the
 *    year is loaded (`PUT …/calendar/{year}`), as it is at once when the calendar has the year
 *    (a yearly repeat too, when an earlier period of the log is the estimate). Before, such a
 *    period was never planned: a command journaled before replays without the plan.
 * 5. Simulated officials write the reasons and answers of their step (`@gdx/procedures`'
 *    `reasonTexts: 'step'`): a sharing review refuses on the resource's conditions, an open-data
 *    initial review returns on form and completeness, a demand gets a demand's answer, a catalog
 *    review returns an entry on its metadata, each authorized-operation review refuses on what it
 *    judges. Before, every
 *    step drew from the registration's list; a command journaled before replays with the reasons
 *    and answers its officials planned then (`reasonTexts: 'shared'`), on the same days.
 * 6. A missed annual report (65号 五; 101号 第十六条: by 03-31 on the year before) is recorded: an
 *    authorization signed since carries the duty, and the clock records `annual_report_overdue`
 *    on it when a year's due day passes without the report while it runs. A signing journaled
 *    before replays without the duty.
 * 7. A negotiation (谈判) runs no bid period: 招标投标法 第二十四条's 20 days bind tenders only, so a
 *    negotiation's `selecting` has no deadline and the clock closes nothing (`negotiation_started`
 *    drops it). A negotiation started before replays with the tender's period and its close.
 * 8. The annual report duty survives the authorization's end: a report due after it expired or
 *    terminated (on a year it ran) is recorded as missed too, by the platform's own clock on the
 *    authorization's feed (`annual_report_overdue` outside its ended log). An authorization ended
 *    by a command journaled before replays without it.
 * 9. A negotiation is created without the tender's period (`negotiationOpensWithoutPeriod`), so
 *    no event of it shows a tender deadline: under 7 and 8 its first event (fed and delivered)
 *    carried the tender's period and the clock's `negotiation_started` dropped it in a second
 *    one. A negotiation started before replays with both, so the feed keeps their ids.
 * 10. The operator's periodic disclosure of its product list and its use of public data (27号
 *     第十九条; choice half-yearly) is tracked: an authorization signed since carries the duty, and
 *     the clock flags a period that runs out undisclosed (`operator_disclosure_overdue`). A signing
 *     journaled before replays without the duty.
 * 11. Xiamen's 一级开发主体 reports 公共数据授权运营情况 to the city data authority (厦门办法 第二十四条;
 *     choice quarterly) where the profile's `statusReport` is on: an authorization signed since
 *     carries the duty, and the clock flags a period that runs out unreported
 *     (`status_report_overdue`). A signing journaled before replays without the duty.
 */
export const REVISIONS = {
  jointRegistrantsNotified: 1,
  listedProductsEndWithAuthorization: 1,
  heldReviewClockStops: 1,
  webhookDisabledOnGone: 2,
  reportingDuties: 3,
  dutyEstimates: 4,
  stepReasons: 5,
  annualReportOverdue: 6,
  negotiationRunsNoPeriod: 7,
  annualReportOverdueAfterEnd: 8,
  negotiationOpensWithoutPeriod: 9,
  operatorDisclosure: 10,
  statusReport: 11,
} as const;

/** The revision commands run under now: the newest of `REVISIONS` (derived, so adding one cannot leave it behind). */
export const CURRENT_REVISION: number = Math.max(...Object.values(REVISIONS));

/** What a platform sees of its sandbox. */
export interface SandboxContext {
  readonly id: string;
  /** The sandbox's seed (same seed, same organisations, seed data and outcomes). */
  readonly seed: number;
  /** Where its clock started (epoch ms): its seed data is as of that day at the latest. */
  readonly startAt?: number;
  readonly profile: ProfileRef;
  readonly reviewerPolicy: ReviewerPolicy;
  /** The sandbox clock, epoch milliseconds (virtual or real time). */
  now(): number;
  /** The sandbox's own working calendar (`PUT /_sim/v1/sandboxes/{id}/calendar/{year}` changes only it). */
  readonly calendar: WorkingCalendar;
  readonly ids: IdGenerator;
  readonly random: Random;
  organisations(): readonly Organisation[];
  organisation(id: string): Organisation | undefined;
  emit(event: SandboxEventInput): void;
  /**
   * The revision (`REVISIONS`) of the command being run: `CURRENT_REVISION` live, the one it was
   * journaled under while it is replayed. A platform whose events reach other organisations
   * since a revision asks it before telling them.
   */
  revision(): number;
  /**
   * The published catalog resource of an id, from the mounted platform that keeps the catalog
   * (`PlatformModule.publishedEntry`: the catalog module); absent when none is mounted. Platforms
   * that serve the catalog's resources (sharing) ask it, so they agree on what is published.
   */
  readonly publishedEntry?: (id: string) => CatalogEntry | undefined;
  /**
   * Every published catalog resource, from the same platform as `publishedEntry`; absent when none
   * is mounted. The open-data platform lists its datasets from it, so a resource the catalog opens
   * (a new entry, a reclassified `not_open` one) is a dataset as soon as it is published.
   */
  readonly publishedEntries?: () => readonly CatalogEntry[];
  /**
   * The registration platform's earliest live filing of a product by a registrant
   * (`PlatformModule.productFiling`); absent when no platform keeps registrations.
   */
  readonly productFiling?: (query: { registrantCreditCode: string; productName: string }) => ProductFiling | undefined;
  /** The sharing platform's grant of an id, read as a provider's consent (`PlatformModule.sharingConsent`); absent without sharing. */
  readonly sharingConsent?: (grantId: string) => SharingConsent | undefined;
}

/** A handler's answer. `body` is serialised as JSON (`application/json`). */
export interface OperationResult {
  status: number;
  body?: unknown;
  /**
   * The body already serialised as JSON, sent instead of `body`: for answers assembled from
   * parts the handler keeps rendered (the catalog search's entry summaries). Another text with
   * its own `content-type` in `headers` (an open-data file as CSV) is sent the same way.
   */
  json?: string;
  /**
   * The body as bytes, sent as they are under the handler's `content-type` in `headers`: a file,
   * or a byte range of one (a 206), which may cut a character in two and so is no text. Only a
   * read may answer bytes: the answer an `Idempotency-Key` keeps is text.
   */
  bytes?: Uint8Array;
  headers?: Readonly<Record<string, string>>;
  /**
   * Where the resource a `201` created is read, as the contract's paths write it below the API
   * root (`/applications/rga_…`): the core sends it as `Location`, an absolute path from the server
   * root (`/sandboxes/sbx_1/registration/v1/applications/rga_…`; see `createdLocation`).
   */
  location?: string;
}

/** Everything a handler needs; input is already validated against the OpenAPI document. */
export interface OperationContext<S> {
  readonly sandbox: SandboxContext;
  readonly state: S;
  /** The signing organisation; `undefined` on public operations (`security: []`). */
  readonly caller: Organisation | undefined;
  /** The platform module's `name`; set by the core (optional for contexts a test builds by hand). */
  readonly platform?: string;
  readonly operationId: string;
  /**
   * The request's method: `GET`, or `HEAD` for a `GET` operation asked without its body. Absent in
   * contexts a test builds by hand.
   */
  readonly method?: string;
  /**
   * The request's headers, names in lower case: for what an operation reads beyond its parameters
   * (a file's `Range`, `If-None-Match`). Absent in contexts a test builds by hand.
   */
  readonly headers?: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters, coerced to their schema types (`limit` is a number). */
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed JSON body, or `undefined`. */
  readonly body: unknown;
  readonly requestId: string;
  /**
   * `true` while a journal entry is replayed at start: the request was acknowledged then, so an
   * input check added since must not refuse it (it would drop what its answer promised and shift
   * every id drawn after it). Absent: live.
   */
  readonly replaying?: boolean;
  /**
   * The absolute URL of the API root the request was sent below, for links in answers: the
   * origin the transport saw (else `Host`, `X-Forwarded-Proto`), an MSW mount prefix, a
   * non-default sandbox's `/sandboxes/{id}`, then `/{platform}/v1` —
   * `http://127.0.0.1:4010/sandboxes/sbx_1/open-data/v1`. Worked out when read. Absent in
   * contexts a test builds by hand.
   */
  readonly apiBase?: string;
  /**
   * The token of the request's `Authorization: Bearer <token>` header, for an operation whose
   * contract takes a key of the platform's own (an open-data grant's `odk_` app key); `undefined`
   * without one. Worked out when read. Absent in contexts a test builds by hand.
   */
  readonly bearerToken?: string;
  /**
   * A problem+json answer with a code of `@gdx/protocol`'s catalogue; the status comes from the code.
   * Handlers may also `throw new PlatformProblem(code, options)` from deep helpers.
   */
  problem(code: ProblemCode, options?: ProblemResultOptions): OperationResult;
}

/** One operation of the platform's OpenAPI document. */
export type OperationHandler<S> = (ctx: OperationContext<S>) => OperationResult;

/**
 * A simulation command for one platform: the body of `POST /_sim/v1/sandboxes/{id}/actions` (an
 * `OfficialAction`, routed by its `platform`) or of `.../objections` (a `ThirdPartyObjection`:
 * `kind: notice` goes to registration, `kind: data` to its `platform`). The body is validated
 * against the simulation document when it is loaded; the rest of the checks are the platform's.
 */
export interface SimCommandContext<S> {
  readonly sandbox: SandboxContext;
  readonly state: S;
  readonly platform: PlatformName;
  readonly body: Readonly<Record<string, unknown>>;
  readonly requestId: string;
  /**
   * `true` while a journal entry is replayed at start: the command was acknowledged then, so a
   * check added since must not refuse it (see `SimRouteContext.replaying`). Absent: live.
   */
  readonly replaying?: boolean;
  problem(code: ProblemCode, options?: ProblemResultOptions): OperationResult;
}

/** A transition fired by the clock, as answered by `clock/advance` (`FiredTransition`). */
export interface FiredTransition {
  /** RFC 3339 instant (+08:00) at which the timer fired. */
  at: string;
  platform: PlatformName;
  objectType: string;
  objectId: string;
  /** Event type, e.g. `state_changed`, `deadline_overdue`. */
  type: string;
  from: string | null;
  to: string | null;
}

/** The clock hooks of a platform, called by the sandbox in global due-time order. */
export interface PlatformClockHooks<S> {
  /** The earliest pending timer (epoch ms), or `undefined` when none is pending. */
  nextDueAt(state: S): number | undefined;
  /**
   * Fires every timer due at or before `sandbox.now()` and reports the transitions: into `fired`
   * (`FiredLog.lists` says whether to build a transition's record at all), or, as before, in the
   * answer (the sandbox adds them to `fired` then).
   */
  fireDue(sandbox: SandboxContext, state: S, fired: FiredLog): readonly FiredTransition[] | void;
  /**
   * The sandbox's calendar gained or replaced `year`: decisions the calendar blocked before
   * (`action_blocked`) may be taken now, so the reviewer policy plans them again.
   */
  calendarChanged?(sandbox: SandboxContext, state: S, year: number): void;
}

/**
 * A platform of the mock.
 *
 * @example
 * ```ts
 * import type { PlatformModule } from '@gdx/mock-server';
 *
 * interface State { notes: Map<string, { id: string; owner: string; text: string }> }
 *
 * export const notesPlatform: PlatformModule<State> = {
 *   name: 'catalog',
 *   spec: notesSpec, // an OpenAPI 3.1 document with operationIds createNote / getNote
 *   createState: () => ({ notes: new Map() }),
 *   operations: {
 *     createNote: ({ sandbox, state, caller, body }) => {
 *       const note = { id: sandbox.ids.next('note'), owner: caller!.id, text: (body as { text: string }).text };
 *       state.notes.set(note.id, note);
 *       return { status: 201, body: note };
 *     },
 *     getNote: ({ state, caller, params, problem }) => {
 *       const note = state.notes.get(params.noteId ?? '');
 *       return note && note.owner === caller?.id ? { status: 200, body: note } : problem('NOT_FOUND');
 *     },
 *   },
 *   exportState: (s) => [...s.notes.values()],
 *   importState: (data) => ({ notes: new Map((data as { id: string; owner: string; text: string }[]).map((n) => [n.id, n])) }),
 * };
 * ```
 */
export interface PlatformModule<S = unknown> {
  readonly name: PlatformName;
  /**
   * The platform's OpenAPI document (e.g. `loadBundledSpec('catalog')`). The core mounts every
   * operation of it that has a handler, validates path, query and JSON body with it, and treats
   * an operation with `security: []` as public (no signature).
   */
  readonly spec: OpenApiDocument;
  /** Handlers by operationId. Operations of the document without a handler are not mounted. */
  readonly operations: Readonly<Record<string, OperationHandler<S>>>;
  /**
   * Event `type`s it emits beyond those of the built-in platforms (`WEBHOOK_EVENT_TYPES`): a
   * webhook may subscribe to them too (a type nobody emits is refused).
   */
  readonly eventTypes?: readonly string[];
  /** Fresh, empty state for a new or reset sandbox. */
  createState(sandbox: SandboxContext): S;
  /** Fills a fresh sandbox with seed data (called after `createState`, on create and reset). */
  seed?(sandbox: SandboxContext, state: S): void;
  /** Officials' actions of `POST /_sim/v1/sandboxes/{id}/actions` for this platform. */
  act?(ctx: SimCommandContext<S>): OperationResult;
  /** Third-party objections of `POST /_sim/v1/sandboxes/{id}/objections` for this platform. */
  object?(ctx: SimCommandContext<S>): OperationResult;
  /** Timers (deadlines, notice periods, the reviewer policy's decisions). */
  readonly clock?: PlatformClockHooks<S>;
  /** For the platform that keeps the catalog: its published resource of an id (`SandboxContext.publishedEntry`). */
  publishedEntry?(state: S, id: string): CatalogEntry | undefined;
  /** For the platform that keeps the catalog: every published resource (`SandboxContext.publishedEntries`). */
  publishedEntries?(state: S): readonly CatalogEntry[];
  /** For the platform that keeps registrations: a product's filing (`SandboxContext.productFiling`). */
  productFiling?(state: S, query: { registrantCreditCode: string; productName: string }): ProductFiling | undefined;
  /** For the platform that keeps sharing grants: a grant as consent (`SandboxContext.sharingConsent`). */
  sharingConsent?(state: S, grantId: string): SharingConsent | undefined;
  /** Its workflow objects, for the simulation API's objects and timelines (absent: none listed). */
  readonly objects?: PlatformObjects<S>;
  /**
   * JSON-serialisable state of this instant (for snapshots): no later write may reach it, so it
   * shares with the state only objects that are never changed (an engine's instances, say).
   */
  exportState(state: S): unknown;
  /**
   * Rebuilds state from `exportState`'s output. The state may keep `data`'s objects as they are:
   * the sandbox hands over data parsed for it alone (`Sandbox.restore`).
   */
  importState(data: unknown, sandbox: SandboxContext): S;
  /** How many objects the state holds, for the sandbox's object quota (absent: none counted). Must be cheap: it is read before each creating write. */
  objectCount?(state: S): number;
}
