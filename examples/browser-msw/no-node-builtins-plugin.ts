import { builtinModules } from 'node:module';
import type { Plugin } from 'vite';

const BUILTINS = new Set(builtinModules);

/**
 * Fails the build when anything in the page's module graph imports a Node built-in
 * (`node:crypto`, `fs`, …). Vite would only warn and put an empty stub in its place, and the
 * page would break at run time; this names the importing file at build time instead.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [noNodeBuiltins()] });
 * ```
 */
export function noNodeBuiltins(): Plugin {
  return {
    name: 'gdx:no-node-builtins',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      if (source.startsWith('node:') || BUILTINS.has(source)) {
        this.error(`${importer ?? '(entry)'} imports ${source}, which browsers do not have (浏览器中没有 Node 内置模块 ${source})`);
      }
      return null;
    },
  };
}
