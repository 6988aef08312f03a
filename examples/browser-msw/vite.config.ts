import { defaultClientConditions, defineConfig } from 'vite';
import { mswWorker } from './msw-worker-plugin.js';

/**
 * The page is bundled for browsers: the `browser` export condition picks the gdx packages'
 * pure-JS crypto (SM3, SHA-256, HMAC) instead of `node:crypto`. In this monorepo `source` comes
 * first so the bundle is built from the sibling packages' TypeScript; an app installing gdx from
 * npm needs no conditions at all (Vite's defaults include `browser`).
 */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  plugins: [mswWorker()],
});
