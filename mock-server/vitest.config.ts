import { withIsolatedFiles } from '../vitest.shared.js';

// The browser leaf test swaps the data-directory module (vi.doMock) for itself.
export default withIsolatedFiles(['test/persistence/browser-data-dir.test.ts']);
