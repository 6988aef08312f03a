import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Shared Vitest settings. Sibling workspaces resolve through the `source` export
 * condition, so tests run against TypeScript sources without a build; the default
 * server conditions stay after it so third-party packages resolve as usual.
 */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One module graph per worker for all its test files, instead of importing and transforming
    // every source again for each file: module import was most of the suite's time (issue 12:
    // e.g. @gdx/kernel 12.6 s → 3.2 s, @gdx/procedures 34 s → 12 s, the same tests passing).
    // A workspace whose tests change module state for one file (a mocked module, a stubbed global)
    // sets `isolate: true` in its own config.
    isolate: false,
  },
});
