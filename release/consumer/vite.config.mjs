import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Vite's default conditions (browser first): a Node built-in anywhere in the graph fails the build.
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

export default defineConfig({
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  plugins: [
    {
      name: 'no-node-builtins',
      enforce: 'pre',
      resolveId(id, importer) {
        if (builtins.has(id)) this.error(`${importer ?? 'the page'} imports the Node built-in ${id}`);
      },
    },
  ],
});
