#!/usr/bin/env node
// Packs a workspace package the way its users install it. In the repository every package maps
// its exports and imports to `src/*.ts` under the `source` condition (tests and typechecks read
// sibling sources, ADR 0002) and to `src/` under `gdx-build` (the build's private condition);
// neither file ships. npm runs this script around `npm pack` / `npm publish`:
//   prepack      saves package.json aside and writes the published manifest in its place
//   postpack     puts package.json back, except under `npm publish`: npm re-reads package.json
//                after packing and sends that copy to the registry
// Under `npm publish` nothing in the package can put it back: npm runs `postpublish` from the copy
// it re-read, the published manifest, which has no such script. So a release publishes with
//   node scripts/pack-manifest.mjs publish [changeset publish options]   (npm run release:publish)
// from the repository root: `changeset publish`, then every workspace's package.json put back.
// See docs/decisions/0009-release-path.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Conditions that resolve to files of the repository only. */
const DEVELOPMENT_CONDITIONS = new Set(['source', 'gdx-build']);
/**
 * The only scripts npm runs in an installed package. Every other script is a command of the
 * repository (build, test, generate, and the pack hooks that run this file), naming its files
 * (`../../scripts/tsc-native.mjs`): meaningless, and misleading, in an installed package.
 */
const INSTALL_SCRIPTS = new Set(['preinstall', 'install', 'postinstall']);
const SAVED = '.package.dev.json';

/** A condition map without the development conditions, at any depth. */
function withoutDevelopmentConditions(target) {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return target;
  return Object.fromEntries(
    Object.entries(target)
      .filter(([key]) => !DEVELOPMENT_CONDITIONS.has(key))
      .map(([key, value]) => [key, withoutDevelopmentConditions(value)]),
  );
}

/**
 * The manifest as published: `exports` and `imports` without `source`/`gdx-build`, `scripts`
 * with only the install scripts (dropped when none is left). Everything else is unchanged.
 *
 * @example
 * publishedManifest({ exports: { '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' } } });
 * // { exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }
 */
export function publishedManifest(manifest) {
  const published = { ...manifest };
  for (const field of ['exports', 'imports']) {
    if (field in published) published[field] = withoutDevelopmentConditions(published[field]);
  }
  if (published.scripts) {
    const scripts = Object.fromEntries(Object.entries(published.scripts).filter(([name]) => INSTALL_SCRIPTS.has(name)));
    if (Object.keys(scripts).length > 0) published.scripts = scripts;
    else delete published.scripts;
  }
  return published;
}

function prepack() {
  // A leftover copy means an earlier pack or publish stopped half-way: that copy is the real one.
  if (existsSync(SAVED)) restore();
  const text = readFileSync('package.json', 'utf8');
  writeFileSync(SAVED, text);
  writeFileSync('package.json', `${JSON.stringify(publishedManifest(JSON.parse(text)), null, 2)}\n`);
}

/** Puts back the package.json that `prepack` saved in `dir` (the working directory by default), if any. */
function restore(dir = '.') {
  if (existsSync(join(dir, SAVED))) renameSync(join(dir, SAVED), join(dir, 'package.json'));
}

/**
 * The folders (relative to `root`) of the workspaces of the root package.json, each holding a
 * package.json: entries are folders or `folder/*`, as this repository writes them.
 *
 * @example
 * workspaceDirs('/work/gdx'); // ['openapi', 'packages/authorized-operation', …, 'release']
 */
export function workspaceDirs(root) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces
    .flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
        : [pattern],
    )
    .filter((dir) => existsSync(join(root, dir, 'package.json')));
}

/**
 * `changeset publish` with `args`, run from the repository root, then every workspace's
 * package.json put back, whether the publish succeeded or not; answers its exit code.
 */
function publish(args) {
  const changeset = createRequire(import.meta.url).resolve('@changesets/cli/bin.js');
  const { status, error } = spawnSync(process.execPath, [changeset, 'publish', ...args], { stdio: 'inherit' });
  for (const dir of workspaceDirs('.')) restore(dir);
  if (error) throw error;
  return status ?? 1;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const step = process.argv[2];
  if (step === 'prepack') prepack();
  else if (step === 'postpack' && process.env.npm_command !== 'publish') restore();
  else if (step === 'publish') process.exitCode = publish(process.argv.slice(3));
  else if (step !== 'postpack') {
    process.stderr.write('usage: pack-manifest.mjs prepack|postpack (run from a package folder by npm)\n       pack-manifest.mjs publish [changeset publish options] (from the repository root)\n');
    process.exitCode = 2;
  }
}
