// The repository scripts the release and the install rely on: the published manifest written at
// pack time, the README link check run by `npm test`, the root postinstall that keeps the
// compiled SQLite addon for the next install, and `npm test` itself running every workspace's tests.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const { publishedManifest } = (await import(root('scripts/pack-manifest.mjs') as string)) as { publishedManifest: (manifest: object) => object };
const { brokenLink } = (await import(root('scripts/check-links.mjs') as string)) as { brokenLink: (readme: string, target: string) => string | undefined };
const { sharedRunProjects, sharedRunLibraries, sharedRunExamples, sharedRunIsolatedFiles } = (await import(root('vitest.config.ts') as string)) as Record<'sharedRunProjects' | 'sharedRunLibraries' | 'sharedRunExamples', string[]> & {
  sharedRunIsolatedFiles: Record<string, string[]>;
};
const workspaceSettings = (await import(root('vitest.shared.ts') as string)) as { default: object; consumer: object; withIsolatedFiles: (files: string[]) => object };

interface Manifest {
  name: string;
  workspaces?: string[];
  scripts?: Record<string, string>;
}
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(root(`${dir}/package.json`), 'utf8')) as Manifest;

describe('npm test', () => {
  // A workspace's tests run in the root's shared Vitest run (vitest.config.ts) or in their own
  // turbo task, selected by `--filter` in the root's `test` script: never in neither, never twice.
  it('runs the tests of every workspace that has them exactly once', async () => {
    const rootManifest = manifest('.');
    const filtered = [...(rootManifest.scripts?.['test'] ?? '').matchAll(/--filter=(\S+)/g)].map((m) => m[1]);
    const dirs: string[] = [];
    for (const pattern of rootManifest.workspaces ?? []) {
      if (!pattern.endsWith('/*')) dirs.push(pattern);
      else for (const entry of await readdir(root(pattern.slice(0, -2)), { withFileTypes: true })) if (entry.isDirectory()) dirs.push(`${pattern.slice(0, -2)}/${entry.name}`);
    }
    const runs = dirs
      .filter((dir) => existsSync(root(`${dir}/package.json`)) && manifest(dir).scripts?.['test'] !== undefined)
      .map((dir) => ({ dir, runs: Number(filtered.includes(manifest(dir).name)) + Number(sharedRunProjects.includes(dir)) }));
    expect(runs.length).toBeGreaterThan(20);
    expect(runs.filter((w) => w.runs !== 1)).toEqual([]);
    expect(filtered).toContain('//');
  });

  // The root's run gives each group its settings; a workspace's own vitest.config.ts is what
  // `npm test -w <name>` uses. They must be the same, or the two runs would test differently.
  it("runs each workspace of the root's Vitest run with the settings of its own vitest.config.ts", async () => {
    const settingsOf = async (dir: string) => ((await import(root(`${dir}/vitest.config.ts`) as string)) as { default: object }).default;
    const mismatched: string[] = [];
    for (const dir of sharedRunLibraries) {
      const isolated = sharedRunIsolatedFiles[dir];
      const settings = await settingsOf(dir);
      if (isolated === undefined ? settings !== workspaceSettings.default : JSON.stringify(settings) !== JSON.stringify(workspaceSettings.withIsolatedFiles(isolated))) {
        mismatched.push(`${dir}: not vitest.shared.ts's default${isolated === undefined ? '' : ` with withIsolatedFiles(${isolated.join(', ')})`}`);
      }
    }
    for (const dir of sharedRunExamples) if ((await settingsOf(dir)) !== workspaceSettings.consumer) mismatched.push(`${dir}: not vitest.shared.ts's consumer`);
    expect(sharedRunProjects).toEqual([...sharedRunLibraries, ...sharedRunExamples]);
    expect(mismatched).toEqual([]);
  });

  // packages/conformance/turbo.json lists the builds its build waits for by hand, so that its suite
  // does not wait for the examples' (dev dependencies): the list must follow its dependencies.
  it('builds the conformance kit after the builds of exactly its workspace dependencies', () => {
    const kit = JSON.parse(readFileSync(root('packages/conformance/package.json'), 'utf8')) as Manifest & { dependencies: Record<string, string> };
    // turbo.json allows whole-line comments.
    const turbo = JSON.parse(readFileSync(root('packages/conformance/turbo.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { tasks: { build: { dependsOn: string[] } } };
    const workspaceDependencies = Object.keys(kit.dependencies).filter((name) => name.startsWith('@gdx/'));
    expect(workspaceDependencies.length).toBeGreaterThan(0);
    expect([...turbo.tasks.build.dependsOn].sort()).toEqual(workspaceDependencies.map((name) => `${name}#build`).sort());
    expect(kit.scripts?.['generate']).toBeUndefined();
  });
});

describe('npm run mock / npm run conformance', () => {
  // npm signals the script's shell, and sh does not pass SIGTERM on to a child it waits for: without
  // exec, stopping `npm run mock` (a CI job's kill, docker stop) left the server running, and a
  // cancelled `npm run conformance` left its sandboxes behind.
  it('exec the bin, so that a signal to npm reaches it', () => {
    const scripts = manifest('.').scripts ?? {};
    expect(scripts['mock']).toMatch(/&& exec node mock-server\/dist\/cli\.js$/);
    expect(scripts['conformance']).toMatch(/&& exec node packages\/conformance\/dist\/cli\.js$/);
  });
});

describe('publishedManifest', () => {
  it('drops source and gdx-build at any depth, and every script but the install ones, and keeps everything else', () => {
    const manifest = {
      name: '@gdx/x',
      exports: { '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' }, './data/*': './dist/data/*' },
      imports: { '#hash': { browser: { source: './src/b.ts', default: './dist/b.js' }, source: './src/n.ts', 'gdx-build': './src/n.ts', default: './dist/n.js' } },
      scripts: { postinstall: 'node keep.js', build: 'node ../../scripts/tsc-native.mjs -p tsconfig.build.json', test: 'vitest run', prepack: 'node p prepack', postpack: 'node p postpack', postpublish: 'node p postpublish' },
    };
    expect(publishedManifest(manifest)).toEqual({
      name: '@gdx/x',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './data/*': './dist/data/*' },
      imports: { '#hash': { browser: { default: './dist/b.js' }, default: './dist/n.js' } },
      scripts: { postinstall: 'node keep.js' },
    });
  });

  // `build`/`test` name the repository's files (../../scripts/tsc-native.mjs), which no installed package has.
  it('removes scripts when no install script is left, as in every published package', () => {
    expect(publishedManifest({ name: 'x', scripts: { build: 'node ../../scripts/tsc-native.mjs', test: 'vitest run', prepack: 'a', postpack: 'b' } })).toEqual({ name: 'x' });
  });
});

describe('brokenLink', () => {
  it.each([
    { readme: 'README.md', target: 'release/README.md', want: undefined },
    { readme: 'README.md', target: 'docs/design.md#authentication-signing', want: undefined },
    { readme: 'README.md', target: 'docs/nothing-here.md', want: 'no such file' },
    { readme: 'packages/registration/README.md', target: './api.md', want: undefined },
    { readme: 'packages/registration/README.md', target: './src/index.ts', want: expect.stringContaining('not in the published tarball') },
    { readme: 'mock-server/README.md', target: '../examples/browser-msw', want: expect.stringContaining('outside the published package') },
    { readme: 'mock-server/README.md', target: 'https://github.com/gdx-toolkit/gdx/blob/main/mock-server/src/platforms/catalog/README.md', want: undefined },
    { readme: 'mock-server/README.md', target: 'https://github.com/gdx-toolkit/gdx/blob/main/mock-server/nothing.md', want: expect.stringContaining('does not exist') },
    { readme: 'mock-server/README.md', target: 'https://msw.io/docs', want: undefined },
  ])('$readme → $target', ({ readme, target, want }) => {
    expect(brokenLink(root(readme), target)).toEqual(want);
  });
});

describe('cache-sqlite-build.mjs (root postinstall)', () => {
  const run = promisify(execFile);
  const caches: string[] = [];
  afterAll(() => Promise.all(caches.map((dir) => rm(dir, { recursive: true, force: true }))));
  const keep = async (env: Record<string, string> = {}) => {
    const cache = caches.at(-1) as string;
    const { stderr } = await run(process.execPath, [root('scripts/cache-sqlite-build.mjs')], { env: { ...process.env, npm_config_cache: cache, GDX_VERBOSE_INSTALL: '1', ...env } });
    return stderr.trim();
  };

  it('keeps the addon under the name prebuild-install looks for, once, holding build/Release/better_sqlite3.node', async () => {
    caches.push(await mkdtemp(join(tmpdir(), 'gdx-npm-cache-')));
    const first = await keep();
    const [file, ...others] = await readdir(join(caches.at(-1) as string, '_prebuilds'));
    expect(others).toEqual([]);
    expect(file).toMatch(new RegExp(`^[0-9a-f]{6}-better-sqlite3-v\\d+\\.\\d+\\.\\d+-node-v${process.versions.modules}-${process.platform}-${process.arch}\\.tar\\.gz$`));
    const kept = join(caches.at(-1) as string, '_prebuilds', file as string);
    expect(first).toBe(`cache-sqlite-build: kept for the next install: ${kept}`);
    const { stdout } = await run('tar', ['tzf', kept]);
    expect(stdout.trim().split('\n')).toEqual(['build/Release/better_sqlite3.node']);
    expect(await keep()).toBe('cache-sqlite-build: already kept');
  });

  it('keeps nothing when building from source was asked for', async () => {
    caches.push(await mkdtemp(join(tmpdir(), 'gdx-npm-cache-')));
    expect(await keep({ npm_config_build_from_source: 'true' })).toBe('cache-sqlite-build: not kept: building from source was asked for');
    expect(existsSync(join(caches.at(-1) as string, '_prebuilds'))).toBe(false);
  });
});
