import type { PlatformName, SimCommandContext } from '../platform-module.js';
import { foreignMembers } from './action-forms.js';
import { blankMembers, blankTextError, blankTexts } from '../blank-text.js';
import { DATA_OBJECTION_TEXTS } from '../../platforms/workflow-host/index.js';
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
  // A member the contract gives to other platforms' objects (a revocation's registration ground):
  // refused live, as the timeline does not offer it; an action a journal holds replays as answered.
  const foreign = hook === 'act' && !ctx.replaying ? foreignMembers(String(body.action), platform.name, body) : [];
  if (foreign.length > 0) {
    return ctx.problem('VALIDATION_FAILED', {
      detail: `${foreign.map((m) => `/${m}`).join(', ')}: not taken by ${String(body.action)} on the ${platform.name} platform`,
      errors: foreign.map((m) => ({
        pointer: `/${m}`,
        code: 'FIELD_NOT_APPLICABLE',
        message: { zh: `${m} 不适用于${platform.name}平台的该操作（如撤销事由仅适用于登记），请以书面理由说明`, en: `${m} does not apply to ${String(body.action)} on the ${platform.name} platform (a revocation ground is a registration's); give written reasons` },
      })),
    });
  }
  // Written text of white space only: refused live; a journaled one replays as it was answered.
  const blank = ctx.replaying ? [] : blankWrittenTexts(body, hook);
  if (blank.length > 0) {
    return ctx.problem('VALIDATION_FAILED', {
      detail: `${blank.join(', ')}: white space only`,
      errors: blank.map(blankTextError),
    });
  }
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

/** A data objection's written texts within a sim objection (`{ kind: 'data', objection: {…} }`), as its platform refuses them blank. */
const SIM_DATA_OBJECTION_TEXTS = DATA_OBJECTION_TEXTS.map((template) => `/objection${template}`);

/**
 * The pointers of a command's texts of white space only: every `text` member, and for a data
 * objection also what its platform requires written (`DATA_OBJECTION_TEXTS`: the description of
 * the data objected to), so that the simulation API takes no objection the platform would refuse.
 */
function blankWrittenTexts(body: Record<string, unknown>, hook: 'act' | 'object'): string[] {
  const found = blankTexts(body);
  if (hook !== 'object' || body.kind !== 'data') return found;
  return [...new Set([...found, ...blankMembers(body, SIM_DATA_OBJECTION_TEXTS)])];
}

/** Officials' actions and third-party objections, dispatched to the platform modules. */
export const officialRoutes: readonly SimRoute[] = [
  { method: 'POST', path: '/sandboxes/{sandboxId}/actions', operationId: 'actAsOfficial', jsonBody: true, handler: (ctx) => toPlatform(ctx, 'act') },
  { method: 'POST', path: '/sandboxes/{sandboxId}/objections', operationId: 'fileThirdPartyObjection', jsonBody: true, handler: (ctx) => toPlatform(ctx, 'object') },
];
