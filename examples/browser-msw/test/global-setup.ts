import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../../scripts/ensure-chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium executable the browser test drives. */
    chromiumPath: string;
    /** The built page (`vite build` output) the test serves. */
    distDir: string;
  }
}

/**
 * Runs once before the test files: finds (or installs) Chromium, under the script's lock, and
 * checks the page is built. Failing here fails the run: the browser test is never skipped.
 */
export default async function setup(project: TestProject): Promise<void> {
  const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
  if (!existsSync(`${distDir}index.html`)) {
    throw new Error(`页面尚未构建，请先运行 npm run build / the page is not built: run \`npm run build\` first (no ${distDir}index.html)`);
  }
  project.provide('chromiumPath', await ensureChromium());
  project.provide('distDir', distDir);
}
