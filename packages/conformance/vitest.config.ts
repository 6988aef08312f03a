import { defineConfig, mergeConfig } from 'vitest/config';
import { consumer } from '../../vitest.shared.js';

// The kit's tests drive the mock, the examples and the SDKs as their users do, from their builds:
// Vite transforming the mock's sources made each kit run against it ~30 % slower (issue 12).
// Two workers, as the mock's suite has: one made this suite a serial chain of ~270 s in CI, the
// last task of `npm test`. A second worker now costs ~7 CPU-s (it imports the built mock, not its
// sources: it cost ~20 when it transformed them) and halves the chain (alone: 87 → 59 s).
export default mergeConfig(consumer, defineConfig({ test: { maxWorkers: 2 } }));
