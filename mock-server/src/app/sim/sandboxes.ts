import type { ProfileRef, ReviewerPolicy } from '../platform-module.js';
import { DEFAULT_SANDBOX_ID, SANDBOX_ID_PATTERN, type SandboxRequest } from '../../sandbox/registry.js';
import type { SandboxSnapshot } from '../../sandbox/sandbox.js';
import { bodyObject, invalidField, sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';
import { parseInstant } from './parse-instant.js';
import { sandboxView } from './sandbox-view.js';
import { KNOWN_PROFILES } from './known-profiles.js';

const POLICIES: readonly ReviewerPolicy[] = ['auto', 'manual', 'late'];

function parseRequest(ctx: SimRouteContext): SandboxRequest | ReturnType<typeof invalidField> {
  const body = ctx.body === undefined ? {} : bodyObject(ctx);
  if (!body) return invalidField(ctx, '', 'the body must be a JSON object', '请求体须为 JSON 对象');
  const request: SandboxRequest = {};
  if (body.id !== undefined) {
    if (typeof body.id !== 'string' || !SANDBOX_ID_PATTERN.test(body.id)) return invalidField(ctx, '/id', 'id must match ^[a-z0-9][a-z0-9_-]{0,62}$', '沙箱标识格式错误');
    request.id = body.id;
  }
  if (body.profile !== undefined) {
    const ok = (typeof body.profile === 'string' && KNOWN_PROFILES.includes(body.profile)) || (body.profile !== null && typeof body.profile === 'object' && !Array.isArray(body.profile));
    if (!ok) return invalidField(ctx, '/profile', `profile must be one of ${KNOWN_PROFILES.join(', ')} or an inline profile object`, '未知的辖区配置');
    request.profile = body.profile as ProfileRef;
  }
  if (body.seed !== undefined) {
    if ((typeof body.seed !== 'string' || body.seed.length === 0 || body.seed.length > 128) && !Number.isSafeInteger(body.seed)) return invalidField(ctx, '/seed', 'seed must be a string (1–128 chars) or an integer', '随机种子须为字符串或整数');
    request.seed = String(body.seed);
  }
  if (body.startAt !== undefined) {
    const at = parseInstant(body.startAt);
    if (at === undefined) return invalidField(ctx, '/startAt', 'startAt must be an RFC 3339 instant with an offset', 'startAt 须为带时区偏移的 RFC 3339 时间');
    request.startAt = at;
  }
  if (body.clock !== undefined) {
    if (body.clock !== 'virtual' && body.clock !== 'realtime') return invalidField(ctx, '/clock', 'clock must be virtual or realtime', '时钟模式须为 virtual 或 realtime');
    request.clock = body.clock;
  }
  if (body.reviewerPolicy !== undefined) {
    if (!POLICIES.includes(body.reviewerPolicy as ReviewerPolicy)) return invalidField(ctx, '/reviewerPolicy', 'reviewerPolicy must be auto, manual or late', '审核策略须为 auto、manual 或 late');
    request.reviewerPolicy = body.reviewerPolicy as ReviewerPolicy;
  }
  return request;
}

function isSnapshot(value: unknown): value is SandboxSnapshot {
  const s = value as Partial<SandboxSnapshot> | null;
  return (
    s !== null && typeof s === 'object' && s.format === 'gdx-sandbox-snapshot' && s.version === 1 &&
    typeof s.config?.id === 'string' && SANDBOX_ID_PATTERN.test(s.config.id) && Array.isArray(s.organisations) &&
    typeof s.clock?.value === 'number' && Array.isArray(s.events) && Array.isArray(s.idempotency) &&
    Array.isArray(s.faults) && Array.isArray(s.webhooks) && Array.isArray(s.calendarYears) &&
    typeof s.platforms === 'object' && s.platforms !== null && Array.isArray(s.random?.platform) && Array.isArray(s.random?.faults)
  );
}

/** Sandboxes: create, list, get, delete, reset, reviewer policy, snapshot export and import. */
export const sandboxRoutes: readonly SimRoute[] = [
  {
    method: 'POST', path: '/sandboxes', operationId: 'createSandbox', jsonBody: true,
    handler(ctx) {
      const request = parseRequest(ctx);
      if ('status' in request) return request;
      const sandbox = ctx.registry.create(request);
      if (!sandbox) return ctx.problem('CONFLICT', { detail: `sandbox ${request.id} already exists` });
      return { status: 201, body: sandboxView(sandbox, ctx.platforms), headers: { location: `/_sim/v1/sandboxes/${sandbox.id}` } };
    },
  },
  {
    method: 'GET', path: '/sandboxes', operationId: 'listSandboxes', jsonBody: false,
    handler: (ctx) => {
      const items = ctx.registry.list().map((s) => sandboxView(s, ctx.platforms));
      return { status: 200, body: { items, nextCursor: null, total: items.length } };
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}', operationId: 'getSandbox', jsonBody: false,
    handler: (ctx) => ({ status: 200, body: sandboxView(sandboxOf(ctx), ctx.platforms) }),
  },
  {
    method: 'DELETE', path: '/sandboxes/{sandboxId}', operationId: 'deleteSandbox', jsonBody: false,
    handler(ctx) {
      const { id } = sandboxOf(ctx);
      if (id === DEFAULT_SANDBOX_ID) return ctx.problem('CONFLICT', { detail: 'the default sandbox cannot be deleted; reset it instead' });
      ctx.registry.delete(id);
      return { status: 204 };
    },
  },
  {
    method: 'POST', path: '/sandboxes/{sandboxId}/reset', operationId: 'resetSandbox', jsonBody: false,
    handler(ctx) {
      const sandbox = ctx.registry.reset(sandboxOf(ctx).id);
      return sandbox ? { status: 200, body: sandboxView(sandbox, ctx.platforms) } : ctx.problem('NOT_FOUND');
    },
  },
  {
    method: 'PUT', path: '/sandboxes/{sandboxId}/reviewer-policy', operationId: 'setReviewerPolicy', jsonBody: true,
    handler(ctx) {
      const policy = bodyObject(ctx)?.policy;
      if (!POLICIES.includes(policy as ReviewerPolicy)) return invalidField(ctx, '/policy', 'policy must be auto, manual or late', '审核策略须为 auto、manual 或 late');
      sandboxOf(ctx).reviewerPolicy = policy as ReviewerPolicy;
      return { status: 200, body: { policy } };
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/snapshot', operationId: 'exportSnapshot', jsonBody: false,
    handler: (ctx) => ({ status: 200, body: sandboxOf(ctx).snapshot() }),
  },
  {
    method: 'POST', path: '/sandboxes/import', operationId: 'importSnapshot', jsonBody: true,
    handler(ctx) {
      if (!isSnapshot(ctx.body)) return invalidField(ctx, '', 'the body must be a snapshot exported by GET /sandboxes/{id}/snapshot', '请求体须为导出的沙箱快照');
      try {
        const sandbox = ctx.registry.import(structuredClone(ctx.body));
        return { status: 201, body: sandboxView(sandbox, ctx.platforms) };
      } catch (error) {
        return invalidField(ctx, '', `the snapshot cannot be restored: ${error instanceof Error ? error.message : String(error)}`, '快照无法恢复');
      }
    },
  },
];
