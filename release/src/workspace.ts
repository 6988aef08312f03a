import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

/** The file name of the changeset {@link copyForRelease} adds to the copy. */
const RELEASE_TEST_CHANGESET = 'release-test-patch.md';

/** One workspace of the repository. */
export interface Workspace {
  /** Folder relative to the root, e.g. `packages/registration`. */
  dir: string;
  manifest: Manifest;
}

/** The package.json fields the release cares about. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * The workspaces of the repository at `root`, from its package.json (entries are folders or
 * `folder/*`, as this repository writes them).
 *
 * @example
 * ```ts
 * (await workspaces(root)).filter((w) => !w.manifest.private); // the published packages
 * ```
 */
export async function workspaces(root: string): Promise<Workspace[]> {
  const { workspaces: patterns } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs: string[] = [];
  for (const pattern of patterns) {
    if (!pattern.endsWith('/*')) dirs.push(pattern);
    else {
      const parent = pattern.slice(0, -2);
      for (const entry of await readdir(join(root, parent), { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(`${parent}/${entry.name}`);
      }
    }
  }
  const found = dirs.filter((dir) => existsSync(join(root, dir, 'package.json')));
  return Promise.all(found.sort().map(async (dir) => ({ dir, manifest: JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8')) as Manifest })));
}

/**
 * Copies into `target` what a release job's checkout holds once built: the root manifest, the
 * changesets, the pack script, every workspace's package.json, and for each published package
 * the files npm packs (its `files`, README, LICENSE, CHANGELOG). `node_modules` is linked to
 * the repository's, where the changesets CLI finds its changelog module. Like a checkout, the
 * copy is a git repository whose one commit holds the changesets: `changeset version` asks git,
 * once per changeset, for the commit that added it (its changelog lines name that commit). Outside
 * a repository every one of those questions fails and is asked again under a legacy file name:
 * twice as many `git` processes (about 900 for 449 changesets), and changelogs without commits.
 *
 * The copy also gets one changeset of its own (a patch of `@gdx/registration`), so that there is
 * always a release to make: right after a real `changeset version` the repository has no pending
 * changeset, and `changeset version` in the copy would do nothing.
 *
 * @example
 * ```ts
 * await copyForRelease(repositoryRoot, await mkdtemp(join(tmpdir(), 'gdx-release-')));
 * ```
 */
export async function copyForRelease(root: string, target: string): Promise<void> {
  for (const path of ['package.json', '.changeset', 'scripts/pack-manifest.mjs']) {
    await cp(join(root, path), join(target, path), { recursive: true });
  }
  for (const { dir, manifest } of await workspaces(root)) {
    await mkdir(join(target, dir), { recursive: true });
    const shipped = manifest.private ? [] : [...(manifest.files ?? []), 'README.md', 'LICENSE', 'CHANGELOG.md'];
    for (const path of ['package.json', ...shipped]) {
      if (existsSync(join(root, dir, path))) await cp(join(root, dir, path), join(target, dir, path), { recursive: true });
    }
  }
  await writeFile(join(target, '.changeset', RELEASE_TEST_CHANGESET), '---\n"@gdx/registration": patch\n---\n\nThe release test\'s own change.\n');
  await symlink(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
  const git = (...args: string[]) => run('git', ['-c', 'user.name=gdx release test', '-c', 'user.email=release-test@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd: target });
  await git('init', '--quiet');
  await git('add', '.changeset');
  await git('commit', '--quiet', '--no-verify', '--message', 'changesets of the release');
}

/**
 * Internal dependency ranges that the named sibling's version does not satisfy. The repository
 * pins exactly (`save-exact`), so a satisfied range is the sibling's version itself.
 *
 * @example
 * ```ts
 * unsatisfiedInternalRanges(await workspaces(copy)); // [] after a good `changeset version`
 * ```
 */
export function unsatisfiedInternalRanges(all: readonly Workspace[]): string[] {
  const versions = new Map(all.map(({ manifest }) => [manifest.name, manifest.version]));
  const problems: string[] = [];
  for (const { manifest } of all) {
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        const version = versions.get(name);
        if (version !== undefined && range !== version) problems.push(`${manifest.name} ${field} ${name}@${range}, but ${name} is ${version}`);
      }
    }
  }
  return problems;
}
