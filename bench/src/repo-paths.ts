import { fileURLToPath } from 'node:url';

// This file sits directly in src/ (and dist/), two levels below the repository root.
const root = new URL('../../', import.meta.url);

/**
 * An absolute path inside the repository (the bench only runs from a checkout of it).
 *
 * @example
 * ```ts
 * repoPath('mock-server/dist/cli.js'); // '/work/main/mock-server/dist/cli.js'
 * ```
 */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(relative, root));
}
