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
 * Measures the JavaScript of a built console directory (its `assets/*.js`).
 *
 * @example
 * ```ts
 * import { consoleAssetsDir, measureScripts } from '@gdx/console';
 * measureScripts(consoleAssetsDir); // { files: ['assets/index-3f1c….js'], rawBytes: …, gzipBytes: … }
 * ```
 */
export function measureScripts(assetsDir: string): ScriptSize {
  const scripts = readdirSync(join(assetsDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => [`assets/${name}`, readFileSync(join(assetsDir, 'assets', name))] as const);
  return gzipSizeOf(scripts);
}
