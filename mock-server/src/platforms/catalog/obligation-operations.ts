import type { OperationContext, OperationHandler, Organisation } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { CatalogState } from './catalog-state.js';
import type { FunctionChangeInput } from './workflow/catalog-workflow.js';
import { listPage, missingReference, requireRole } from '../workflow-host/index.js';
import { CATALOG_ENTRY } from './object-kinds.js';
import { functionChangeView } from './workflow/wire-views.js';

type Ctx = OperationContext<CatalogState>;

function caller(ctx: Ctx): Organisation {
  if (!ctx.caller) throw new PlatformProblem('SIGNATURE_MISSING');
  return ctx.caller;
}

/**
 * The department taking over a change of functions (厦门 第九条 "会同职能转入部门"): required for a
 * `function_change` where the profile's rules make it a party (`options.catalog.functionChangeSuccessor`),
 * else 400 `SUCCESSOR_REQUIRED` at `/successor`; never the reporting provider itself (the functions
 * move to another organisation), else 400 `SUCCESSOR_IS_PROVIDER` at `/successor/creditCode`; an
 * organisation of the sandbox (the duty is updated jointly with it, so it must be one the platform
 * knows), else 400 `UNKNOWN_ORGANIZATION` there, as an action naming an organisation the sandbox
 * does not have is.
 */
function checkSuccessor(input: FunctionChangeInput, provider: Organisation, required: boolean, organisations: () => readonly Organisation[]): void {
  if (input.kind !== 'function_change' && input.successor === undefined) return;
  if (input.successor === undefined) {
    if (!required) return;
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: 'a change of functions names the department taking over the functions (successor)',
      errors: [{ pointer: '/successor', code: 'SUCCESSOR_REQUIRED', message: { zh: '职能变更须填写职能转入部门（第九条：会同职能转入部门更新目录）', en: 'A change of functions names the department taking over the functions (Art. 9: the catalog is updated jointly with it)' } }],
    });
  }
  if (input.successor.creditCode === provider.creditCode) {
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: 'the successor is the reporting provider itself',
      errors: [{ pointer: '/successor/creditCode', code: 'SUCCESSOR_IS_PROVIDER', message: { zh: '职能转入部门须为本单位以外的单位', en: 'The department taking over the functions must be another organisation than the provider' } }],
    });
  }
  const { creditCode } = input.successor;
  if (!organisations().some((o) => o.creditCode === creditCode)) {
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: `no organisation of the sandbox has the credit code ${creditCode}`,
      errors: [{ pointer: '/successor/creditCode', code: 'UNKNOWN_ORGANIZATION', message: { zh: '沙箱中没有该统一社会信用代码的单位（职能转入部门须为沙箱中的单位）', en: 'No organisation of the sandbox has this credit code (the department taking over the functions must be one of the sandbox)' } }],
    });
  }
}

/**
 * A duty on a withdrawn entry could never be fulfilled (a withdrawn entry takes no submission or
 * change; its withdrawal already said what the catalog must say), so a report naming one answers
 * 400 `VALIDATION_FAILED` with `ENTRY_WITHDRAWN` at each `/entryIds/{i}`, nothing started.
 */
function refuseWithdrawnEntries(entryIds: readonly string[], stateOf: (id: string) => string | undefined): void {
  const errors = entryIds.flatMap((id, i) =>
    stateOf(id) === 'withdrawn'
      ? [{ pointer: `/entryIds/${i}`, code: 'ENTRY_WITHDRAWN', message: { zh: `目录 ${id} 已撤销，无需也无法更新`, en: `The entry ${id} is withdrawn: there is nothing left to update` } }]
      : [],
  );
  if (errors.length > 0) throw new PlatformProblem('VALIDATION_FAILED', { detail: `${errors.length} withdrawn ${errors.length === 1 ? 'entry' : 'entries'} named`, errors });
}

/**
 * The update duties: `reportFunctionChange` (data providers only) starts obligations (7 WD after a change of functions
 * in `xiamen`, 20 WD elsewhere and for a new resource or changed information, from the day the
 * change took effect); `listObligations` lists the caller's duties, optionally only pending /
 * fulfilled or (not) overdue.
 *
 * @example
 * ```ts
 * obligationOperations().reportFunctionChange(ctx).status; // 201
 * ```
 */
export function obligationOperations(): Record<string, OperationHandler<CatalogState>> {
  return {
    reportFunctionChange: (ctx) => {
      // The duties fall on the provider (catalog.md): anyone else could never fulfil them.
      const org = requireRole(ctx, 'data_provider');
      const input = ctx.body as FunctionChangeInput;
      const { workflow } = ctx.state;
      (input.entryIds ?? []).forEach((id, i) => {
        if (workflow.entries.get(id)?.provider.organizationId !== org.id) throw missingReference(`/entryIds/${i}`, `no entry ${id}`, CATALOG_ENTRY);
      });
      // Live only: a report an older version acknowledged replays as answered.
      if (!ctx.replaying) refuseWithdrawnEntries(input.entryIds ?? [], (id) => workflow.host.get(id)?.state);
      if (!ctx.replaying) checkSuccessor(input, org, workflow.host.procedures.profile.options.catalog.functionChangeSuccessor, () => ctx.sandbox.organisations());
      const change = workflow.reportFunctionChange(org, input);
      return { status: 201, body: functionChangeView(change, (id) => workflow.obligationView(id)) };
    },
    listObligations: (ctx) => {
      const owner = caller(ctx).id;
      const { state, overdue } = ctx.query;
      const { workflow } = ctx.state;
      const wanted = typeof state === 'string' ? state : undefined;
      if (typeof overdue !== 'boolean') return { status: 200, body: workflow.host.listPage(ctx, 'obligation', owner, wanted, (id) => workflow.obligationView(id)) };
      // Being overdue follows the clock, not an event: filter the holder's own duties (its bucket) by it.
      const rows = [];
      for (const row of workflow.host.listRows('obligation', owner, wanted)) {
        const view = workflow.obligationView(row);
        if ((view.deadline?.overdue ?? false) === overdue) rows.push(view);
      }
      return { status: 200, body: listPage(ctx, rows, ['string', 'string'], (o) => [o.createdAt, o.id], (o) => o) };
    },
  };
}
