import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { CatalogState } from './catalog-state.js';
import { eventsView } from './workflow/wire-views.js';

/**
 * Officials' actions on the catalog (`POST /_sim/v1/sandboxes/{id}/actions`): the data authority
 * `publish`es (optionally with the `resourceCode` of a first publication), `return`s (with
 * reasons) or `withdraw`s (with reasons) an entry. Any other action, or one the entry's state
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
  if (!isEntry && !isObligation) return ctx.problem('NOT_FOUND', { detail: `no catalog ${String(body.objectType)} ${id}` });
  let organizationId = workflow.engine.authorityId();
  if (typeof body.organizationId === 'string') {
    if (!ctx.sandbox.organisation(body.organizationId)) {
      throw new PlatformProblem('VALIDATION_FAILED', {
        errors: [{ pointer: '/organizationId', code: 'UNKNOWN_ORGANIZATION', message: { zh: '沙箱中没有该组织', en: 'No such organisation in the sandbox' } }],
      });
    }
    organizationId = body.organizationId;
  }
  const from = workflow.engine.get(id)?.state ?? null;
  const payload: Record<string, unknown> = {};
  for (const key of ['reasons', 'resourceCode', 'note'] as const) if (body[key] !== undefined) payload[key] = body[key];
  if (typeof body.explanation === 'string') payload.reasons = [{ text: body.explanation }];
  const after = workflow.dispatch(id, String(body.action), { role: 'data_authority', ...(organizationId ? { organizationId } : {}) }, payload);
  const record = isEntry ? undefined : workflow.obligations.get(id);
  return {
    status: 200,
    body: {
      platform: 'catalog',
      objectType: body.objectType,
      objectId: id,
      from,
      to: after.state,
      event: eventsView(after, record?.kind).at(-1),
      object: isEntry ? workflow.entryView(id) : workflow.obligationView(id),
    },
  };
}
