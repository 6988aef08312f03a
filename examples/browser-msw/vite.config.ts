import { defaultClientConditions, defineConfig } from 'vite';
import { mswWorker } from './msw-worker-plugin.js';
import { noNodeBuiltins } from './no-node-builtins-plugin.js';

/**
 * The page is bundled for browsers: the `browser` export condition picks the gdx packages'
 * pure-JS crypto (SM3, SHA-256, HMAC) instead of `node:crypto`. In this monorepo `source` comes
 * first so the bundle is built from the sibling packages' TypeScript; an app installing gdx from
 * npm needs no conditions at all (Vite's defaults include `browser`). A Node built-in anywhere
 * in the graph fails the build (see `noNodeBuiltins`).
 */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The mock's chunk (four platforms' contracts, validators, procedures) is ~1 MB; it is loaded only to mock.
    chunkSizeWarningLimit: 1500,
  },
  plugins: [noNodeBuiltins(), mswWorker()],
});
