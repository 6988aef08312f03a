import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The most JavaScript the console may ship, gzip-compressed, in bytes (decision 0011 explains the
 * figure). `vite build` fails past it, and the bench reports the measured size against it.
 *
 * @example
 * ```ts
 * measureScripts(consoleAssetsDir).gzipBytes <= CONSOLE_JS_BUDGET_GZIP_BYTES; // true on a good build
 * ```
 */
export const CONSOLE_JS_BUDGET_GZIP_BYTES = 30_000;

/** The size of a set of scripts. */
export interface ScriptSize {
  /** Script files measured, relative to the directory. */
  readonly files: readonly string[];
  /** Sum of their sizes. */
  readonly rawBytes: number;
  /** Sum of their sizes once each is gzipped (level 9, as a server would send them). */
  readonly gzipBytes: number;
}

/**
 * Sums the sizes of named scripts, raw and gzipped one by one (each is fetched on its own).
 *
 * @example
 * ```ts
 * gzipSizeOf([['a.js', 'console.log(1)']]).gzipBytes; // ~34
 * ```
 */
export function gzipSizeOf(scripts: Iterable<readonly [name: string, code: string | Uint8Array]>): ScriptSize {
  const files: string[] = [];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const [name, code] of scripts) {
    const bytes = typeof code === 'string' ? Buffer.from(code) : code;
    files.push(name);
    rawBytes += bytes.byteLength;
    gzipBytes += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { files, rawBytes, gzipBytes };
}

/**
 * Measures the JavaScript a browser loads from a built console directory: the scripts its
 * `index.html` names, and every script of `assets/` that a loaded one names in turn (a dynamic
 * import's chunk). Not every file of `assets/`: restoring a cached build adds its files next to
 * an older build's without removing those, and counting the stale ones doubled the figure.
 *
 * @example
 * ```ts
 * import { consoleAssetsDir, measureScripts } from '@gdx/console';
 * measureScripts(consoleAssetsDir); // { files: ['assets/index-3f1c….js'], rawBytes: …, gzipBytes: … }
 * ```
 */
export function measureScripts(assetsDir: string): ScriptSize {
  const available = readdirSync(join(assetsDir, 'assets')).filter((name) => name.endsWith('.js'));
  const named = (text: string) => available.filter((name) => text.includes(name));
  const loaded = new Map<string, Buffer>();
  for (let pending = named(readFileSync(join(assetsDir, 'index.html'), 'utf8')); pending.length > 0; ) {
    const next: string[] = [];
    for (const name of pending) {
      if (loaded.has(name)) continue;
      const code = readFileSync(join(assetsDir, 'assets', name));
      loaded.set(name, code);
      next.push(...named(code.toString('utf8')));
    }
    pending = next;
  }
  return gzipSizeOf([...loaded].sort(([a], [b]) => a.localeCompare(b)).map(([name, code]) => [`assets/${name}`, code] as const));
}
