import { CalendarError } from '@gdx/calendar';
import type { ProblemCode } from '@gdx/protocol';
import type { Sandbox } from '../sandbox/sandbox.js';
import { bearerTokenOf } from './bearer-token.js';
import { createdLocation } from './created-location.js';
import type { DispatchRequest } from './dispatch-types.js';
import type { SandboxRegistry } from '../sandbox/registry.js';
import type { Organisation, OperationResult, PlatformModule } from './platform-module.js';
import { PlatformProblem } from './platform-problem.js';
import type { ProblemResultOptions } from './problem-response.js';
import { requestOrigin, transportOrigin } from './request-origin.js';
import type { CoreRoute } from './route-table.js';
import type { ServiceStatus } from './sim/service-status.js';

/** Validated input of one request, ready for its handler. */
export interface ExecutionInput {
  route: CoreRoute;
  registry: SandboxRegistry;
  platforms: readonly PlatformModule<unknown>[];
  sandbox: Sandbox | undefined;
  caller: Organisation | undefined;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  requestId: string;
  /** The request as the transport gave it: the origin and API root of answers' absolute URLs are worked out from it only when a handler reads them. */
  request: DispatchRequest;
  wall: () => number;
  /** `true` while a journal entry is replayed (see `SimRouteContext.replaying`). */
  replaying: boolean;
  /** The app's start and storage, for the simulation API's `/health` and `/ready`. */
  service?: ServiceStatus | undefined;
}

/** A problem answer as an `OperationResult` (the core renders it to problem+json). */
export interface ProblemResult extends OperationResult {
  problem: { code: ProblemCode; options: ProblemResultOptions };
}

function problemResult(code: ProblemCode, options: ProblemResultOptions = {}): ProblemResult {
  return { status: 0, problem: { code, options } };
}

/**
 * Runs the route's handler synchronously. A `PlatformProblem` thrown by platform code and a
 * `CALENDAR_NOT_PUBLISHED` from the calendar become problem answers; anything else propagates
 * (the core answers 500 `INTERNAL`).
 *
 * @example
 * ```ts
 * const result = executeOperation(input); // { status: 201, body: {...} }
 * ```
 */
export function executeOperation(input: ExecutionInput): OperationResult | ProblemResult {
  try {
    const { route } = input;
    if (route.kind === 'sim') {
      return route.route.handler({
        operationId: route.route.operationId,
        registry: input.registry,
        sandbox: input.sandbox,
        platforms: input.platforms,
        params: input.params,
        query: input.query,
        body: input.body,
        requestId: input.requestId,
        get origin() {
          return requestOrigin(input.request);
        },
        wall: input.wall,
        replaying: input.replaying,
        service: input.service,
        problem: problemResult,
      });
    }
    const sandbox = input.sandbox as Sandbox;
    return route.handler({
      sandbox,
      state: sandbox.stateOf(route.platform.name),
      caller: input.caller,
      platform: route.platform.name,
      operationId: route.operationId,
      method: input.request.method,
      headers: input.request.headers,
      params: input.params,
      query: input.query,
      body: input.body,
      requestId: input.requestId,
      replaying: input.replaying,
      get apiBase() {
        return `${transportOrigin(input.request)}${createdLocation(input.request, route, '')}`;
      },
      get bearerToken() {
        return bearerTokenOf(input.request.headers.authorization);
      },
      problem: problemResult,
    });
  } catch (error) {
    if (error instanceof PlatformProblem) return problemResult(error.code, error.options);
    if (error instanceof CalendarError && error.code === 'CALENDAR_NOT_PUBLISHED') {
      return problemResult('CALENDAR_NOT_PUBLISHED', { detail: error.message, extensions: { year: error.year } });
    }
    throw error;
  }
}

/** Whether a handler's answer is a problem to render. */
export function isProblemResult(result: OperationResult): result is ProblemResult {
  return 'problem' in result && (result as ProblemResult).problem !== undefined;
}
