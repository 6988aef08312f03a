import type { FaultRule } from '../../sandbox/faults.js';
import { closestName, didYouMean } from '../did-you-mean.js';
import { bodyObject, invalidField, sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';

const KINDS = ['latency', 'rate_limit', 'server_error', 'connection_reset'] as const;
const MAX_LATENCY_MS = 60_000;
const MAX_RULES = 100;
const MAX_OPERATION_LENGTH = 200;

/**
 * The refusal of a rule's `operation` that names no operation of the mounted platforms, or
 * `undefined`. Such a rule never fires, so a client's test of its retries passed without one
 * retry (`listApplicationz`, or `advanceClock`: faults never touch the simulation API). `*` and a
 * path glob (`/…`) are taken as they are. Not while replaying: a rule set an older mock
 * acknowledged is restored as it was.
 */
function unknownOperation(operation: string, at: string, ctx: SimRouteContext): ReturnType<typeof invalidField> | undefined {
  if (ctx.replaying || operation === '*' || operation.startsWith('/')) return undefined;
  const known = ctx.platforms.flatMap((platform) => Object.keys(platform.operations));
  if (known.includes(operation)) return undefined;
  const suggestion = didYouMean(closestName(operation, known));
  return invalidField(
    ctx,
    `${at}/operation`,
    `no platform operation is called ${JSON.stringify(operation)}${suggestion.en}: the rule would never fire; name an operationId of a platform (listApplications), * or a path glob (/registration/v1/applications/*)`,
    `没有名为 ${JSON.stringify(operation)} 的平台接口${suggestion.zh}：该规则永远不会生效；请填写平台接口的 operationId（如 listApplications）、* 或路径通配（如 /registration/v1/applications/*）`,
  );
}

function parseRule(raw: unknown, at: string, ctx: SimRouteContext): FaultRule | ReturnType<typeof invalidField> {
  const r = raw as Record<string, unknown> | null;
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return invalidField(ctx, at, 'a rule must be an object', '规则须为对象');
  if (typeof r.operation !== 'string' || r.operation.length === 0 || r.operation.length > MAX_OPERATION_LENGTH) return invalidField(ctx, `${at}/operation`, 'operation must be an operationId, * or a path glob', 'operation 须为 operationId、* 或路径通配');
  const unknownOp = unknownOperation(r.operation, at, ctx);
  if (unknownOp !== undefined) return unknownOp;
  if (typeof r.probability !== 'number' || !(r.probability >= 0 && r.probability <= 1)) return invalidField(ctx, `${at}/probability`, 'probability must be a number in [0, 1]', 'probability 须为 0–1 之间的数');
  if (!KINDS.includes(r.kind as FaultRule['kind'])) return invalidField(ctx, `${at}/kind`, `kind must be one of ${KINDS.join(', ')}`, '故障类型无效');
  const rule: FaultRule = { operation: r.operation, probability: r.probability, kind: r.kind as FaultRule['kind'] };
  if (r.latencyMs !== undefined || r.kind === 'latency') {
    if (r.kind !== 'latency' || !Number.isSafeInteger(r.latencyMs) || (r.latencyMs as number) < 0 || (r.latencyMs as number) > MAX_LATENCY_MS) return invalidField(ctx, `${at}/latencyMs`, `latencyMs is an integer 0–${MAX_LATENCY_MS}, for latency rules`, `latencyMs 仅用于 latency，取 0–${MAX_LATENCY_MS} 的整数`);
    rule.latencyMs = r.latencyMs as number;
  }
  if (r.status !== undefined) {
    if (r.kind !== 'server_error' || (r.status !== 500 && r.status !== 503)) return invalidField(ctx, `${at}/status`, 'status is 500 or 503 and only for server_error', 'status 仅用于 server_error，取 500 或 503');
    rule.status = r.status;
  }
  if (r.retryAfterSeconds !== undefined) {
    // Retry-After belongs to the answers that carry it: 429 and a server_error's 503.
    const carriesRetryAfter = r.kind === 'rate_limit' || (r.kind === 'server_error' && r.status === 503);
    if (!carriesRetryAfter || !Number.isSafeInteger(r.retryAfterSeconds) || (r.retryAfterSeconds as number) < 0 || (r.retryAfterSeconds as number) > 86_400) return invalidField(ctx, `${at}/retryAfterSeconds`, 'retryAfterSeconds is 0–86400 and only for rate_limit, or server_error with status 503', 'retryAfterSeconds 仅用于 rate_limit 或 status 为 503 的 server_error，取 0–86400');
    rule.retryAfterSeconds = r.retryAfterSeconds as number;
  }
  const known = ['operation', 'probability', 'kind', 'latencyMs', 'status', 'retryAfterSeconds', 'times'];
  const unknown = Object.keys(r).find((k) => !known.includes(k));
  if (unknown !== undefined) return invalidField(ctx, `${at}/${unknown}`, 'unknown field', '不允许的字段');
  if (r.times !== undefined) {
    if (!Number.isSafeInteger(r.times) || (r.times as number) < 1) return invalidField(ctx, `${at}/times`, 'times must be a positive integer', 'times 须为正整数');
    rule.times = r.times as number;
  }
  return rule;
}

/** Fault injection rules of a sandbox (replaced as a whole). */
export const faultRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/faults', operationId: 'getFaults', jsonBody: false,
    handler: (ctx) => ({ status: 200, body: { rules: sandboxOf(ctx).faults.list() } }),
  },
  {
    method: 'PUT', path: '/sandboxes/{sandboxId}/faults', operationId: 'setFaults', jsonBody: true,
    handler(ctx) {
      const raw = bodyObject(ctx)?.rules;
      if (!Array.isArray(raw) || raw.length > MAX_RULES) return invalidField(ctx, '/rules', `rules must be an array of at most ${MAX_RULES} rules`, `rules 须为不超过 ${MAX_RULES} 条规则的数组`);
      const rules: FaultRule[] = [];
      for (const [i, item] of raw.entries()) {
        const rule = parseRule(item, `/rules/${i}`, ctx);
        if (!('kind' in rule)) return rule;
        rules.push(rule);
      }
      sandboxOf(ctx).faults.set(rules);
      return { status: 200, body: { rules: sandboxOf(ctx).faults.list() } };
    },
  },
];
