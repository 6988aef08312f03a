import { HEADERS } from '@gdx/protocol';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { DispatchMeta, DispatchRequest, DispatchResponse } from './dispatch-types.js';
import type { CoreRoute } from './route-table.js';
import type { Router } from './router.js';
import { sandboxIdOfPath } from './route-suggestions.js';
import { isContractsPath } from './served-contracts.js';
import { isSimPath } from './sim-access.js';

/**
 * The meta of a request nothing is known of yet, filled in as the core learns (route, sandbox, caller).
 *
 * @example
 * ```ts
 * blankMeta('req_1').operationId; // null
 * ```
 */
export function blankMeta(requestId: string): DispatchMeta {
  return { requestId, sandboxId: null, platform: null, operationId: null, organizationId: null, appKey: null, problemCode: null, journaled: true };
}

/**
 * The answer with what the core learnt of its request; the problem code is taken where the
 * problem was made (`problemResponse`), not parsed back from the body. Every answer of the
 * dispatcher is an object made for its request, so the meta is set on it in place (no copy).
 *
 * @example
 * ```ts
 * withMeta(problemResponse('NOT_FOUND', {}, 'req_1', '/x'), blankMeta('req_1')).meta?.problemCode; // 'NOT_FOUND'
 * ```
 */
export function withMeta(response: DispatchResponse, meta: DispatchMeta): DispatchResponse {
  if (response.problemCode !== undefined) meta.problemCode = response.problemCode;
  response.meta = meta;
  return response;
}

/**
 * The meta of a request refused before routing (size limits, the sim token, a write that is not
 * JSON) and the served contracts: the sandbox its path names and the operation its method and
 * path match (the route only: nothing of the request is read for it), and the organisation of
 * the app key it presents when `sandboxOf` knows its sandbox. Refusals of the
 * simulation API are not journaled: a caller without the sim token must not be able to fill a
 * sandbox's journal. The contracts belong to no sandbox: they are logged, never journaled.
 *
 * @example
 * ```ts
 * refusalMeta(request, refusal, router, (id) => registry.get(id)).sandboxId; // 'default' for '/registration/v1/applications'
 * ```
 */
export function refusalMeta(request: DispatchRequest, refusal: DispatchResponse, router: Router<CoreRoute>, sandboxOf: (id: string) => Sandbox | undefined): DispatchMeta {
  const contracts = isContractsPath(request.path);
  const match = contracts ? undefined : router.match(request.method, request.path);
  const route = match?.kind === 'found' ? match.value : undefined;
  const sandboxId = contracts ? null : sandboxIdOfPath(request.path);
  const appKey = request.headers[HEADERS.appKey] ?? null;
  return {
    ...blankMeta(refusal.headers[HEADERS.requestId] ?? ''),
    sandboxId,
    platform: route === undefined ? null : route.kind === 'sim' ? 'sim' : route.platform.name,
    operationId: route?.operationId ?? null,
    // Who tried, as for the core's own refusals (the signature is not checked: nothing was read).
    organizationId: appKey === null || sandboxId === null ? null : (sandboxOf(sandboxId)?.organisationByAppKey(appKey)?.id ?? null),
    appKey,
    problemCode: refusal.problemCode ?? null,
    journaled: !contracts && !isSimPath(request.path),
  };
}
