import { formatShanghaiInstant } from '@gdx/calendar';
import { asOnceAccepted, builtinProfileNames, ProfileError, resolveProfile } from '@gdx/procedures';
import type { OperationResult, ProfileRef, ReviewerPolicy } from '../platform-module.js';
import { DEFAULT_SANDBOX_ID, SANDBOX_ID_PATTERN, type SandboxRequest } from '../../sandbox/registry.js';
import { PlatformStateError, type SandboxSnapshot } from '../../sandbox/sandbox.js';
import { jsonInParts } from '../json-parts.js';
import { listPage } from '../paging.js';
import { bodyObject, invalidField, sandboxOf, type SimResult, type SimRoute, type SimRouteContext } from './sim-route.js';
import { parseInstant } from './parse-instant.js';
import { sandboxView } from './sandbox-view.js';
import { SNAPSHOT_FORMAT, stateFault } from './snapshot-format.js';
import { parseReviewerPolicy } from './reviewer-policy.js';
import { QUOTA_NAMES, type SandboxQuotas } from '../../sandbox/quotas.js';
import { CLOCK_RANGE_TEXT, withinClockBounds } from '../../sandbox/clock-bounds.js';

function parseRequest(ctx: SimRouteContext): SandboxRequest | ReturnType<typeof invalidField> {
  const body = bodyObject(ctx);
  if (!body) return invalidField(ctx, '', 'the body must be a JSON object', '请求体须为 JSON 对象');
  const request: SandboxRequest = {};
  if (body.id !== undefined) {
    if (typeof body.id !== 'string' || !SANDBOX_ID_PATTERN.test(body.id)) return invalidField(ctx, '/id', 'id must match ^[A-Za-z0-9_-]{1,64}$', '沙箱标识格式错误');
    request.id = body.id;
  }
  const profile = body.profile;
  const known = typeof profile === 'string' && builtinProfileNames.includes(profile);
  const inline = profile !== null && typeof profile === 'object' && !Array.isArray(profile);
  if (!known && !inline) {
    return invalidField(ctx, '/profile', `profile must be one of ${builtinProfileNames.join(', ')} or an inline profile`, '辖区配置须为内置名称或自定义配置');
  }
  if (inline) {
    // Platforms build their procedures from the profile: refuse one they could not use, at each bad
    // field. A replayed create was answered 201 before repeated values and overlong rules citations
    // were refused: it is taken as then (`asOnceAccepted`, as the hosts take it), else the sandbox
    // and everything journaled in it after would be lost.
    try {
      resolveProfile((ctx.replaying ? asOnceAccepted(profile) : profile) as object);
    } catch (error) {
      if (!(error instanceof ProfileError) || error.issues.length === 0) {
        return invalidField(ctx, '/profile', `the inline profile is invalid: ${error instanceof Error ? error.message : String(error)}`, '自定义辖区配置无效');
      }
      return ctx.problem('VALIDATION_FAILED', {
        detail: `the inline profile is invalid: ${error.issues.map((i) => `/profile${i.pointer}: ${i.message}`).join('; ')}`,
        errors: error.issues.map((i) => ({ pointer: `/profile${i.pointer}`, code: i.code, message: { zh: i.messageZh, en: i.message } })),
      });
    }
  }
  request.profile = profile as ProfileRef;
  if (body.seed !== undefined) {
    if (!Number.isSafeInteger(body.seed) || (body.seed as number) < 0) return invalidField(ctx, '/seed', 'seed must be a non-negative integer', '随机种子须为非负整数');
    request.seed = body.seed as number;
  }
  if (body.startAt !== undefined) {
    const at = parseInstant(body.startAt);
    if (at === undefined) return invalidField(ctx, '/startAt', 'startAt must be an RFC 3339 instant with an offset', 'startAt 须为带时区偏移的 RFC 3339 时间');
    // Also a realtime clock's: it starts there and runs on (the range's end leaves it a century).
    // A create acknowledged before the range existed is replayed as it was.
    if (!ctx.replaying && !withinClockBounds(at)) return invalidField(ctx, '/startAt', `startAt must be ${CLOCK_RANGE_TEXT.en}`, `startAt ${CLOCK_RANGE_TEXT.zh}`);
    request.startAt = at;
  }
  if (body.clock !== undefined) {
    const mode = (body.clock as { mode?: unknown } | null)?.mode;
    if (mode !== 'virtual' && mode !== 'realtime') return invalidField(ctx, '/clock/mode', 'clock.mode must be virtual or realtime', '时钟模式须为 virtual 或 realtime');
    request.clock = mode;
  }
  if (body.reviewerPolicy !== undefined) {
    const policy = parseReviewerPolicy(body.reviewerPolicy);
    if (!policy) return invalidField(ctx, '/reviewerPolicy', 'reviewerPolicy must be { mode: auto | manual | late, … }', '审核策略无效');
    request.reviewerPolicy = policy;
  }
  if (body.quotas !== undefined) {
    const quotas = parseQuotas(body.quotas);
    if (typeof quotas === 'string') return invalidField(ctx, `/quotas${quotas === '' ? '' : `/${quotas}`}`, 'quotas must be { objects?, events?, storedBytes? }, each a positive integer', '配额须为正整数（objects、events、storedBytes）');
    request.quotas = quotas;
  }
  return request;
}

/** The `quotas` of a create request, or the name of the first bad field (`''`: not an object). */
function parseQuotas(value: unknown): Partial<SandboxQuotas> | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  const quotas: Partial<SandboxQuotas> = {};
  for (const [name, n] of Object.entries(value)) {
    if (!QUOTA_NAMES.includes(name as keyof SandboxQuotas) || !Number.isSafeInteger(n) || (n as number) < 1) return name;
    quotas[name as keyof SandboxQuotas] = n as number;
  }
  return quotas;
}

/**
 * The 409 `SANDBOX_LIMIT_REACHED` a create or an import gets while the app holds as many
 * sandboxes as it allows, or `undefined`. Not while replaying: the entry was acknowledged, and a
 * lower limit given since must not drop the sandbox it made.
 */
function limitReached(ctx: SimRouteContext): OperationResult | undefined {
  const { size: used, maxSandboxes: limit } = ctx.registry;
  if (ctx.replaying || used < limit) return undefined;
  return ctx.problem('SANDBOX_LIMIT_REACHED', { detail: `the server holds ${used} sandboxes, its limit (--max-sandboxes): delete one no longer used`, extensions: { limit, used } });
}

/**
 * 409 `WEBHOOK_LIMIT_REACHED` when a snapshot holds more webhooks than a sandbox may
 * (`--max-webhooks`): imported, it would deliver each event to all of them, past the bound a
 * subscription is refused at. Not while replaying: an import acknowledged before this check
 * (or under a higher limit) is restored as it was.
 */
function webhooksPastLimit(ctx: SimRouteContext, state: SandboxSnapshot): OperationResult | undefined {
  // Before `state.webhooks` is read: a replayed state skipped `stateFault`, so it may hold no array there.
  if (ctx.replaying) return undefined;
  const used = state.webhooks.length;
  const limit = ctx.registry.maxWebhooks;
  if (used <= limit) return undefined;
  return ctx.problem('WEBHOOK_LIMIT_REACHED', {
    detail: `the snapshot holds ${used} webhooks, more than a sandbox may (--max-webhooks ${limit}): delete some before exporting it, or start the server with a higher --max-webhooks`,
    errors: [{
      pointer: '/snapshot/state/webhooks',
      code: 'WEBHOOK_LIMIT_REACHED',
      message: { zh: `快照含 ${used} 个回调订阅，超过每个沙箱的上限 ${limit}（--max-webhooks）`, en: `the snapshot holds ${used} webhooks, more than the ${limit} a sandbox may hold (--max-webhooks)` },
    }],
    extensions: { limit, used },
  });
}

/**
 * The 400 of a snapshot whose clock is past the range a clock may be in (`clock-bounds.ts`): where
 * it starts again at a reset (`config.startAt`) or runs now (`clock.value`, a realtime clock's
 * offset from wall time). Restored, such a sandbox would answer 500 wherever it writes a date.
 */
function clockOutOfBounds(ctx: SimRouteContext, state: SandboxSnapshot): OperationResult | undefined {
  if (!withinClockBounds(state.config.startAt)) return invalidField(ctx, '/snapshot/state/config/startAt', `config.startAt must be an instant (epoch ms) ${CLOCK_RANGE_TEXT.en}`, `config.startAt（毫秒时间戳）${CLOCK_RANGE_TEXT.zh}`);
  const now = state.clock.mode === 'virtual' ? state.clock.value : ctx.wall() + state.clock.value;
  if (!withinClockBounds(now)) return invalidField(ctx, '/snapshot/state/clock/value', `the clock must be ${CLOCK_RANGE_TEXT.en}`, `时钟${CLOCK_RANGE_TEXT.zh}`);
  return undefined;
}

/** Sandboxes: create, list, get, delete, reset, reviewer policy, snapshot export and import. */
export const sandboxRoutes: readonly SimRoute[] = [
  {
    method: 'POST', path: '/sandboxes', operationId: 'createSandbox', jsonBody: true,
    handler(ctx) {
      const request = parseRequest(ctx);
      if ('status' in request) return request;
      const full = limitReached(ctx);
      if (full) return full;
      // Made and answered as one: a failure draws no id or seed that a replay would not draw.
      return ctx.registry.atomically((): SimResult => {
        const sandbox = ctx.registry.create(request);
        if (!sandbox) return ctx.problem('CONFLICT', { detail: `sandbox ${request.id} already exists` });
        return { status: 201, body: sandboxView(sandbox, ctx.origin), location: `/sandboxes/${sandbox.id}`, madeSandbox: sandbox.id };
      });
    },
  },
  {
    method: 'GET', path: '/sandboxes', operationId: 'listSandboxes', jsonBody: false,
    handler(ctx) {
      return { status: 200, body: listPage(ctx, ctx.registry.list(), ['string'], (s) => [s.id], (s) => sandboxView(s, ctx.origin)) };
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}', operationId: 'getSandbox', jsonBody: false,
    handler: (ctx) => ({ status: 200, body: sandboxView(sandboxOf(ctx), ctx.origin) }),
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
      return sandbox ? { status: 200, body: sandboxView(sandbox, ctx.origin) } : ctx.problem('NOT_FOUND');
    },
  },
  {
    method: 'PUT', path: '/sandboxes/{sandboxId}/reviewer-policy', operationId: 'setReviewerPolicy', jsonBody: true,
    handler(ctx) {
      const policy = parseReviewerPolicy(ctx.body);
      if (!policy) return invalidField(ctx, '', 'the body must be { mode: auto | manual | late, … }', '审核策略无效');
      const sandbox = sandboxOf(ctx);
      sandbox.reviewerPolicy = policy satisfies ReviewerPolicy;
      return { status: 200, body: structuredClone(sandbox.reviewerPolicy) };
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/snapshot', operationId: 'exportSnapshot', jsonBody: false,
    handler(ctx) {
      const sandbox = sandboxOf(ctx);
      // `snapshot()` is the state of now, which no later write reaches (copied where writes change
      // it, shared where they only replace): the document is of this instant however long its text
      // takes. That text (~190 MB for 20,000 registration applications a year on) is made a slice
      // at a time, so the process answers other requests (its probes) meanwhile.
      const snapshot = { format: SNAPSHOT_FORMAT, exportedAt: formatShanghaiInstant(sandbox.now()), sandbox: sandboxView(sandbox, ctx.origin), state: sandbox.snapshot() };
      return { status: 200, jsonParts: jsonInParts(snapshot) };
    },
  },
  {
    method: 'POST', path: '/sandboxes/import', operationId: 'importSnapshot', jsonBody: true,
    handler(ctx) {
      const body = bodyObject(ctx);
      const snapshot = (body?.snapshot as { format?: unknown; state?: unknown } | undefined) ?? undefined;
      if (snapshot?.format !== SNAPSHOT_FORMAT) {
        return invalidField(ctx, '/snapshot', 'snapshot must be a document exported by GET /sandboxes/{id}/snapshot', 'snapshot 须为导出的沙箱快照');
      }
      // What a restore reads is checked first, at the field: a snapshot that breaks it answers 400, never 500 or a sandbox missing a part.
      // A replayed import was answered 201 before these checks existed: it is restored as it was then.
      const fault = ctx.replaying ? undefined : stateFault(snapshot.state, ctx.platforms.map((platform) => platform.name));
      if (fault) return invalidField(ctx, `/snapshot/state${fault.pointer}`, fault.en, fault.zh);
      const state = snapshot.state as SandboxSnapshot;
      const clockFault = ctx.replaying ? undefined : clockOutOfBounds(ctx, state);
      if (clockFault) return clockFault;
      const id = body?.id ?? state.config.id;
      if (typeof id !== 'string' || !SANDBOX_ID_PATTERN.test(id)) return invalidField(ctx, '/id', 'id must match ^[A-Za-z0-9_-]{1,64}$', '沙箱标识格式错误');
      const full = limitReached(ctx) ?? webhooksPastLimit(ctx, state);
      if (full) return full;
      // Made and answered as one: a failure leaves no sandbox and counts no generation.
      return ctx.registry.atomically((): SimResult => {
        let sandbox;
        try {
          // The state was parsed from this request's body for it alone (the journal keeps the text):
          // the sandbox takes it over. A copy first was half of an import (42.7 → 19.6 ms, 1 MB).
          sandbox = ctx.registry.import(state, id);
        } catch (error) {
          const pointer = error instanceof PlatformStateError ? `/snapshot/state/platforms/${error.platform}` : '/snapshot/state';
          return invalidField(ctx, pointer, `the snapshot cannot be restored: ${error instanceof Error ? error.message : String(error)}`, '快照无法恢复');
        }
        if (!sandbox) return ctx.problem('CONFLICT', { detail: `sandbox ${id} already exists` });
        return { status: 201, body: sandboxView(sandbox, ctx.origin), location: `/sandboxes/${sandbox.id}`, madeSandbox: sandbox.id };
      });
    },
  },
];
