import { withIsolatedFiles } from '../../vitest.shared.js';

// The browser-profiles test swaps a module for itself (vi.doMock).
export const isolatedFiles = ['test/profiles-in-browser.test.ts'];

export default withIsolatedFiles(isolatedFiles);
