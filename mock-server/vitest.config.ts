import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.js';

// Two workers, not Vitest's default of one on a two-core machine (cores − 1): with one, the
// suite's files ran strictly one after another and it was the whole `npm test`'s critical path,
// one core idle once the other workspaces' suites had finished; many of its files wait on a child
// process, a browser or a socket (issue 12: 472 → 448 s for `npm test` on two cores).
export default mergeConfig(shared, defineConfig({ test: { maxWorkers: 2 } }));
