import { HEADERS } from '@gdx/protocol';
import type { OpenApiDocument, OperationHandler, PlatformModule } from './platform-module.js';
import { compileValidators, type RequestValidator } from './request-validator.js';
import { Router } from './router.js';
import { readSpecOperations, type Authentication, type SpecOperation } from './spec-operations.js';
import type { SimRoute } from './sim/sim-route.js';

/** A mounted platform operation. */
export interface PlatformRoute {
  kind: 'platform';
  operationId: string;
  method: string;
  platform: PlatformModule<unknown>;
  handler: OperationHandler<unknown>;
  validator: RequestValidator | undefined;
  /** Whether the dispatcher checks a signature (always, when one is sent, or never), from the contract's `security`. */
  authentication: Authentication;
  jsonBody: boolean;
  /** The contract says the operation stores nothing (`x-gdx-stores-nothing`): no sandbox quota applies. */
  storesNothing: boolean;
}

/** A mounted simulation API route. */
export interface SimApiRoute {
  kind: 'sim';
  operationId: string;
  method: string;
  route: SimRoute;
  validator: RequestValidator | undefined;
  jsonBody: boolean;
  /**
   * Where the operation's `Idempotency-Key` records live, when the contract gives it the header:
   * the sandbox's own store when the path names a sandbox, else the app's (creating or importing
   * a sandbox, `SandboxRegistry.idempotency`).
   */
  idempotency: 'sandbox' | 'app' | undefined;
}

/** Anything the router can answer with. */
export type CoreRoute = PlatformRoute | SimApiRoute;

/** Prefix of the simulation API. */
export const SIM_PREFIX = '/_sim/v1';

/**
 * Compiles the router once: each platform's operations (those with a handler) at
 * `/{platform}/v1…` (sandbox `default`) and `/sandboxes/{sandboxId}/{platform}/v1…`, and the
 * simulation API at `/_sim/v1…`. Validators come from the platform documents; a simulation route
 * is validated with the simulation document when that has an operation at the same method and path.
 *
 * @example
 * ```ts
 * const router = buildRouter(platforms, SIM_ROUTES, simulationSpec);
 * router.match('GET', '/catalog/v1/search');
 * ```
 */
export function buildRouter(
  platforms: readonly PlatformModule<unknown>[],
  simRoutes: readonly SimRoute[],
  simulationSpec: OpenApiDocument | undefined,
): Router<CoreRoute> {
  const definitions: { method: string; template: string; value: CoreRoute }[] = [];
  for (const platform of platforms) {
    const operations = readSpecOperations(platform.spec);
    const validators = compileValidators(platform.spec, platform.name, operations);
    for (const op of operations) {
      const handler = platform.operations[op.operationId];
      if (!handler) continue;
      const route = oneShape({
        kind: 'platform',
        operationId: op.operationId,
        method: op.method,
        platform,
        handler,
        validator: validators.get(op.operationId),
        authentication: op.authentication,
        jsonBody: op.jsonBody !== undefined,
        storesNothing: op.storesNothing,
      });
      definitions.push({ method: op.method, template: `/${platform.name}/v1${op.path}`, value: route });
      definitions.push({ method: op.method, template: `/sandboxes/{sandboxId}/${platform.name}/v1${op.path}`, value: route });
    }
  }
  const simOperations = simulationSpec ? readSpecOperations(simulationSpec) : [];
  const simValidators = simulationSpec ? compileValidators(simulationSpec, 'simulation', simOperations) : new Map<string, RequestValidator>();
  for (const route of simRoutes) {
    const specOp = simOperations.find((op) => op.method === route.method && op.path === route.path);
    definitions.push({
      method: route.method,
      template: `${SIM_PREFIX}${route.path}`,
      value: oneShape({
        kind: 'sim',
        operationId: specOp?.operationId ?? route.operationId,
        method: route.method,
        route,
        validator: specOp ? simValidators.get(specOp.operationId) : undefined,
        jsonBody: route.jsonBody,
        idempotency: specOp && takesIdempotencyKey(specOp) ? (route.path.includes('{sandboxId}') ? 'sandbox' : 'app') : undefined,
      }),
    });
  }
  return new Router(definitions);
}

/**
 * The route with every field of both kinds, in one order (those of the other kind `undefined` or
 * `false`): the dispatcher reads routes of both kinds at the same sites, and objects of two
 * shapes there deoptimised its code when the first simulation request came after platform ones.
 */
function oneShape<R extends CoreRoute>(route: R): R {
  const p = route as Partial<PlatformRoute>;
  const s = route as Partial<SimApiRoute>;
  return {
    kind: route.kind,
    operationId: route.operationId,
    method: route.method,
    platform: p.platform,
    handler: p.handler,
    route: s.route,
    validator: route.validator,
    authentication: p.authentication ?? 'none',
    jsonBody: route.jsonBody,
    storesNothing: p.storesNothing ?? false,
    idempotency: s.idempotency,
  } as unknown as R;
}

/** Whether the contract gives the operation an `Idempotency-Key` header. */
function takesIdempotencyKey(op: SpecOperation): boolean {
  return op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === HEADERS.idempotencyKey);
}
