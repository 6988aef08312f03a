import { HEADERS, requestId as newRequestId, verifySignature, type FieldError, type ProblemCode } from '@gdx/protocol';
import type { CommandEntry, CommandLog, SignedBy } from '../persistence/journal-entry.js';
import { PROBE_INTERVAL_MS } from '../persistence/journal.js';
import { DataDirDamagedError, StorageUnavailableError } from '../persistence/store.js';
import { DEFAULT_SANDBOX_ID, type SandboxRegistry } from '../sandbox/registry.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { FaultDecision } from '../sandbox/faults.js';
import type { QuotaGuard } from '../sandbox/quotas.js';
import { SETTLED, type Execution, type IdempotencyOutcome, type StoredAnswer } from '../sandbox/idempotency-store.js';
import type { DispatchMeta, DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { executeOperation, isProblemResult, type ProblemResult } from './execute-operation.js';
import type { JsonParts } from './json-parts.js';
import { CURRENT_REVISION, type Organisation, type OperationResult, type PlatformModule } from './platform-module.js';
import { problemResponse, type ProblemResultOptions } from './problem-response.js';
import { signatureHelpProblem } from './signature-help.js';
import { unreadableQuery } from './query-string.js';
import { bodyNotTaken, parseQuery, readJsonBody, unsupportedCoding, type BodyOutcome, type ReadOptions } from './request-body.js';
import { transportOrigin } from './request-origin.js';
import type { CoreRoute } from './route-table.js';
import type { Router } from './router.js';
import { routeNotFound, sandboxIdOfPath } from './route-suggestions.js';
import { blankMeta, withMeta } from './dispatch-meta.js';
import type { ServiceMemory, ServiceStatus } from './sim/service-status.js';
import type { SimResult } from './sim/sim-route.js';
import { isRead } from './read-methods.js';
import { createdLocation } from './created-location.js';
import { fingerprintOf, firstFormFingerprint, idempotencySlot, pathInSandbox, type IdempotencySlot } from './idempotency-slot.js';
import { deletedSandboxProblem, reusedKeyProblem } from './reused-key-problem.js';
import { carriesSignature, SignatureCheck } from './signature-check.js';
import type { MemoryGuard } from './memory-guard.js';
import { TOLERATED_QUERY_PARAMETERS } from './unknown-parameters.js';
import { methodNotAllowed, optionsAnswer } from './options-answer.js';
import { fieldCountDetail } from './field-count.js';

/** What the request flow needs from its app. */
export interface DispatcherDeps {
  router: Router<CoreRoute>;
  registry: SandboxRegistry;
  platforms: readonly PlatformModule<unknown>[];
  /** Wall time (pinned while replaying). */
  wall: () => number;
  /**
   * Runs `run` with `wall` answering `at` throughout, as a replay pins it to its entry's `at`: a
   * write reads wall time once, so its handler (a sandbox's start, a realtime clock, ids drawn
   * from the clock) and its journal entry see one instant, and its replay rebuilds exactly what it
   * answered. Without it `wall` is read as it goes.
   */
  atInstant?: <T>(at: number, run: () => T) => T;
  journal: CommandLog | undefined;
  /**
   * Called after a write failed with an internal error (a bug), which is not journaled but may
   * have changed state before it threw: puts the state back to what is durable, and answers what
   * it did, for the error's log line. Absent without a store, where there is nothing to go back to.
   */
  discardUnjournaled?: () => string;
  logError: (message: string, error: unknown) => void;
  /** Per-sandbox quotas (`sandbox/quotas.ts`): refused before the handler runs, counted after. */
  quotas?: QuotaGuard;
  /** The heap's guard (`createApp({ memory })`): writes that add state are refused while it is near its limit. */
  memory?: MemoryGuard;
  /** The app's start and storage, answered by `/_sim/v1/health` and `/_sim/v1/ready`. */
  service?: ServiceStatus;
  /** Undeclared query parameters every operation takes and ignores (default `TOLERATED_QUERY_PARAMETERS`, `_`). */
  ignoredQueryParameters?: readonly string[];
}

/** How a replay refused a journal entry that was acknowledged (`Dispatcher.replay`). */
export interface ReplayRefusal {
  /** The status the replay answered (≥ 400). */
  status: number;
  /** Its problem+json, parsed (or its text when it is not JSON). */
  problem: unknown;
  /** The sandbox the entry's path names (`default` for a platform path without one); `null` for the registry's own operations. */
  sandbox: string | null;
}

/** A journaled command being replayed: no faults, no signature check, the recorded caller and nonce. */
export interface ReplayInput {
  entry: CommandEntry;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const JSON_TYPE = 'application/json';

interface Prepared {
  route: CoreRoute;
  sandbox: Sandbox | undefined;
  params: Record<string, string>;
  requestId: string;
}

/**
 * The request flow of the core: route → sandbox → faults → signature → body → validation →
 * idempotency → handler → journal (durable before the answer). Everything after the optional
 * fault latency runs synchronously, so a handler's state change, its idempotency record and its
 * journal entry happen in one turn and in one order.
 *
 * @example
 * ```ts
 * const dispatcher = new Dispatcher(deps);
 * const response = await dispatcher.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes', query: '', headers: {}, body: undefined });
 * ```
 */
export class Dispatcher {
  readonly #deps: DispatcherDeps;
  /** The verifier's input, reused by every live request (a check runs within one synchronous call). */
  readonly #check = new SignatureCheck();

  constructor(deps: DispatcherDeps) {
    this.#deps = deps;
  }

  /**
   * Answers one request. Not `async`: a request without fault latency and without a journal write
   * to wait for (every read) is answered in the same turn, with one settled promise.
   */
  dispatch(req: DispatchRequest): Promise<DispatchResponse> {
    const requestId = newRequestId();
    const meta = blankMeta(requestId);
    try {
      const prepared = this.#prepare(req, requestId, meta);
      if (!('route' in prepared)) return Promise.resolve(withMeta(prepared, meta));
      const { sandbox, route } = prepared;
      if (sandbox && route.kind === 'platform' && sandbox.faults.active) {
        const fault = sandbox.faults.decide(route.operationId, pathInSandbox(req.path));
        if (fault.outcome) {
          const answer = withMeta(faultAnswer(fault.outcome, requestId, req.path), meta);
          return fault.latencyMs > 0 ? sleep(fault.latencyMs).then(() => answer) : Promise.resolve(answer);
        }
        // The handler runs after the delay, so it sees the state of that moment — in the sandbox of
        // that moment too: one reset, deleted or rolled back meanwhile is not the one found before.
        if (fault.latencyMs > 0) return sleep(fault.latencyMs).then(() => this.#afterDelay(req, prepared, meta));
      }
      return this.#answer(req, prepared, meta);
    } catch (error) {
      return Promise.resolve(withMeta(this.#internal(req, requestId, error), meta));
    }
  }

  /** Answers a request an injected latency held, in its sandbox as the registry holds it now (`NOT_FOUND` once deleted). */
  #afterDelay(req: DispatchRequest, held: Prepared, meta: DispatchMeta): Promise<DispatchResponse> {
    if (held.sandbox === undefined || this.#deps.registry.get(held.sandbox.id) === held.sandbox) return this.#answer(req, held, meta);
    try {
      const prepared = this.#prepare(req, held.requestId, meta);
      return 'route' in prepared ? this.#answer(req, prepared, meta) : Promise.resolve(withMeta(prepared, meta));
    } catch (error) {
      return Promise.resolve(withMeta(this.#internal(req, held.requestId, error), meta));
    }
  }

  #answer(req: DispatchRequest, prepared: Prepared, meta: DispatchMeta): Promise<DispatchResponse> {
    try {
      const atInstant = this.#deps.atInstant;
      const { response, durable } =
        atInstant === undefined || isRead(req.method) ? this.#complete(req, prepared, undefined, meta) : atInstant(this.#deps.wall(), () => this.#complete(req, prepared, undefined, meta));
      if (durable === DONE) return Promise.resolve(withMeta(response, meta));
      return durable.then(
        () => withMeta(response, meta),
        (error: unknown) => withMeta(error instanceof StorageUnavailableError ? storageUnavailable(prepared.requestId, req.path) : this.#internal(req, prepared.requestId, error), meta),
      );
    } catch (error) {
      // A damaged data directory changed nothing, and going back to it would meet the damage again.
      const undone = isRead(req.method) || error instanceof DataDirDamagedError ? undefined : this.#deps.discardUnjournaled?.();
      return Promise.resolve(withMeta(this.#internal(req, prepared.requestId, error, undone), meta));
    }
  }

  /** The 500 (or 503 for a damaged data directory) of an error no check foresaw; `undone` says what became of a write's changes. */
  #internal(req: DispatchRequest, requestId: string, error: unknown, undone?: string): DispatchResponse {
    const outcome = undone === undefined ? '' : `; ${undone}`;
    if (error instanceof DataDirDamagedError) {
      this.#deps.logError(`[DATA_DIR_DAMAGED] ${req.method} ${req.path} ${requestId}${outcome}`, error);
      return storageDamaged(error, requestId, req.path);
    }
    this.#deps.logError(`[INTERNAL] ${req.method} ${req.path} ${requestId}${outcome}`, error);
    return problemResponse('INTERNAL', {}, requestId, req.path);
  }

  /**
   * Re-executes a journaled command synchronously (at start, before serving) and answers how its
   * replay refused it, if it was acknowledged then (a check added since, a sandbox gone): the
   * rebuilt state lacks what that answer promised, and the caller keeps the entry for good.
   */
  replay(entry: CommandEntry): ReplayRefusal | undefined {
    // Journals written before HEAD counted as a read hold HEAD requests: they changed nothing, and
    // some (the service probes) cannot even run during a replay.
    if (isRead(entry.method)) return undefined;
    const req: DispatchRequest = {
      method: entry.method,
      path: entry.path,
      query: entry.query,
      headers: {
        ...(entry.contentType ? { 'content-type': entry.contentType } : {}),
        ...(entry.idempotencyKey ? { [HEADERS.idempotencyKey]: entry.idempotencyKey } : {}),
      },
      body: entry.body,
      ...(entry.origin !== undefined ? { origin: entry.origin } : {}),
      ...(entry.prefix !== undefined ? { prefix: entry.prefix } : {}),
    };
    const meta = blankMeta(`replay_${entry.seq}`);
    const prepared = this.#prepare(req, meta.requestId, meta);
    const answer = 'route' in prepared ? this.#complete(req, prepared, { entry }, meta).response : prepared;
    if (answer.status < 400 || entry.status >= 400) return undefined;
    return { status: answer.status, problem: answerBody(answer), sandbox: meta.sandboxId };
  }

  #prepare(req: DispatchRequest, requestId: string, meta: DispatchMeta): Prepared | DispatchResponse {
    const match = this.#deps.router.match(req.method, req.path);
    if (match.kind !== 'found') {
      meta.sandboxId = sandboxIdOfPath(req.path);
      if (match.kind === 'not_found') return routeNotFound(this.#deps.router.routes, req, requestId);
      // A plain OPTIONS asks what the path takes (no route serves it; a CORS preflight never gets here).
      return req.method === 'OPTIONS' ? optionsAnswer(match.allow, requestId) : methodNotAllowed(req.method, req.path, match.allow, requestId);
    }
    const { value: route, params } = match;
    if (match.undecodable !== undefined) return undecodableParameter(req, match.undecodable, requestId);
    meta.operationId = route.operationId;
    meta.platform = route.kind === 'sim' ? 'sim' : route.platform.name;
    // The journal keeps what was sent to the platforms and what changed a sandbox: a simulation-API
    // read does neither, and a console or test polling the sandbox would evict the platform requests.
    meta.journaled = route.kind === 'platform' || (route.route.journaled !== false && !isRead(req.method));
    const sandboxId = params.sandboxId ?? (route.kind === 'platform' ? DEFAULT_SANDBOX_ID : undefined);
    meta.sandboxId = sandboxId ?? null;
    let sandbox: Sandbox | undefined;
    if (sandboxId !== undefined) {
      sandbox = this.#deps.registry.get(sandboxId);
      if (!sandbox) return problemResponse('NOT_FOUND', { detail: `sandbox ${sandboxId} does not exist`, errors: [unknownSandbox(sandboxId)] }, requestId, req.path);
    }
    if (route.kind === 'platform') delete params.sandboxId;
    return { route, sandbox, params, requestId };
  }

  #complete(req: DispatchRequest, prepared: Prepared, replay: ReplayInput | undefined, meta: DispatchMeta): { response: DispatchResponse; durable: Promise<void> } {
    const { route, sandbox, params, requestId } = prepared;
    // A realtime clock moves by itself: fire what fell due since the last request. Here, at the
    // instant the request runs (a write's, pinned), not before a fault's latency.
    if (sandbox?.clock.mode === 'realtime') sandbox.advanceTo(sandbox.now());
    const appKey = req.headers[HEADERS.appKey];
    if (appKey !== undefined && route.kind === 'platform' && sandbox) {
      meta.appKey = appKey;
      // The key's organisation also when its signature fails: the journal shows who tried.
      meta.organizationId = sandbox.organisationByAppKey(appKey)?.id ?? null;
    }

    let caller: Organisation | undefined;
    let signedBy: SignedBy | undefined;
    /** The body's SHA-256 as the verifier checked it (HMAC-SHA256 requests): the fingerprint reuses it. */
    let signedSha256: string | undefined;
    // An operation of optional authentication (an open dataset's file) checks a signature sent,
    // and serves a request without one anonymously; a replayed one takes its recorded caller.
    const auth = route.kind === 'platform' ? route.authentication : 'none';
    if (sandbox && (auth === 'signed' || (auth === 'optional' && (replay !== undefined || carriesSignature(req.headers))))) {
      // docs/design.md: a client cannot know virtual time, so virtual sandboxes check wall time.
      const now = sandbox.clock.mode === 'realtime' ? sandbox.now() : this.#deps.wall();
      if (replay) {
        caller = replay.entry.caller === undefined ? undefined : sandbox.organisation(replay.entry.caller);
        // The nonce stays spent across a restart, until the expiry the live check gave it.
        const s = replay.entry.signature;
        if (s) sandbox.nonces.remember(s.appKey, s.nonce, s.expiresAt, now);
      } else {
        const check = this.#check.start(req, sandbox, now);
        const verdict = verifySignature(check);
        // Sees the nonce the verifier accepted, so the journal entry can carry it.
        signedBy = check.finish();
        if (!verdict.ok) return refused(req, requestId, verdict.code, verdict.help ? signatureHelpProblem(verdict, verdict.help, req.headers[HEADERS.contentDigest]) : { detail: verdict.detail, errors: [verdict.error] });
        caller = sandbox.organisationByAppKey(verdict.appKey);
        if (req.headers[HEADERS.signatureMethod] === 'HMAC-SHA256') signedSha256 = req.headers[HEADERS.contentDigest];
      }
    }

    let body: unknown;
    let bodyText: string | undefined;
    if (route.jsonBody) {
      // A coded body is refused live only: what an older mock acknowledged is replayed as it was.
      const coded = replay === undefined && req.body !== undefined && req.body.length > 0 ? unsupportedCoding(req.headers['content-encoding']) : undefined;
      const read = coded ?? readJsonBody(req.body, req.headers['content-type'], replay === undefined ? READ_LIVE : READ_REPLAYED);
      if (read.kind === 'json') {
        body = read.value;
        bodyText = read.text;
      } else if (read.kind !== 'none') return refusedBody(req, requestId, read);
    } else if (replay === undefined && req.body !== undefined && req.body.length > 0 && !isRead(req.method)) {
      // A write that takes no body ignored one: a reset's `{"seed": 9}` did not re-seed. Live only.
      const unread = bodyNotTaken(req.body, req.headers['content-type']);
      if (unread) return refusedBody(req, requestId, unread);
    }

    // Only writes take a key (the IETF draft scopes it to non-idempotent methods): a read has
    // nothing to replay, so its key is not looked at, not even checked.
    const idempotencyKey = isRead(req.method) ? undefined : req.headers[HEADERS.idempotencyKey];
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) return refused(req, requestId, 'IDEMPOTENCY_KEY_INVALID', { detail: invalidKeyDetail(idempotencyKey), ...INVALID_KEY });

    const slot = idempotencyKey === undefined ? undefined : idempotencySlot(route, req.method, sandbox, this.#deps.registry, caller, idempotencyKey);

    // Checked live only: a query an older mock acknowledged is replayed as it was read then.
    const unreadable = replay === undefined ? unreadableQuery(req.query) : undefined;
    if (unreadable) return this.#invalid(req, requestId, unreadable, slot, bodyText, signedSha256);
    let query: Record<string, unknown> = parseQuery(req.query);
    if (route.validator) {
      const outcome = route.validator.validate({ params, query: query as Record<string, string | string[]>, body, hasBody: bodyText !== undefined, replaying: replay !== undefined, ignored: this.#deps.ignoredQueryParameters });
      if (!outcome.ok) return this.#invalid(req, requestId, outcome.errors, replay === undefined ? slot : undefined, bodyText, signedSha256);
      query = outcome.query;
    }
    // Taken and ignored: no handler reads them, and a list's cursor is bound to the rest of the
    // query only (`listFingerprint`), which a cache-buster `_`, new on every call, would change.
    for (const name of this.#deps.ignoredQueryParameters ?? TOLERATED_QUERY_PARAMETERS) delete query[name];

    // A write the store could not keep would be lost: refuse it before it changes anything (reads go on).
    if (!replay && !isRead(req.method) && this.#deps.journal?.writable() === false) {
      return { response: storageUnavailable(requestId, req.path), durable: DONE };
    }
    // A heap near its limit: what would add to it is refused before it changes anything; what frees
    // memory (deleting, resetting) and reads go on. Past the limit V8 would stop the process.
    const memory = this.#deps.memory && !replay && addsState(req.method, route, body) ? this.#deps.memory.pressure() : undefined;
    if (memory) return { response: insufficientMemory(memory, requestId, req.path), durable: DONE };

    // Expired keys are forgotten a bounded batch per write, before the quota is asked: what they
    // held is free again. A replay leaves them: they are looked up (and expire) against its time.
    if (!replay && !isRead(req.method)) {
      sandbox?.idempotency.sweep();
      if (slot && slot.store !== sandbox?.idempotency) slot.store.sweep();
    }
    if (slot) {
      const { store, scope } = slot;
      const fingerprint = fingerprintOf(req, bodyText, signedSha256);
      // A replayed journal entry always executes (see `IdempotencyStore.known`); a live request runs
      // only under a key not known, in this same turn.
      const known = replay ? undefined : store.known(scope, fingerprint);
      if (known === undefined) return answerOf(store.record(scope, fingerprint, keptExecution(this.#execute(req, prepared, { caller, signedBy, query, body, bodyText, slot, idempotencyKey, replay, meta }))), requestId);
      return this.#keyed(req, requestId, slot, known, bodyText);
    }
    const { answer, durable } = this.#execute(req, prepared, { caller, signedBy, query, body, bodyText, slot, idempotencyKey, replay, meta });
    // The answer was rendered for this request alone: it takes the request id in place.
    answer.headers[HEADERS.requestId] = requestId;
    return { response: answer, durable };
  }

  /**
   * Runs the handler of a checked request (or answers the quota's refusal), renders its answer,
   * counts it, and appends its journal entry. A method with its inputs passed in, not a closure
   * made per request in `#complete`: no context object per request holding `#complete`'s locals.
   */
  #execute(req: DispatchRequest, prepared: Prepared, run: Run): RenderedExecution {
    const { route, sandbox, params, requestId } = prepared;
    const { caller, signedBy, query, body, bodyText, slot, idempotencyKey, replay, meta } = run;
    const refused = replay ? undefined : this.#deps.quotas?.refusal(route, sandbox, req.method, bodyText, slot !== undefined);
    const result = refused ?? executeOperation({ route, registry: this.#deps.registry, platforms: this.#deps.platforms, sandbox, caller, params, query, body, requestId, request: req, wall: this.#deps.wall, replaying: replay !== undefined, service: this.#deps.service });
    const answer = render(result, requestId, req, route);
    if (isProblemResult(result)) meta.problemCode = result.problem.code;
    const bytes = answer.status < 400 ? (this.#deps.quotas?.admitted(route, sandbox, req.method, bodyText, slot && typeof answer.body === 'string' ? answer.body : undefined) ?? 0) : 0;
    let durable = DONE;
    if (!isRead(req.method) && answer.status < 400 && !replay && this.#deps.journal) {
      durable = this.#deps.journal.append({
        kind: 'command',
        rev: CURRENT_REVISION,
        at: this.#deps.wall(),
        method: req.method,
        path: req.path,
        query: req.query,
        ...(req.headers['content-type'] && bodyText !== undefined ? { contentType: req.headers['content-type'] } : {}),
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
        ...(bodyText !== undefined ? { body: bodyText } : {}),
        ...(caller ? { caller: caller.id } : {}),
        ...(signedBy ? { signature: signedBy } : {}),
        // A kept answer is made again from its entry at start: with the origin of the simulation
        // API's absolute URLs and the prefix of its `Location`, as they were.
        ...(slot && route.kind === 'sim' ? { origin: transportOrigin(req) } : {}),
        ...(slot && req.prefix ? { prefix: req.prefix } : {}),
        status: answer.status,
      }).durable;
    }
    // A document made over several turns (a sandbox's export): sent once made.
    const parts = (result as SimResult).jsonParts;
    if (parts !== undefined) durable = bodyOnceMade(answer, parts, req.takesParts === true);
    return { answer, durable, owner: isProblemResult(result) ? undefined : (result as SimResult).madeSandbox, bytes };
  }

  /**
   * A request under a key the store knows: the kept answer, or `IDEMPOTENCY_KEY_REUSED` /
   * `SANDBOX_DELETED`. A key kept from before the fingerprint's second form holds the first: it
   * is compared in that form (nothing runs on a known key).
   */
  #keyed(req: DispatchRequest, requestId: string, slot: IdempotencySlot, known: IdempotencyOutcome, bodyText: string | undefined): Completed {
    const { store, scope, key } = slot;
    let outcome = known;
    if (outcome.kind === 'conflict' && !outcome.known.includes('\n')) outcome = store.known(scope, firstFormFingerprint(req, bodyText)) ?? outcome;
    if (outcome.kind === 'conflict') return refused(req, requestId, 'IDEMPOTENCY_KEY_REUSED', reusedKeyProblem(key, outcome.known, req.method, `${pathInSandbox(req.path)}?${req.query}`));
    if (outcome.kind === 'deleted') return refused(req, requestId, 'SANDBOX_DELETED', deletedSandboxProblem(key, outcome.sandboxId));
    return answerOf(outcome, requestId);
  }

  /**
   * The 400 of a request its validator refused. A retry of this very request, accepted under its
   * key before a check refused it (by an older version, or with an `--ignore-query-parameter`
   * dropped since), answers what was accepted: the write happened, and a 400 would tell the
   * client it did not. `slot` is `undefined` while replaying.
   */
  #invalid(req: DispatchRequest, requestId: string, errors: FieldError[], slot: IdempotencySlot | undefined, bodyText: string | undefined, signedSha256: string | undefined): Completed {
    const kept = slot?.store.kept(slot.scope, [fingerprintOf(req, bodyText, signedSha256), firstFormFingerprint(req, bodyText)]);
    if (kept?.kind === 'replayed') return answerOf(kept, requestId);
    return refused(req, requestId, 'VALIDATION_FAILED', { detail: fieldCountDetail(errors), errors });
  }
}

/** A handler's answer as rendered: as a key keeps it, or with a body of bytes (`OperationResult.bytes`), which no key keeps. */
type Rendered = Omit<StoredAnswer, 'body'> & { body: string | Uint8Array };

/** What `#execute` answers: an {@link Execution} whose answer may be bytes. */
type RenderedExecution = Omit<Execution, 'answer'> & { answer: Rendered };

/**
 * An execution as its key keeps it: its answer is text. Only a read answers bytes, and no read is
 * keyed, so bytes here are a handler's bug: refused (500) rather than kept in a form no snapshot holds.
 */
function keptExecution(execution: RenderedExecution): Execution {
  if (typeof execution.answer.body !== 'string') throw new TypeError('an answer kept under an Idempotency-Key must be text: only reads answer bytes');
  // Checked just above; no copy made on the path of every keyed write.
  return execution as Execution;
}

/** What `#complete` found out about a request that `#execute` runs: one literal of one shape per request. */
interface Run {
  caller: Organisation | undefined;
  signedBy: SignedBy | undefined;
  query: Record<string, unknown>;
  body: unknown;
  bodyText: string | undefined;
  slot: IdempotencySlot | undefined;
  idempotencyKey: string | undefined;
  replay: ReplayInput | undefined;
  meta: DispatchMeta;
}

/** What `#complete` answers: the response, and when it may be sent (its journal entry durable). */
interface Completed {
  response: DispatchResponse;
  durable: Promise<void>;
}

/** How the body of a live request is read, and of a replayed journal entry (see `ReadOptions`). */
const READ_LIVE: ReadOptions = { replaying: false };
const READ_REPLAYED: ReadOptions = { replaying: true };

/** The field error of an `Idempotency-Key` that is not 1–255 visible ASCII characters. */
const INVALID_KEY: ProblemResultOptions = {
  errors: [{ pointer: '/header/idempotency-key', code: 'PATTERN', message: { zh: '幂等键须为 1–255 个可见 ASCII 字符', en: 'The idempotency key must be 1–255 visible ASCII characters' } }],
};

/**
 * What is wrong with an `Idempotency-Key` that `IDEMPOTENCY_KEY` refuses: its length, or its first
 * character that is no visible ASCII (a space, a control character, a letter beyond ASCII).
 */
function invalidKeyDetail(key: string): string {
  if (key.length === 0) return 'the Idempotency-Key header is empty: send 1–255 visible ASCII characters, or no header';
  if (key.length > 255) return `the Idempotency-Key is ${key.length} characters long: at most 255 are taken`;
  const index = [...key].findIndex((char) => !IDEMPOTENCY_KEY.test(char));
  const char = [...key][index] ?? '';
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `the Idempotency-Key holds ${JSON.stringify(char)} (${code}) at character ${index + 1}: only visible ASCII characters (! to ~, no space) are taken`;
}

/** A refusal of the core (before any handler runs): nothing to wait for. */
function refused(req: DispatchRequest, requestId: string, code: ProblemCode, options: ProblemResultOptions): Completed {
  return { response: problemResponse(code, options, requestId, req.path), durable: DONE };
}

/** The field error of a sandbox the path names that does not exist (only a path names another than `default`). */
const unknownSandbox = (sandboxId: string): FieldError => ({
  pointer: '/path/sandboxId',
  code: 'SANDBOX_NOT_FOUND',
  message: { zh: `沙箱 ${sandboxId} 不存在（从未创建、已删除或拼写有误）`, en: `Sandbox ${sandboxId} does not exist (never created, deleted, or mistyped)` },
});

/** The 415 or 400 of a body `readJsonBody` refused. */
function refusedBody(req: DispatchRequest, requestId: string, read: Exclude<BodyOutcome, { kind: 'none' | 'json' }>): Completed {
  if (read.kind === 'unsupported_media_type') return refused(req, requestId, 'UNSUPPORTED_MEDIA_TYPE', { detail: read.detail, errors: [read.error] });
  if (read.kind === 'malformed') return refused(req, requestId, 'VALIDATION_FAILED', { detail: read.detail, errors: [read.error] });
  return refused(req, requestId, 'VALIDATION_FAILED', { detail: read.detail, errors: read.errors });
}

/**
 * The response of a keyed request from its store's outcome: the stored answer's status and body,
 * a copy of its headers with this request's id (and `Idempotent-Replayed` for a replay).
 */
function answerOf(outcome: Extract<IdempotencyOutcome, { answer: StoredAnswer }>, requestId: string): Completed {
  const headers: Record<string, string> = Object.assign({}, outcome.answer.headers);
  headers[HEADERS.requestId] = requestId;
  if (outcome.kind === 'replayed') headers[HEADERS.idempotentReplayed] = 'true';
  return { response: { status: outcome.answer.status, headers, body: outcome.answer.body }, durable: outcome.durable };
}

/**
 * Fills `answer` with the JSON `made` resolves to: its parts for a transport that writes them one
 * at a time (`DispatchRequest.takesParts`), else joined into `body` (an in-process caller has no
 * probes to keep answering).
 */
function bodyOnceMade(answer: DispatchResponse, made: Promise<JsonParts>, takesParts: boolean): Promise<void> {
  answer.headers['content-type'] = JSON_TYPE;
  return made.then((json) => {
    if (takesParts) answer.parts = json;
    else answer.body = json.parts.join('');
  });
}

/**
 * Whether a request may add to the heap: a write, but not one that only frees memory — a deletion,
 * a sandbox's reset, clearing a sandbox's fault rules (`PUT …/faults` with `rules: []`).
 */
function addsState(method: string, route: CoreRoute, body: unknown): boolean {
  if (isRead(method) || method === 'DELETE') return false;
  if (route.kind !== 'sim') return true;
  if (route.operationId === 'resetSandbox') return false;
  return !(route.operationId === 'setFaults' && clearsAll(body, 'rules'));
}

/** Whether `body` is `{ [list]: [] }` and nothing more: a write that replaces a list with none. */
function clearsAll(body: unknown, list: string): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  const value = (body as Record<string, unknown>)[list];
  return keys.length === 1 && Array.isArray(value) && value.length === 0;
}

/** Seconds a write refused for memory should wait: the operator has to free some first. */
const MEMORY_RETRY_AFTER_SECONDS = 5;

/** 503 `INSUFFICIENT_MEMORY`: the write changed nothing; `used` and `limit` are the heap's bytes. */
function insufficientMemory(memory: ServiceMemory, requestId: string, instance: string): DispatchResponse {
  const share = Math.round(memory.maxHeapRatio * 100);
  return problemResponse(
    'INSUFFICIENT_MEMORY',
    {
      detail: `the heap holds ${memory.usedBytes} of the ${memory.limitBytes} bytes V8 allows, past the ${share} % at which writes are refused; delete or reset sandboxes (or restart with more heap) to take writes again`,
      extensions: { used: memory.usedBytes, limit: memory.limitBytes, retryAfterSeconds: MEMORY_RETRY_AFTER_SECONDS },
      headers: { [HEADERS.retryAfter]: String(MEMORY_RETRY_AFTER_SECONDS) },
    },
    requestId,
    instance,
  );
}

/** The 400 answer to a path parameter that is not valid percent-encoding (`/applications/%E0%A4%A`): no value can be read from it. */
function undecodableParameter(req: DispatchRequest, name: string, requestId: string): DispatchResponse {
  return problemResponse(
    'VALIDATION_FAILED',
    {
      detail: `the path parameter ${name} is not valid percent-encoding (RFC 3986 §2.1, UTF-8)`,
      errors: [
        {
          pointer: `/path/${name}`,
          code: 'INVALID_ENCODING',
          message: { zh: `路径参数 ${name} 的百分号编码无效（须为 UTF-8 字节的 %XX 编码，RFC 3986 §2.1）`, en: `The path parameter ${name} is not valid percent-encoding (%XX of UTF-8 bytes, RFC 3986 §2.1)` },
        },
      ],
    },
    requestId,
    req.path,
  );
}

/** How long a client should wait before retrying a write refused for storage: until the next probe of the store. */
const STORAGE_RETRY_AFTER_SECONDS = String(Math.ceil(PROBE_INTERVAL_MS / 1_000));

/** 503 `STORAGE_UNAVAILABLE`: the write changed nothing; reads still work. */
function storageUnavailable(requestId: string, instance: string): DispatchResponse {
  return problemResponse('STORAGE_UNAVAILABLE', { detail: 'the data directory cannot take writes now; nothing of this request was kept', headers: { [HEADERS.retryAfter]: STORAGE_RETRY_AFTER_SECONDS } }, requestId, instance);
}

/**
 * 503 `STORAGE_UNAVAILABLE` for a sandbox whose saved part is damaged (found when it is restored
 * after the start): nothing is served from it or dropped until the operator repairs the directory,
 * so the answer names the damage, as the log does, but not the directory's path on the host.
 */
function storageDamaged(error: DataDirDamagedError, requestId: string, instance: string): DispatchResponse {
  const { position, problem } = error.damage;
  const detail = `this sandbox's saved state is damaged (${position}: ${problem}); nothing was changed or dropped; the operator must run \`gdx-mock repair\` on the data directory`;
  return problemResponse('STORAGE_UNAVAILABLE', { detail, headers: { [HEADERS.retryAfter]: STORAGE_RETRY_AFTER_SECONDS } }, requestId, instance);
}

/** A replay's answer body as data: problem+json parsed, anything else as its text. */
function answerBody(answer: DispatchResponse): unknown {
  const text = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The settled promise of an answer with nothing to wait for (no journal write); the idempotency store knows it. */
const DONE: Promise<void> = SETTLED;

/** The problem answer of an injected `rate_limit` or `server_error` fault, or a dropped connection. */
function faultAnswer(outcome: NonNullable<FaultDecision['outcome']>, requestId: string, instance: string): DispatchResponse {
  if (outcome.kind === 'connection_reset') return { status: 0, headers: {}, body: '', connectionReset: true };
  const code: ProblemCode = outcome.kind === 'rate_limit' ? 'RATE_LIMITED' : outcome.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  const headers: Record<string, string> = { 'x-gdx-fault': outcome.kind };
  // 429 and 503 always say when to come back (the contract's TooManyRequests and ServiceUnavailable).
  if ('retryAfter' in outcome) headers[HEADERS.retryAfter] = String(outcome.retryAfter);
  return problemResponse(code, { detail: 'injected fault', headers }, requestId, instance);
}

/**
 * The stored form of a handler's answer: problem+json for a problem, else the body as JSON (or
 * the bytes it gives, as they are: a file's byte range) under the handler's own content type
 * (e.g. `application/ld+json` for DCAT), `application/json` when it names none, and a created
 * resource's `Location` resolved against `req` and its `route`. Its headers are a fresh object the
 * caller may add to.
 */
function render(result: OperationResult | ProblemResult, requestId: string, req: DispatchRequest, route: CoreRoute): Rendered {
  if (isProblemResult(result)) {
    const r = problemResponse(result.problem.code, result.problem.options, requestId, req.path);
    const { [HEADERS.requestId]: _id, ...headers } = r.headers;
    return { status: r.status, headers, body: String(r.body) };
  }
  // The request id is added per response, so a stored answer replays under the new request's id.
  // Headers are assigned in the order a spread of `content-type`, the handler's and `location`
  // would give, without copying through spreads.
  const empty = result.body === undefined && result.json === undefined && result.bytes === undefined;
  const headers: Record<string, string> = empty ? {} : { 'content-type': JSON_TYPE };
  if (result.headers !== undefined) Object.assign(headers, result.headers);
  if (result.location !== undefined) headers.location = createdLocation(req, route, result.location);
  return { status: result.status, headers, body: empty ? '' : (result.bytes ?? result.json ?? JSON.stringify(result.body)) };
}
