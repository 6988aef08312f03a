import { checkPackage, createPackageFromTarballData, type Package } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

/**
 * Resolution modes the **esm-only** profile of attw leaves out: node10 ignores `exports`, and
 * attw's TypeScript (5.6) predates require(esm), so it reports every ESM package as
 * unusable from CommonJS. Everything else attw finds is a problem.
 */
const NOT_CLAIMED = new Set(['node10', 'node16-cjs']);

/** Every file a condition map (`exports`, `imports`) or `bin` of the manifest points at. */
function manifestTargets(node: unknown): string[] {
  if (typeof node === 'string') return node.startsWith('./') || !node.startsWith('#') ? [node] : [];
  if (typeof node !== 'object' || node === null) return [];
  return Object.values(node).flatMap(manifestTargets);
}

/**
 * Files the tarball promises but lacks: targets of `exports`, `imports` and `bin` under any
 * condition (publint checks only the conditions it knows, so a leftover `source` would pass it),
 * and source maps whose sources are neither embedded nor shipped.
 */
function missingFiles(pkg: Package): string[] {
  const root = `/node_modules/${pkg.packageName}`;
  const manifest = JSON.parse(pkg.readFile(`${root}/package.json`)) as Record<string, unknown>;
  const missing: string[] = [];
  for (const field of ['exports', 'imports', 'bin'] as const) {
    for (const target of manifestTargets(manifest[field])) {
      const path = `${root}/${target.replace(/^\.\//, '')}`;
      const present = target.includes('*') ? pkg.listFiles(path.slice(0, path.indexOf('*')).replace(/\/[^/]*$/, '')).length > 0 : pkg.fileExists(path);
      if (!present) missing.push(`${pkg.packageName}: ${field} points at ${target}, which is not in the tarball`);
    }
  }
  for (const map of pkg.listFiles(root).filter((file) => file.endsWith('.map'))) {
    const { sources = [], sourcesContent } = JSON.parse(pkg.readFile(map)) as { sources?: string[]; sourcesContent?: unknown[] };
    const dir = map.slice(0, map.lastIndexOf('/'));
    if (!sourcesContent && sources.some((source) => !pkg.fileExists(new URL(source, `file://${dir}/`).pathname))) {
      missing.push(`${map.slice(root.length + 1)} maps to sources that are neither embedded nor in the tarball`);
    }
  }
  return missing;
}

/**
 * What attw (profile esm-only) and publint (`--strict`: warnings are errors) find wrong with a
 * packed package, and any file its manifest or source maps name but the tarball lacks; one line
 * each, `[]` when nothing. All of it runs in this process on the tarball's bytes, so TypeScript is
 * loaded once for all packages instead of once per CLI run.
 *
 * @example
 * ```ts
 * await tarballProblems(new Uint8Array(await readFile('registration-0.2.0.tgz'))); // []
 * ```
 */
export async function tarballProblems(tarball: Uint8Array): Promise<string[]> {
  const pkg = createPackageFromTarballData(tarball);
  const problems = missingFiles(pkg);
  const analysis = await checkPackage(pkg);
  if (!analysis.types) problems.push(`attw: ${analysis.packageName} has no types`);
  else {
    for (const problem of analysis.problems) {
      if ('resolutionKind' in problem && NOT_CLAIMED.has(problem.resolutionKind)) continue;
      problems.push(`attw: ${analysis.packageName} ${problem.kind} ${JSON.stringify(problem)}`);
    }
  }
  const buffer = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer;
  const lint = await publint({ pack: { tarball: buffer }, strict: true, level: 'warning' });
  for (const message of lint.messages) problems.push(`publint: ${pkg.packageName} ${message.type} ${formatMessage(message, lint.pkg) ?? message.code}`);
  return problems;
}
