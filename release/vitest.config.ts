import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.js';

// One long scenario: a release into a local registry, then a consumer's installs from it.
export default mergeConfig(shared, defineConfig({ test: { testTimeout: 600_000, hookTimeout: 120_000 } }));
