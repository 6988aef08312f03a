import { formatInstant } from '@gdx/kernel';
import { HEADERS } from '@gdx/protocol';
import { MOCK_SERVER_VERSION } from '../../version.js';
import { NO_STORE, type SimRoute, type SimRouteContext } from './sim-route.js';
import { heapNearLimit, type ServiceStatus, type ServiceStorage } from './service-status.js';

/** The readiness probe's path below `/_sim/v1` (the HTTP server answers it itself while it drains). */
export const READINESS_PATH = '/ready';

/** Paths (below `/_sim/v1`) a probe reaches without the sim token: see `simAccessGuard`. */
export const PROBE_PATHS: readonly string[] = ['/health', READINESS_PATH];

/** Seconds a readiness probe should wait before asking again while storage refuses writes (the store's probe interval). */
const NOT_READY_RETRY_AFTER_SECONDS = 1;

function serviceOf(ctx: SimRouteContext): ServiceStatus {
  if (!ctx.service) throw new Error('the service routes need the app status');
  return ctx.service;
}

/** Why health is `degraded`: the problem code each cause answers or logs. */
export type DegradedReason = 'STORAGE_UNAVAILABLE' | 'REPLAY_REFUSED_NOT_KEPT' | 'DATA_DIR_LOCK_LOST' | 'SANDBOX_UNRESTORABLE' | 'SNAPSHOTS_FAILING' | 'INSUFFICIENT_MEMORY';

/**
 * What makes the storage degraded now, as `Health.reasons` lists it: writes refused
 * (`STORAGE_UNAVAILABLE`), or entries a replay refused after the start that could not be kept
 * (`REPLAY_REFUSED_NOT_KEPT`: snapshots wait meanwhile, so the journal grows), or the data
 * directory's lock lost to another process (`DATA_DIR_LOCK_LOST`: its `gdx-mock.lock` was deleted
 * under the server and a second one may be using the directory), or a sandbox whose saved state
 * fails its check when it is restored (`SANDBOX_UNRESTORABLE`: its requests answer 503), or a
 * last snapshot attempt that failed, or a start whose probe could not write one
 * (`SNAPSHOTS_FAILING`: writes go on, but the journal grows and every start replays all of it).
 *
 * @example
 * ```ts
 * degradedReasons({ writable: true, replayRefused: { count: 1, notKept: 1 }, lockLost: false, unrestorable: 0, snapshotsFailing: false }); // ['REPLAY_REFUSED_NOT_KEPT']
 * ```
 */
function degradedReasons(storage: Pick<ServiceStorage, 'writable' | 'replayRefused' | 'lockLost' | 'unrestorable' | 'snapshotsFailing'>): DegradedReason[] {
  const reasons: DegradedReason[] = [];
  if (!storage.writable) reasons.push('STORAGE_UNAVAILABLE');
  if (storage.replayRefused.notKept > 0) reasons.push('REPLAY_REFUSED_NOT_KEPT');
  if (storage.lockLost) reasons.push('DATA_DIR_LOCK_LOST');
  if (storage.unrestorable > 0) reasons.push('SANDBOX_UNRESTORABLE');
  if (storage.snapshotsFailing) reasons.push('SNAPSHOTS_FAILING');
  return reasons;
}

/**
 * Liveness (`GET /health`) and readiness (`GET /ready`) of the mock. Health answers 200 as long as
 * the process serves, `degraded` (with its `reasons`) while the storage refuses writes or cannot
 * keep entries a replay refused, or the last snapshot failed, or the heap is past the memory guard's share of its limit: a
 * liveness probe that failed then would restart a process that only waits for disk space. A heap
 * near its limit leaves it ready: the way out, deleting or resetting sandboxes, goes through the
 * same load balancer. Readiness answers 503 while writes are refused, so a load balancer or
 * a CI job waits for a mock that can take writes; refused entries not kept and failing snapshots
 * leave it ready (writes are taken and journaled). Sandboxes of a data directory still being restored
 * (`storage.restoring`) do not make it unready: a request to one waits for its restore. Every
 * answer of both is `Cache-Control: no-store`: a probe must see the status of now.
 */
export const serviceRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/health', operationId: 'getHealth', jsonBody: false,
    handler(ctx) {
      const service = serviceOf(ctx);
      const { kind, location, writable, compacting, entriesSinceSnapshot, restoring, unrestorable, replayRefused } = service.storage;
      // A path on the server is for its operator: left out, as the store's, when the mock has a token.
      const refused = service.showsLocation ? replayRefused : { count: replayRefused.count, notKept: replayRefused.notKept };
      const reasons = degradedReasons(service.storage);
      const memory = service.memory?.();
      if (memory && heapNearLimit(memory)) reasons.push('INSUFFICIENT_MEMORY');
      const connections = service.connections();
      return {
        status: 200,
        headers: NO_STORE,
        body: {
          status: reasons.length === 0 ? 'ok' : 'degraded',
          reasons,
          version: MOCK_SERVER_VERSION,
          uptimeSeconds: Math.max(0, service.now() - service.startedAt) / 1000,
          startedAt: formatInstant(service.startedAt),
          storage: { kind, ...(location !== undefined && service.showsLocation ? { location } : {}), writable, compacting, entriesSinceSnapshot, restoring, unrestorable, replayRefused: refused },
          sandboxes: ctx.registry.size,
          ...(connections !== undefined ? { connections } : {}),
          ...(memory !== undefined ? { memory } : {}),
        },
      };
    },
  },
  {
    method: 'GET', path: READINESS_PATH, operationId: 'getReadiness', jsonBody: false,
    handler(ctx) {
      if (serviceOf(ctx).storage.writable) return { status: 200, headers: NO_STORE, body: { ready: true } };
      return ctx.problem('SERVICE_UNAVAILABLE', {
        detail: 'the storage cannot take writes now (writes answer 503 STORAGE_UNAVAILABLE; reads go on); ready again once a probe of the store succeeds',
        extensions: { retryAfterSeconds: NOT_READY_RETRY_AFTER_SECONDS },
        headers: { ...NO_STORE, [HEADERS.retryAfter]: String(NOT_READY_RETRY_AFTER_SECONDS) },
      });
    },
  },
];
