import { mergeConfig } from 'vitest/config';
import { consumer } from '../../vitest.shared.js';

// One Chromium session for the whole file; finding (or installing) Chromium happens once, first.
export default mergeConfig(consumer, {
  test: { globalSetup: ['./test/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
