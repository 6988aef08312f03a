import type { ProblemCode } from '@gdx/protocol';
import type { Sandbox } from '../../sandbox/sandbox.js';
import type { SandboxRegistry } from '../../sandbox/registry.js';
import type { OperationResult, PlatformModule } from '../platform-module.js';
import type { JsonParts } from '../json-parts.js';
import type { ProblemResultOptions } from '../problem-response.js';
import type { ServiceStatus } from './service-status.js';

/**
 * The headers of an answer no cache may keep (RFC 9111 §5.2.2.5): a probe's status and the request
 * journal change from one request to the next, so a probe or a console reading through a proxy
 * cache could be shown a stale one; the journal also holds the bodies the clients sent.
 */
export const NO_STORE: Readonly<Record<string, string>> = Object.freeze({ 'cache-control': 'no-store' });

/** What a simulation API handler receives. */
export interface SimRouteContext {
  /** The route's `operationId` (binds list cursors to their list, `app/paging.ts`). */
  readonly operationId?: string;
  readonly registry: SandboxRegistry;
  /** The sandbox named by `{sandboxId}` (already checked to exist), when the path has one. */
  readonly sandbox: Sandbox | undefined;
  readonly platforms: readonly PlatformModule<unknown>[];
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly requestId: string;
  /** `http://host:port` the request was sent to (from its `Host` header), for absolute URLs. */
  readonly origin: string;
  /** Wall time (pinned during journal replay). */
  wall(): number;
  /**
   * `true` while a journal entry is replayed: the entry was acknowledged, so a check added since
   * must not refuse it now (the state would differ from what was answered).
   */
  readonly replaying: boolean;
  /** The app itself (start, storage), for `/health` and `/ready`; absent for a dispatcher built without it. */
  readonly service: ServiceStatus | undefined;
  problem(code: ProblemCode, options?: ProblemResultOptions): OperationResult;
}

/** What a simulation API handler answers. */
export interface SimResult extends OperationResult {
  /**
   * The sandbox the request made (create, import): the app's idempotency record of the request
   * lives as long as that sandbox (`SandboxRegistry.idempotency`).
   */
  madeSandbox?: string;
  /**
   * The body as JSON still being made (`jsonInParts`), sent instead of `body` once made: for a
   * read whose document is too large to serialise in one turn. Never for a write (an idempotency
   * key keeps an answer's text).
   */
  jsonParts?: Promise<JsonParts>;
}

/** A route of the simulation API (path relative to `/_sim/v1`). */
export interface SimRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  operationId: string;
  /** Takes a JSON body. */
  jsonBody: boolean;
  /** False for routes the request journal leaves out (its own: reading it must not grow it). */
  journaled?: false;
  handler(ctx: SimRouteContext): SimResult;
}

/** The sandbox of a route whose path has `{sandboxId}` (the core answered 404 otherwise). */
export function sandboxOf(ctx: SimRouteContext): Sandbox {
  if (!ctx.sandbox) throw new Error(`route needs {sandboxId}`);
  return ctx.sandbox;
}

/** A 400 `VALIDATION_FAILED` answer for one body field. */
export function invalidField(ctx: SimRouteContext, pointer: string, en: string, zh: string): OperationResult {
  return ctx.problem('VALIDATION_FAILED', {
    detail: `${pointer || 'body'}: ${en}`,
    errors: [{ pointer, code: 'INVALID', message: { zh, en } }],
  });
}

/** The body as a plain object, or `undefined` when it is not one. */
export function bodyObject(ctx: SimRouteContext): Record<string, unknown> | undefined {
  const body = ctx.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}
