import type { ReferencedKind } from '../workflow-host/index.js';

/** What an entry id names, for the messages of a 404 (a path's `entryId`, a function change's `entryIds`). */
export const CATALOG_ENTRY: ReferencedKind = { zh: '目录条目', en: 'catalog entry' };
