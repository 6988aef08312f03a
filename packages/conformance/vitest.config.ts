import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Two workers, as mock-server has (not Vitest's default of one on a two-core machine): with one,
// its files ran one after another and were the last of `npm test` to finish, alone on one core
// for the last ~30 s while the other idled (issue 12).
export default mergeConfig(shared, defineConfig({ test: { maxWorkers: 2 } }));
