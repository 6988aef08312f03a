import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The file name MSW's `setupWorker` registers by default, at the site root.
 *
 * @example
 * ```ts
 * await fetch(`${origin}/${WORKER_FILE}`);
 * ```
 */
export const WORKER_FILE = 'mockServiceWorker.js';

/**
 * The worker script of the installed msw package. Read from `node_modules` at every build, so it
 * always matches the `msw/browser` bundled into the page (msw checks that they agree).
 *
 * @example
 * ```ts
 * mswWorkerScript().includes('PACKAGE_VERSION'); // true
 * ```
 */
export function mswWorkerScript(): string {
  const mswRoot = dirname(createRequire(import.meta.url).resolve('msw/package.json'));
  return readFileSync(join(mswRoot, 'lib', WORKER_FILE), 'utf8');
}

/**
 * Serves msw's worker script at `/mockServiceWorker.js` in `vite` (dev) and writes it to the
 * root of `dist/` in `vite build`, instead of a committed copy in `public/` that could drift
 * from the installed msw.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [mswWorker()] });
 * ```
 */
export function mswWorker(): Plugin {
  return {
    name: 'gdx:msw-worker',
    configureServer(server) {
      server.middlewares.use(`/${WORKER_FILE}`, (_req, res) => {
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(mswWorkerScript());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: mswWorkerScript() });
    },
  };
}
