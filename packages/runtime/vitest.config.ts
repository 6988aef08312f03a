import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Isolated: test/browser-platform.test.ts swaps the platform module for the browser one
// (vi.doMock) and stubs the global fetch; with a shared module graph another file's runtime, and
// its shared undici Agent, would leak into it.
export default mergeConfig(shared, { test: { isolate: true } });
