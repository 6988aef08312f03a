import { withIsolatedFiles } from '../../vitest.shared.js';

// These files swap the platform module for the browser one (vi.doMock) or stub the global fetch
// for themselves; with the shared module graph another file's runtime (and its shared undici
// Agent) would leak into them.
export const isolatedFiles = ['test/browser-platform.test.ts', 'test/transports.test.ts'];

export default withIsolatedFiles(isolatedFiles);
