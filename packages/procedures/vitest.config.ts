import { withIsolatedFiles } from '../../vitest.shared.js';

// The browser-profiles test swaps a module for itself (vi.doMock).
export default withIsolatedFiles(['test/profiles-in-browser.test.ts']);
