import { copyJson } from '../../app/copy-json.js';
import type { SandboxContext } from '../../app/platform-module.js';
import type { CatalogEntry } from '../../sandbox/seed/types.js';
import { CatalogSearchIndex } from './search/search-index.js';
import { CatalogWorkflow, type WorkflowSnapshot } from './workflow/catalog-workflow.js';

/**
 * The catalog platform's state in one sandbox: the published catalog with its search index, and
 * the workflow objects (entries in every state, obligations, reported changes).
 */
export interface CatalogState {
  index: CatalogSearchIndex;
  workflow: CatalogWorkflow;
}

/** The JSON form of the state for snapshots. */
export interface CatalogSnapshot {
  published: CatalogEntry[];
  workflow: WorkflowSnapshot;
}

/**
 * A fresh, empty state of a sandbox.
 *
 * @example
 * ```ts
 * createCatalogState(sandbox).index.size; // 0
 * ```
 */
export function createCatalogState(sandbox: SandboxContext): CatalogState {
  const index = new CatalogSearchIndex();
  return { index, workflow: new CatalogWorkflow(sandbox, index) };
}

/**
 * A deep, JSON-serialisable copy of the state. Entries and records are JSON values, copied with
 * `copyJson` (a sandbox export's copy of 12 entries: ~30 µs, against ~150–230 µs with `structuredClone`).
 *
 * @example
 * ```ts
 * importCatalogState(exportCatalogState(state), sandbox).index.size === state.index.size; // true
 * ```
 */
export function exportCatalogState(state: CatalogState): CatalogSnapshot {
  return { published: copyJson(state.index.entries()), workflow: state.workflow.snapshot() };
}

/** Rebuilds a state from `exportCatalogState`'s output, keeping its objects (see `PlatformModule.importState`). */
export function importCatalogState(data: unknown, sandbox: SandboxContext): CatalogState {
  const saved = data as Partial<CatalogSnapshot> | null;
  if (!Array.isArray(saved?.published) || typeof saved.workflow !== 'object' || saved.workflow === null) {
    throw new TypeError('catalog snapshot must have a "published" array and a "workflow" object');
  }
  const index = new CatalogSearchIndex(saved.published);
  return { index, workflow: new CatalogWorkflow(sandbox, index, saved.workflow) };
}
