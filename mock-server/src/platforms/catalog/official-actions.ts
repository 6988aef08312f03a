import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { applyOfficialAction, unknownActionObject } from '../workflow-host/index.js';
import type { CatalogState } from './catalog-state.js';

/**
 * Who acts: the city government decides an escalated sharing-type dispute (报市人民政府决定); every
 * other catalog action is the data authority's, also `withdraw`, which the provider may send too
 * (through the catalog API, never as an official).
 *
 * @example
 * ```ts
 * officialRole('decide_sharing_type'); // 'city_government'
 * ```
 */
export function officialRole(action: unknown): string {
  return action === 'decide_sharing_type' ? 'city_government' : 'data_authority';
}

/**
 * Officials' actions on the catalog (`POST /_sim/v1/sandboxes/{id}/actions`): the data authority
 * `publish`es (optionally with the `resourceCode` of a first publication), `return`s (with
 * reasons) or `withdraw`s (with reasons) an entry; where the profile has sharing-type disputes
 * (厦门 第十五条) it also `dispute_sharing_type`s, `withdraw_dispute`s and `escalate`s, and the city
 * government `decide_sharing_type`s. Any other action, or one the entry's state
 * does not take, answers 409 `ILLEGAL_TRANSITION` with the current state and allowed events;
 * obligations take no official action (only the provider fulfils them).
 *
 * @example
 * ```ts
 * act({ ...ctx, body: { platform: 'catalog', objectType: 'entry', objectId, action: 'publish' } }).status; // 200
 * ```
 */
export function actAsOfficial(ctx: SimCommandContext<CatalogState>): OperationResult {
  const { body } = ctx;
  const { workflow } = ctx.state;
  const id = String(body.objectId);
  const isEntry = body.objectType === 'entry' && workflow.entries.has(id);
  const isObligation = body.objectType === 'obligation' && workflow.obligations.has(id);
  if (!isEntry && !isObligation) unknownActionObject(body);
  const view = () => (isEntry ? workflow.entryView(id) : workflow.obligationView(id));
  return applyOfficialAction(ctx as SimCommandContext<unknown>, workflow.host, { instanceId: id, role: officialRole, view });
}
