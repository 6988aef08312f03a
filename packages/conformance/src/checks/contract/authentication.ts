import { fillPath, type Operation } from '../../specs/operations.js';
import { PLATFORM_CODES, type Check } from '../../runner/types.js';
import { expectProblem } from '../expect-problem.js';

/**
 * `CON-AUTH-<P>-<operationId>` for every signed operation: without signature headers the platform
 * answers 401 `SIGNATURE_MISSING`, before it looks at the body or the object.
 *
 * @example
 * ```ts
 * authenticationCheck(op)?.id; // 'CON-AUTH-REG-submitApplication'
 * ```
 */
export function authenticationCheck(op: Operation): Check | undefined {
  if (op.public) return undefined;
  return {
    id: `CON-AUTH-${PLATFORM_CODES[op.platform]}-${op.operationId}`,
    title: `${op.method} ${op.path} without a signature answers 401`,
    source: 'docs/design.md §Authentication (signing)',
    area: 'contract',
    platform: op.platform,
    needsSimulation: false,
    async run(ctx) {
      const path = fillPath(op.path, () => `zz-missing-${ctx.random.string(12)}`);
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(op.method);
      const res = await ctx.http(0).request(op.method, op.platform, path, { sign: false, ...(hasBody ? { json: {} } : {}) });
      expectProblem(ctx.expect, res, 401, 'SIGNATURE_MISSING', `unsigned ${op.method} ${op.path}`);
    },
  };
}
