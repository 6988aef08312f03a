import { DEFAULT_IDEMPOTENCY_RETENTION_MS } from './idempotency-store.js';
import type { ProblemResult } from '../app/execute-operation.js';
import type { OpenApiDocument } from '../app/platform-module.js';
import { isRead } from '../app/read-methods.js';
import type { CoreRoute } from '../app/route-table.js';
import type { Sandbox } from './sandbox.js';
import { utf8Length } from './utf8-length.js';

/** The three per-sandbox quotas, each a maximum. */
export interface SandboxQuotas {
  /** Workflow objects of all platforms (requests, applications, grants and their reporting, entries, obligations …), seeded ones included. */
  objects: number;
  /** Events in the sandbox's feed. */
  events: number;
  /** UTF-8 bytes of the request bodies of accepted platform writes. */
  storedBytes: number;
}

/** A quota's name as the problem answer gives it. */
export type QuotaName = keyof SandboxQuotas;

/**
 * The defaults: far above what a vendor's long-running integration sandbox creates (tens of
 * thousands of objects a year), yet bounding memory. The bench (suite `lists`) measures about
 * 5 kB of RSS per stored registration application with its events: 250,000 objects ≈ 1.3 GiB;
 * 2,000,000 events is 8 per object at that count; 256 MiB of kept request bodies bounds what
 * the objects hold where their count does not (large submissions; bodies are ≤ 1 MiB each).
 *
 * @example
 * ```ts
 * createApp({ quotas: { ...DEFAULT_QUOTAS, objects: 10_000 } });
 * ```
 */
export const DEFAULT_QUOTAS: Readonly<SandboxQuotas> = Object.freeze({ objects: 250_000, events: 2_000_000, storedBytes: 256 * 1024 * 1024 });

/**
 * The most sandboxes an app holds by default, `default` included. Quotas bound each sandbox,
 * not how many there are: created without a `seed`, each draws its own, and its own seed data
 * (~1.8 MB of RSS measured: 1,000 of them took a server from 115 MB to 1.9 GB), so a client
 * creating sandboxes in a loop ran the process out of memory.
 */
export const DEFAULT_MAX_SANDBOXES = 1_000;

/**
 * The limit on sandboxes in force: `given`, or `DEFAULT_MAX_SANDBOXES`. Throws a `RangeError`
 * when it is not a positive safe integer.
 *
 * @example
 * ```ts
 * resolveMaxSandboxes(undefined); // 1000
 * ```
 */
export function resolveMaxSandboxes(given: number | undefined): number {
  return positiveLimit('maxSandboxes', given, DEFAULT_MAX_SANDBOXES);
}

/**
 * The most webhooks a sandbox holds by default. Each event is delivered to every webhook that
 * receives it, and each delivery is logged (and journaled with `--data-dir`): without a bound, a
 * client subscribing in a loop multiplied every later event's work and the delivery log without
 * end. An integration subscribes a few per organisation; 100 leaves room for many.
 */
export const DEFAULT_MAX_WEBHOOKS = 100;

/**
 * The limit on each sandbox's webhooks in force: `given`, or `DEFAULT_MAX_WEBHOOKS`. Throws a
 * `RangeError` when it is not a positive safe integer.
 *
 * @example
 * ```ts
 * resolveMaxWebhooks(undefined); // 100
 * ```
 */
export function resolveMaxWebhooks(given: number | undefined): number {
  return positiveLimit('maxWebhooks', given, DEFAULT_MAX_WEBHOOKS);
}

/**
 * How long idempotency records are kept in force (ms): `given`, or
 * `DEFAULT_IDEMPOTENCY_RETENTION_MS` (24 h). Throws a `RangeError` when it is not a positive safe integer.
 *
 * @example
 * ```ts
 * resolveIdempotencyRetention(undefined); // 86400000
 * ```
 */
export function resolveIdempotencyRetention(given: number | undefined): number {
  return positiveLimit('idempotencyRetentionMs', given, DEFAULT_IDEMPOTENCY_RETENTION_MS);
}

/** `given` when it is a positive safe integer, `fallback` when absent; else a `RangeError` naming the option. */
function positiveLimit(option: string, given: number | undefined, fallback: number): number {
  if (given === undefined) return fallback;
  if (!Number.isSafeInteger(given) || given < 1) throw new RangeError(`${option} must be a positive integer, got ${String(given)}`);
  return given;
}

/** The quotas' names, in the order they are checked and documented. */
export const QUOTA_NAMES: readonly QuotaName[] = ['objects', 'events', 'storedBytes'];

/**
 * The quotas in force: `base` (default `DEFAULT_QUOTAS`) with the given ones replacing theirs.
 * Throws a `RangeError` naming the quota when one is not a positive safe integer.
 *
 * @example
 * ```ts
 * resolveQuotas({ objects: 100 }); // { objects: 100, events: 2_000_000, storedBytes: 268_435_456 }
 * ```
 */
export function resolveQuotas(given: Partial<SandboxQuotas> | undefined, base: Readonly<SandboxQuotas> = DEFAULT_QUOTAS): SandboxQuotas {
  const quotas = { ...base };
  for (const name of QUOTA_NAMES) {
    const value = given?.[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`quota ${name} must be a positive integer, got ${String(value)}`);
    quotas[name] = value;
  }
  return quotas;
}

/**
 * Holds every sandbox of an app to its quotas (the app's, or those the sandbox was created
 * with). The request flow asks `refusal` before a platform write runs — so a refused write
 * changes nothing — and tells `admitted` about each accepted one (replayed journal entries
 * included, so the stored bytes are counted again on a restart).
 *
 * A write is admitted while the sandbox is below each quota: a write that makes objects is
 * refused once `objects` have been made, any write once `events` are in the feed (almost every
 * write records some), any write whose body would take the kept bytes past `storedBytes`. One
 * admitted write can pass the object or event limit by what it makes at once (e.g. a delivered
 * request and its grant); the next is refused. An operation the contract marks
 * `x-gdx-stores-nothing` is not a write here — never refused, never counted — unless it carries
 * an `Idempotency-Key`, whose record keeps its answer: then its body and that answer count as stored bytes, until the record expires. The simulation API (clock, officials) is never
 * refused: the operator's controls keep working on a full sandbox.
 *
 * @example
 * ```ts
 * const guard = new QuotaGuard(); // the sandbox knows its quotas (`sandbox.quotas`)
 * const refused = guard.refusal(route, sandbox, 'POST', bodyText); // ProblemResult | undefined
 * ```
 */
export class QuotaGuard {
  readonly #creating = new WeakMap<OpenApiDocument, ReadonlySet<string>>();
  /** The last body counted and its bytes: `refusal` and `admitted` count the same text for one write. */
  #counted: { text: string; bytes: number } | undefined;

  /**
   * The 409 `SANDBOX_QUOTA_EXCEEDED` answer a platform write would get, or `undefined` to let it
   * run; `keyed` when its `Idempotency-Key` will keep its answer.
   */
  refusal(route: CoreRoute, sandbox: Sandbox | undefined, method: string, bodyText: string | undefined, keyed = false): ProblemResult | undefined {
    if (!sandbox || !stores(route, method, keyed)) return undefined;
    const quotas = sandbox.quotas;
    const bytes = bodyText === undefined ? 0 : this.#bytes(bodyText);
    if (sandbox.storedBytes + bytes > quotas.storedBytes) {
      // Expired keys out of their order may still hold bytes the per-write sweep has not reached:
      // a refusal looks through them all first (a full sandbox's writes pay for it, no others).
      sandbox.idempotency.expireAll();
      if (sandbox.storedBytes + bytes > quotas.storedBytes) return exceeded('storedBytes', quotas.storedBytes, sandbox.storedBytes, sandbox.id, bytes);
    }
    const events = sandbox.feed.size;
    if (events >= quotas.events) return exceeded('events', quotas.events, events, sandbox.id);
    if (this.#creates(route)) {
      const { objects } = sandbox.usage();
      if (objects >= quotas.objects) return exceeded('objects', quotas.objects, objects, sandbox.id, undefined, sandbox.seededObjects);
    }
    return undefined;
  }

  /**
   * Counts an accepted platform write's body towards the sandbox's stored bytes; `keptAnswer` is
   * the answer its `Idempotency-Key` keeps, counted too where that answer is all the write keeps
   * (an operation that stores nothing). Answers the bytes that only the key's record holds — all
   * of them for such an operation, none where the body is in an object — which its expiry frees.
   */
  admitted(route: CoreRoute, sandbox: Sandbox | undefined, method: string, bodyText: string | undefined, keptAnswer?: string): number {
    if (!sandbox || !stores(route, method, keptAnswer !== undefined) || bodyText === undefined) return 0;
    const keyOnly = route.storesNothing && keptAnswer !== undefined;
    const bytes = this.#bytes(bodyText) + (keyOnly ? utf8Length(keptAnswer) : 0);
    sandbox.storedBytes += bytes;
    return keyOnly ? bytes : 0;
  }

  #bytes(text: string): number {
    if (this.#counted?.text !== text) this.#counted = { text, bytes: utf8Length(text) };
    return this.#counted.bytes;
  }

  /** Whether the operation makes an object: its contract answers `201`. */
  #creates(route: CoreRoute & { kind: 'platform' }): boolean {
    const spec = route.platform.spec;
    let ids = this.#creating.get(spec);
    if (!ids) this.#creating.set(spec, (ids = creatingOperations(spec)));
    return ids.has(route.operationId);
  }
}

/**
 * Whether a request may keep something in the sandbox: a platform write, unless its contract
 * says the operation stores nothing (`x-gdx-stores-nothing`, e.g. a MAR calculation) and it
 * carries no `Idempotency-Key` — such a call adds no bytes and is never refused for a full
 * sandbox. A keyed one keeps its answer for the key's retries until the key expires:
 * left uncounted, fresh keys grew a sandbox without bound past every quota.
 */
function stores(route: CoreRoute, method: string, keyed: boolean): route is CoreRoute & { kind: 'platform' } {
  return route.kind === 'platform' && !isRead(method) && (!route.storesNothing || keyed);
}

/** The operationIds of a document whose responses include `201`. */
function creatingOperations(spec: OpenApiDocument): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, unknown>)) {
      const op = operation as { operationId?: unknown; responses?: Record<string, unknown> } | null;
      if (op && typeof op.operationId === 'string' && op.responses && '201' in op.responses) ids.add(op.operationId);
    }
  }
  return ids;
}

/**
 * The advice of an object quota the sandbox's seed alone fills (`seeded` objects, known for a
 * sandbox built here): a reset or delete, which the problem's message suggests, makes them again.
 */
function seedFillsQuota(limit: number, seeded: number | undefined): string {
  if (seeded === undefined || seeded < limit) return '';
  return (
    `; its seed alone makes ${seeded} objects (the published catalog entries), which a reset makes again: ` +
    `give it an objects quota above ${seeded} (--quota-objects, or quotas.objects when creating the sandbox) / 沙箱种子数据即有 ${seeded} 个对象，重置后仍然如此，请将对象配额设为大于 ${seeded}`
  );
}

function exceeded(quota: QuotaName, limit: number, used: number, sandboxId: string, requested?: number, seeded?: number): ProblemResult {
  const what = { objects: 'objects', events: 'events', storedBytes: 'stored bytes' }[quota];
  return {
    status: 0,
    problem: {
      code: 'SANDBOX_QUOTA_EXCEEDED',
      options: {
        detail: `sandbox ${sandboxId} has reached its ${what} quota: ${used} of ${limit}${requested === undefined ? '' : ` (this request adds ${requested})`}${seedFillsQuota(limit, seeded)}`,
        extensions: { quota, limit, used },
      },
    },
  };
}
