// The release path as a consumer meets it: changesets versions a copy of the repository, publishes
// every published package into a local Verdaccio, and a fresh project outside the workspace
// installs from it and uses the packages every supported way. One scenario, in order.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackageFromTarballData } from '@arethetypeswrong/core';
import { tarballProblems } from '../src/lint-tarball.js';
import { startLocalRegistry, type LocalRegistry } from '../src/local-registry.js';
import { run } from '../src/run.js';
import { copyForRelease, unsatisfiedInternalRanges, workspaces, type Workspace } from '../src/workspace.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONSUMER_FILES = fileURLToPath(new URL('../consumer', import.meta.url));
const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name);
/**
 * Quiet installs: no audit or funding calls, no install scripts, no update check. npm's own
 * caching, as a consumer's npm has it: tarballs come from the cache by integrity, metadata is
 * revalidated as its HTTP headers say. Verdaccio's has no freshness (an ETag only, the MD5 of the
 * body), so `@gdx/*` metadata is asked for again on every install, and a later run on the same
 * port cannot get an earlier release's; {@link expectInstalledFromThisRelease} checks that.
 * (`--prefer-online` did that too, but also downloaded every tarball again on every install,
 * vite's and rolldown's among them: npm skips its cache for tarballs as well under that flag.)
 */
const INSTALL = ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--ignore-scripts'];

let temp: string;
let copy: string;
let consumer: string;
let registry: LocalRegistry;
let published: Workspace[];

/** npm and changesets as the release job runs them: writing to the local registry only. */
function releaseEnv(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_registry: registry.url, npm_config_userconfig: join(temp, 'release.npmrc') };
}

/** A consumer's npm: `@gdx/*` from the local registry, everything else from its usual registry. */
function consumerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_')) delete env[key];
  return env;
}

async function installedScope(): Promise<string[]> {
  return (await readdir(join(consumer, 'node_modules', '@gdx'))).sort();
}

/**
 * Every `@gdx/*` in the consumer's lockfile is the tarball this run published, byte for byte:
 * its integrity is the SHA-512 of the tarball in this run's registry storage, never that of an
 * earlier release whose metadata or tarball npm's cache might still hold.
 */
async function expectInstalledFromThisRelease(): Promise<void> {
  const lock = JSON.parse(await readFile(join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };
  const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/@gdx/'));
  expect(installed.length).toBeGreaterThan(0);
  for (const [path, { version, integrity }] of installed) {
    const bare = path.slice('node_modules/@gdx/'.length);
    const published = await readFile(join(registry.storage, '@gdx', bare, `${bare}-${version}.tgz`));
    expect({ path, integrity }).toEqual({ path, integrity: `sha512-${createHash('sha512').update(published).digest('base64')}` });
  }
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'gdx-release-'));
  copy = join(temp, 'repository');
  consumer = join(temp, 'consumer');
  await mkdir(join(temp, 'registry'));
  registry = await startLocalRegistry(join(temp, 'registry'));
  await writeFile(join(temp, 'release.npmrc'), `registry=${registry.url}\n${registry.url.replace(/^http:/, '')}:_authToken=${registry.token}\n`);
  await copyForRelease(ROOT, copy);
});

afterAll(async () => {
  await registry?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('a release into a local registry', () => {
  it('changeset status is clean in the repository', async () => {
    await run(BIN('changeset'), ['status'], { cwd: ROOT });
  });

  it('changeset version moves every published package to one version and leaves every internal range satisfiable', async () => {
    await run(BIN('changeset'), ['version'], { cwd: copy, env: releaseEnv() });
    // As in the release's checkout, changelog lines name the commit that added their changeset.
    const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: copy })).stdout.trim();
    expect(await readFile(join(copy, 'packages/registration/CHANGELOG.md'), 'utf8')).toContain(`- ${commit.slice(0, 7)}: `);
    const all = await workspaces(copy);
    published = all.filter(({ manifest }) => !manifest.private);
    const config = JSON.parse(await readFile(join(copy, '.changeset/config.json'), 'utf8')) as { fixed: string[][] };
    const names = published.map(({ manifest }) => manifest.name).sort();
    expect(config.fixed.flat().sort(), 'the fixed group is exactly the published packages').toEqual(names);
    // turbo builds this workspace's devDependencies before its test: every published package must be one.
    const own = JSON.parse(await readFile(join(ROOT, 'release/package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(names.filter((name) => !(name in own.devDependencies)), 'published packages missing from release/package.json devDependencies').toEqual([]);
    expect(new Set(published.map(({ manifest }) => manifest.version)).size).toBe(1);
    // There is always a release to make: the copy holds a changeset of its own beside the pending ones.
    const before = JSON.parse(await readFile(join(ROOT, 'packages/registration/package.json'), 'utf8')) as { version: string };
    expect(published[0]?.manifest.version, 'the version after `changeset version`').not.toBe(before.version);
    expect(unsatisfiedInternalRanges(all)).toEqual([]);
  });

  it('npm run release:publish (changeset publish) puts every published package, and nothing else, into the registry, and puts every package.json back', async () => {
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const manifests = () => Promise.all(published.map(({ dir }) => readFile(join(copy, dir, 'package.json'), 'utf8')));
    const versioned = await manifests();
    // The copy has no node_modules of its own: changesets is the repository's.
    const env = { ...releaseEnv(), NODE_PATH: join(ROOT, 'node_modules') };
    await run('npm', ['run', 'release:publish', '--', '--no-git-tag'], { cwd: copy, env, timeoutMs: 300_000 });
    const stored = (await readdir(join(registry.storage, '@gdx'))).map((name) => `@gdx/${name}`).sort();
    expect(stored).toEqual(published.map(({ manifest }) => manifest.name).sort());
    // npm publish left each package.json rewritten (npm runs no postpublish of the published manifest): put back, nothing left aside.
    expect(await manifests()).toEqual(versioned);
    expect(published.filter(({ dir }) => existsSync(join(copy, dir, '.package.dev.json'))).map(({ dir }) => dir)).toEqual([]);
  });

  it('every published tarball passes attw (profile esm-only) and publint --strict, and has every file it names', async () => {
    const problems: string[] = [];
    for (const { manifest } of published) {
      const bare = manifest.name.replace('@gdx/', '');
      problems.push(...(await tarballProblems(new Uint8Array(await readFile(join(registry.storage, '@gdx', bare, `${bare}-${manifest.version}.tgz`))))));
    }
    expect(problems).toEqual([]);
  });
});

describe('a fresh project outside the workspace, installing from the registry', () => {
  let mswVersion: string;

  beforeAll(async () => {
    await cp(CONSUMER_FILES, consumer, { recursive: true });
    await writeFile(join(consumer, 'package.json'), `${JSON.stringify({ name: 'gdx-consumer', private: true, type: 'module' }, null, 2)}\n`);
    await writeFile(join(consumer, '.npmrc'), `@gdx:registry=${registry.url}\n`);
    const mock = published.find(({ manifest }) => manifest.name === '@gdx/mock-server');
    // The lowest msw the handlers promise to work with: the floor of their peer range.
    mswVersion = /^\^(\d+\.\d+\.\d+)$/.exec((mock?.manifest as { peerDependencies?: Record<string, string> }).peerDependencies?.msw ?? '')?.[1] ?? '';
    expect(mswVersion, 'msw peer range of @gdx/mock-server is ^x.y.z').not.toBe('');
  });

  it('gets @gdx/registration alone with exactly the packages it needs', async () => {
    await run('npm', [...INSTALL, '@gdx/registration'], { cwd: consumer, env: consumerEnv() });
    expect(await installedScope()).toEqual(['identifiers', 'protocol', 'registration', 'runtime']);
    await expectInstalledFromThisRelease();
  });

  it('adds the mock and the simulation SDK without msw', async () => {
    await run('npm', [...INSTALL, '--save-dev', '@gdx/mock-server', '@gdx/simulation'], { cwd: consumer, env: consumerEnv() });
    expect(existsSync(join(consumer, 'node_modules/msw'))).toBe(false);
    await expectInstalledFromThisRelease();
  });

  it('imports the packages as ESM and calls the gdx-mock started by `node_modules/.bin/gdx-mock`, which a SIGTERM stops', async () => {
    await expectEsmCallAgainstInstalledMock(consumer);
  });

  it('require()s them from CommonJS (Node >= 20.19)', async () => {
    const { stdout } = await run(process.execPath, ['cjs.cjs'], { cwd: consumer, env: consumerEnv() });
    expect(JSON.parse(stdout)).toMatchObject({ sandbox: 'default', applications: expect.any(Number) });
  });

  it("runs the mock's handlers under its own msw's setupServer, at the lowest msw in range", async () => {
    await run('npm', [...INSTALL, '--save-dev', `msw@${mswVersion}`, `vite@${await rootVersionOf('vite')}`], { cwd: consumer, env: consumerEnv(), timeoutMs: 300_000 });
    expect(existsSync(join(consumer, 'node_modules/@gdx/mock-server/node_modules/msw'))).toBe(false);
    const { stdout } = await run(process.execPath, ['msw.mjs'], { cwd: consumer, env: consumerEnv() });
    expect(JSON.parse(stdout)).toMatchObject({ msw: mswVersion, sandbox: 'default', applications: expect.any(Number) });
  });

  it('type-checks as ESM under node16 and bundler resolution, and as CommonJS under nodenext', async () => {
    // One `tsc --build` of the three projects: each is checked with its own options, and the
    // files they share (TypeScript's libs, the packages' declarations) are read and parsed once.
    await run(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '--build', 'tsconfig.node16.json', 'tsconfig.bundler.json', 'tsconfig.require.json'], { cwd: consumer, env: consumerEnv() });
  });

  it('builds a page using the in-browser mock with Vite, with no Node built-in in the graph', async () => {
    await run(join(consumer, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: consumer, env: consumerEnv() });
    const assets = await readdir(join(consumer, 'dist/assets'));
    expect(assets.filter((name) => name.endsWith('.js')).length).toBeGreaterThan(1);
  });
});

describe('npm run pack:all: the tarballs a project installs before anything is on the registry', () => {
  let packs: string;
  let packed: string[];
  /** The file pack-all names a package's tarball: npm's name for it at the repository's (unreleased) version. */
  let tarballName: (name: string) => string;

  beforeAll(async () => {
    const versions = new Map((await workspaces(ROOT)).map(({ manifest }) => [manifest.name, manifest.version]));
    tarballName = (name) => `${name.replace('@gdx/', 'gdx-')}-${versions.get(name)}.tgz`;
  });

  it('packs every published package into one folder and leaves the working tree as it was', async () => {
    const before = (await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT })).stdout;
    packs = join(temp, 'gdx-packs');
    await run(process.execPath, [join(ROOT, 'scripts/pack-all.mjs'), '--out', packs], { cwd: ROOT });
    expect((await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT })).stdout, 'package.json files are not rewritten, nothing is left behind').toBe(before);
    packed = (await readdir(packs)).sort();
    expect(packed).toEqual(published.map(({ manifest }) => tarballName(manifest.name)).sort());
  });

  it('packs the files and the manifest the release published (so the tarball lint above holds for them)', async () => {
    const differences: string[] = [];
    for (const { manifest } of published) {
      const bare = manifest.name.replace('@gdx/', '');
      const release = createPackageFromTarballData(new Uint8Array(await readFile(join(registry.storage, '@gdx', bare, `${bare}-${manifest.version}.tgz`))));
      const local = createPackageFromTarballData(new Uint8Array(await readFile(join(packs, tarballName(manifest.name)))));
      const root = `/node_modules/${manifest.name}`;
      const files = (pkg: typeof local) => pkg.listFiles(root).map((file) => file.slice(root.length + 1)).filter((file) => file !== 'CHANGELOG.md').sort();
      if (JSON.stringify(files(local)) !== JSON.stringify(files(release))) differences.push(`${manifest.name}: other files`);
      // The release copy was versioned by changesets: compare with its version and internal ranges set aside.
      const unversioned = (pkg: typeof local) => JSON.stringify(JSON.parse(pkg.readFile(`${root}/package.json`)), (key, value: unknown) => (key === 'version' || key.startsWith('@gdx/') ? '<version>' : value));
      if (unversioned(local) !== unversioned(release)) differences.push(`${manifest.name}: another manifest\n${unversioned(local)}\n${unversioned(release)}`);
    }
    expect(differences).toEqual([]);
  });

  it('installs all of them at once in a fresh project, with no registry for @gdx/*, and runs the mock and a signed SDK call', async () => {
    const project = join(temp, 'tarball-consumer');
    await mkdir(project);
    await cp(join(CONSUMER_FILES, 'esm.mjs'), join(project, 'esm.mjs'));
    await cp(join(CONSUMER_FILES, 'sandbox-call.mjs'), join(project, 'sandbox-call.mjs'));
    await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'gdx-tarball-consumer', private: true, type: 'module' }, null, 2)}\n`);
    // What the README says: `npm install <folder>/*.tgz` (the shell expands the glob).
    await run('npm', [...INSTALL, ...packed.map((file) => join(packs, file))], { cwd: project, env: consumerEnv() });
    expect((await readdir(join(project, 'node_modules', '@gdx'))).sort()).toEqual(published.map(({ manifest }) => manifest.name.replace('@gdx/', '')).sort());
    await expectEsmCallAgainstInstalledMock(project);
  });
});

/**
 * Starts the installed `node_modules/.bin/gdx-mock --port 0` in `project` as the README says, runs
 * `esm.mjs` against it, then sends SIGTERM to that process alone, as an orchestrator or a CI
 * runner does: the mock must drain and exit 0, and its port must stop answering. (Started through
 * `npx`, the signal reached npm, not the server, which kept running.)
 */
async function expectEsmCallAgainstInstalledMock(project: string): Promise<void> {
  const mock = spawn(join(project, 'node_modules/.bin/gdx-mock'), ['--port', '0', '--log-level', 'warn'], { cwd: project, env: consumerEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await listeningUrl(mock);
    const { stdout } = await run(process.execPath, ['esm.mjs'], { cwd: project, env: { ...consumerEnv(), GDX_MOCK_URL: url } });
    expect(JSON.parse(stdout)).toMatchObject({ sandbox: 'default', applications: expect.any(Number) });
    const exited = new Promise<number | null>((resolveExit) => mock.once('exit', (code) => resolveExit(code)));
    mock.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/_sim/v1/health`)).rejects.toThrow();
  } finally {
    stopGroup(mock);
  }
}

async function rootVersionOf(name: string): Promise<string> {
  return (JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The URL a starting gdx-mock prints ("gdx-mock listening on http://…"). */
function listeningUrl(mock: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`gdx-mock printed no URL within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /gdx-mock listening on (http:\/\/\S+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolvePromise(found[1]);
      }
    };
    mock.stdout?.on('data', read);
    mock.stderr?.on('data', read);
    mock.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gdx-mock exited ${code}:\n${output}`));
    });
  });
}

/** Stops what is left of a process group the test started (nothing, when the mock stopped as it should). */
function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone.
  }
}
