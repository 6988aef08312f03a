import { loadBundledSpec } from '@gdx/openapi';
import type { App } from '../../src/index.js';
import type { SpecName } from './contract.js';

type Json = Record<string, any>;
const declaredByOperation = new Map<string, ReadonlySet<string> | null>();

/** The statuses an operation of a contract declares (`null`: the contract has no such operation). */
function declaredStatuses(spec: SpecName, operationId: string): ReadonlySet<string> | null {
  const key = `${spec} ${operationId}`;
  let found = declaredByOperation.get(key);
  if (found !== undefined) return found;
  found = null;
  for (const item of Object.values((loadBundledSpec(spec) as Json).paths as Json)) {
    for (const operation of Object.values(item as Json)) {
      if ((operation as Json)?.operationId === operationId) found = new Set(Object.keys((operation as Json).responses));
    }
  }
  declaredByOperation.set(key, found);
  return found;
}

/**
 * Watches every answer `app` gives to an operation of the served contracts (the route the core
 * matched, `meta.operationId`) and lists those whose status that operation does not declare, as
 * a validating proxy (Prism) would find them: `simulation createSandbox 409 CONFLICT (POST
 * /_sim/v1/sandboxes)`. Every transport calls `app.dispatch`, so wrapping it sees them all; the
 * harness fails the test that closes an app with any. An injected connection reset (status 0) is
 * no answer and is left out.
 *
 * @example
 * ```ts
 * const undeclared = watchDeclaredStatuses(app);
 * await app.dispatch(request);
 * expect(undeclared).toEqual([]);
 * ```
 */
export function watchDeclaredStatuses(app: App): string[] {
  const undeclared: string[] = [];
  const dispatch = app.dispatch;
  app.dispatch = async (request) => {
    const answer = await dispatch(request);
    const meta = answer.meta;
    if (meta?.platform && meta.operationId && answer.status !== 0) {
      const spec = (meta.platform === 'sim' ? 'simulation' : meta.platform) as SpecName;
      const declared = declaredStatuses(spec, meta.operationId);
      if (declared && !declared.has(String(answer.status)) && !declared.has('default')) {
        undeclared.push(`${spec} ${meta.operationId} ${answer.status} ${meta.problemCode ?? ''} (${request.method} ${request.path})`);
      }
    }
    return answer;
  };
  return undeclared;
}
