import type { DispatchRequest } from './dispatch-types.js';
import { SIM_PREFIX, type CoreRoute } from './route-table.js';

/**
 * The `Location` of a created resource: an absolute path from the server root, so that a client
 * resolving it against the URL it sent (RFC 9110 §10.2.2, RFC 3986 §5) reaches it on every
 * mount — the mount prefix an MSW transport stripped, the sandbox prefix, the API root
 * (`/{platform}/v1`, `/_sim/v1`), then the handler's path below it (`OperationResult.location`).
 *
 * @example
 * ```ts
 * createdLocation({ method: 'POST', path: '/sandboxes/sbx_1/registration/v1/applications', query: '', headers: {}, body: undefined }, route, '/applications/rga_1');
 * // '/sandboxes/sbx_1/registration/v1/applications/rga_1'
 * ```
 */
export function createdLocation(req: DispatchRequest, route: CoreRoute, below: string): string {
  return `${req.prefix ?? ''}${apiRoot(req.path, route)}${below}`;
}

/** The path of the API root the request was sent below: `/_sim/v1`, `/catalog/v1`, `/sandboxes/sbx_1/catalog/v1`. */
function apiRoot(path: string, route: CoreRoute): string {
  if (route.kind === 'sim') return SIM_PREFIX;
  const mount = `/${route.platform.name}/v1`;
  return path.startsWith('/sandboxes/') ? `${path.slice(0, path.indexOf('/', '/sandboxes/'.length))}${mount}` : mount;
}
