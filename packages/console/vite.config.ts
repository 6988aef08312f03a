import { defineConfig, type Plugin } from 'vite';
import { CONSOLE_JS_BUDGET_GZIP_BYTES, gzipSizeOf } from './src/node/budget.js';

/** Fails the build when the emitted JavaScript, gzipped, is over the console's budget. */
function scriptBudget(): Plugin {
  return {
    name: 'gdx-console-script-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file.code] as const] : []));
      const { gzipBytes } = gzipSizeOf(chunks);
      if (gzipBytes > CONSOLE_JS_BUDGET_GZIP_BYTES) {
        this.error(`console JavaScript is ${gzipBytes} bytes gzipped, over its budget of ${CONSOLE_JS_BUDGET_GZIP_BYTES} (packages/console/src/node/budget.ts)`);
      }
    },
  };
}

/**
 * The console is served by gdx-mock under `/_console/`: every URL in the page is relative to that
 * base, the assets get content hashes (served as immutable), and nothing is loaded from elsewhere.
 */
export default defineConfig({
  base: '/_console/',
  // The classic runtime (`h(tag, props, ...children)`), not the automatic one: every element of the
  // automatic runtime spells out `children:`, about 500 B of the gzipped budget. Imported under
  // names no module uses, since a local of the pragma's name (a webhook `h` in a `map`) would
  // shadow it. (Type checks and tests keep `react-jsx`: the same elements.)
  oxc: { jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment' }, jsxInject: "import { h as jsxH, Fragment as JsxFragment } from 'preact'" },
  build: {
    target: 'es2022',
    outDir: 'dist/app',
    emptyOutDir: true,
    // No inline polyfill script: the page runs under a `script-src 'self'` policy.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  plugins: [scriptBudget()],
});
