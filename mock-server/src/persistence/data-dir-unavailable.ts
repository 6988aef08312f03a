import type { backgroundCompactor as compactOnNode, openDataDir as openOnNode } from './data-dir.js';

// The browser leaf of `#data-dir`, selected by the `browser` export condition: a page has no
// file system, so the app keeps everything in memory and `dataDir` is refused.

/** Throws `DATA_DIR_UNSUPPORTED`: persistence needs Node. */
export const openDataDir: typeof openOnNode = (dir) => {
  throw new RangeError(`[DATA_DIR_UNSUPPORTED] 浏览器中不支持数据目录持久化 / dataDir needs Node; in a browser the mock keeps its state in memory: ${dir}`);
};

/** No worker threads in a page: there is no data directory to compact either. */
export const backgroundCompactor: typeof compactOnNode = () => undefined;
