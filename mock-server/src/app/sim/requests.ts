import { bindCursor, encodeCursor } from '../paging.js';
import { parseJournalQuery } from '../journal/journal-filter.js';
import { journalEntryView } from '../journal/journal-view.js';
import { sandboxOf, type SimRoute } from './sim-route.js';

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
        const n = parsed.errors.length;
        return ctx.problem(parsed.cursor ? 'INVALID_CURSOR' : 'VALIDATION_FAILED', { detail: `${n} ${n === 1 ? 'parameter is' : 'parameters are'} invalid`, errors: parsed.errors });
      }
      const journal = sandboxOf(ctx).requests;
      const page = journal.page(parsed.query);
      const last = page.items.at(-1);
      return {
        status: 200,
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
      if (!record) return ctx.problem('REQUEST_NOT_FOUND', { detail: `request ${requestId} is not in the journal of sandbox ${sandboxOf(ctx).id} (never journaled, or evicted)` });
      return { status: 200, body: journalEntryView(record) };
    },
  },
];
