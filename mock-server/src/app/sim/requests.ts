import { closestName, didYouMean } from '../did-you-mean.js';
import { bindCursor, encodeCursor, invalidCursorProblem } from '../paging.js';
import { sharedContract } from '../shared-contracts.js';
import { readSpecOperations } from '../spec-operations.js';
import { parseJournalQuery } from '../journal/journal-filter.js';
import { journalEntryView } from '../journal/journal-view.js';
import { fieldCountDetail } from '../field-count.js';
import { invalidField, NO_STORE, sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';

/** The simulation API's operationIds, read from its contract once, when a filter first needs them. */
let simulationOperations: readonly string[] | undefined;

/**
 * The refusal of an `operation` filter that names no operation of the mounted platforms or the
 * simulation API, or `undefined`. No entry could match it, so the page was empty and a check that
 * a client never called `submitAplication` passed whatever it sent.
 */
function unknownOperationFilter(ctx: SimRouteContext) {
  const operation = ctx.query.operation;
  if (typeof operation !== 'string') return undefined;
  simulationOperations ??= readSpecOperations(sharedContract('simulation')).map((op) => op.operationId);
  const known = [...ctx.platforms.flatMap((platform) => Object.keys(platform.operations)), ...simulationOperations];
  if (known.includes(operation)) return undefined;
  const suggestion = didYouMean(closestName(operation, known));
  return invalidField(
    ctx,
    '/query/operation',
    `no operation is called ${JSON.stringify(operation)}${suggestion.en}: no request could match; name the operationId of a platform or simulation-API operation`,
    `没有名为 ${JSON.stringify(operation)} 的接口${suggestion.zh}：不会有请求与之匹配；请填写平台接口或模拟接口的 operationId`,
  );
}

/**
 * The sandbox's request journal (`sandbox/request-journal.ts`): browse and filter it newest
 * first, read one request by its id, clear it. These routes are not journaled themselves, so a
 * console polling the journal does not fill it.
 */
export const requestRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/requests', operationId: 'listRequests', jsonBody: false, journaled: false,
    handler(ctx) {
      const parsed = parseJournalQuery(ctx.query, { params: ctx.params, operationId: ctx.operationId });
      if (!parsed.ok) {
        const [cursorError] = parsed.errors;
        if (parsed.cursor && cursorError) return ctx.problem('INVALID_CURSOR', invalidCursorProblem(ctx.query.cursor, cursorError));
        return ctx.problem('VALIDATION_FAILED', { detail: fieldCountDetail(parsed.errors), errors: parsed.errors });
      }
      const unknown = unknownOperationFilter(ctx);
      if (unknown) return unknown;
      const journal = sandboxOf(ctx).requests;
      const page = journal.page(parsed.query);
      const last = page.items.at(-1);
      return {
        status: 200,
        headers: NO_STORE,
        body: { items: page.items.map(journalEntryView), nextCursor: page.more && last ? bindCursor(encodeCursor([last.seq]), ctx) : null, dropped: journal.dropped },
      };
    },
  },
  {
    method: 'DELETE', path: '/sandboxes/{sandboxId}/requests', operationId: 'clearRequests', jsonBody: false, journaled: false,
    handler(ctx) {
      sandboxOf(ctx).requests.clear();
      return { status: 204 };
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/requests/{requestId}', operationId: 'getRequest', jsonBody: false, journaled: false,
    handler(ctx) {
      const requestId = ctx.params.requestId ?? '';
      const record = sandboxOf(ctx).requests.find(requestId);
      // Not cached either: an id asked for before its request is journaled is found a moment later.
      if (!record) return ctx.problem('REQUEST_NOT_FOUND', { detail: `request ${requestId} is not in the journal of sandbox ${sandboxOf(ctx).id} (never journaled, or evicted)`, headers: NO_STORE });
      return { status: 200, headers: NO_STORE, body: journalEntryView(record) };
    },
  },
];
