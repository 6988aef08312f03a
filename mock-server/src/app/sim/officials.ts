import type { PlatformName, SimCommandContext } from '../platform-module.js';
import { bodyObject, invalidField, sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';

/**
 * Routes a sim command to its platform: actions name it in `platform`; objections of
 * `kind: notice` go to registration (public notices are registration's), `kind: data` name it.
 */
function toPlatform(ctx: SimRouteContext, hook: 'act' | 'object') {
  const body = bodyObject(ctx);
  const name = hook === 'object' && body?.kind === 'notice' ? 'registration' : body?.platform;
  const platform = ctx.platforms.find((p) => p.name === name);
  if (!body || !platform) {
    return invalidField(ctx, '/platform', `platform must be one of ${ctx.platforms.map((p) => p.name).join(', ') || '(none mounted)'}`, 'platform 须为已挂载的平台');
  }
  const run = platform[hook];
  if (!run) return invalidField(ctx, '/platform', `platform ${platform.name} takes no ${hook === 'act' ? 'actions' : 'objections'}`, '该平台不支持此操作');
  const sandbox = sandboxOf(ctx);
  const command: SimCommandContext<unknown> = {
    sandbox,
    state: sandbox.stateOf(platform.name),
    platform: platform.name as PlatformName,
    body,
    requestId: ctx.requestId,
    replaying: ctx.replaying,
    problem: ctx.problem,
  };
  return run.call(platform, command);
}

/** Officials' actions and third-party objections, dispatched to the platform modules. */
export const officialRoutes: readonly SimRoute[] = [
  { method: 'POST', path: '/sandboxes/{sandboxId}/actions', operationId: 'actAsOfficial', jsonBody: true, handler: (ctx) => toPlatform(ctx, 'act') },
  { method: 'POST', path: '/sandboxes/{sandboxId}/objections', operationId: 'fileThirdPartyObjection', jsonBody: true, handler: (ctx) => toPlatform(ctx, 'object') },
];
