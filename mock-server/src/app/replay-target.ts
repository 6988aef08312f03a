import type { CommandEntry, JournalEntry } from '../persistence/journal-entry.js';
import { DEFAULT_SANDBOX_ID } from '../sandbox/registry.js';
import type { CoreRoute } from './route-table.js';
import type { Router } from './router.js';

/** Simulation operations that change the registry (ids, generations, its random) besides a sandbox. */
const REGISTRY_OPERATIONS: ReadonlySet<string> = new Set(['createSandbox', 'deleteSandbox', 'resetSandbox', 'importSnapshot']);

/**
 * The one sandbox a journaled entry changes and nothing else, or `undefined` when it changes the
 * registry (creates, deletes, resets or imports a sandbox) or names no sandbox. Entries of a
 * sandbox not restored yet can wait for its restore, replayed in their order then, because what
 * they do depends only on that sandbox and on their recorded time.
 *
 * @example
 * ```ts
 * replayTarget(router, { seq: 7, kind: 'command', at: 0, method: 'POST', path: '/sandboxes/vendor-0/registration/v1/applications', query: '', status: 201 }); // 'vendor-0'
 * ```
 */
export function replayTarget(router: Router<CoreRoute>, entry: JournalEntry): string | undefined {
  if (entry.kind === 'delivery') return entry.sandboxId;
  return commandTarget(router, entry);
}

function commandTarget(router: Router<CoreRoute>, entry: CommandEntry): string | undefined {
  const match = router.match(entry.method, entry.path);
  if (match.kind !== 'found') return undefined;
  const { value: route, params } = match;
  if (route.kind === 'platform') return params.sandboxId ?? DEFAULT_SANDBOX_ID;
  return REGISTRY_OPERATIONS.has(route.operationId) ? undefined : params.sandboxId;
}
