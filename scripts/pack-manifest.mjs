#!/usr/bin/env node
// Packs a workspace package the way its users install it. In the repository every package maps
// its exports and imports to `src/*.ts` under the `source` condition (tests and typechecks read
// sibling sources, ADR 0002) and to `src/` under `gdx-build` (the build's private condition);
// neither file ships. npm runs this script around `npm pack` / `npm publish`:
//   prepack      saves package.json aside and writes the published manifest in its place
//   postpack     puts package.json back (under `npm publish`, postpublish does it instead, because
//                npm re-reads package.json after packing and sends that copy to the registry)
//   postpublish  puts package.json back
// See docs/decisions/0009-release-path.md.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

function restore() {
  if (existsSync(SAVED)) renameSync(SAVED, 'package.json');
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const step = process.argv[2];
  if (step === 'prepack') prepack();
  else if (step === 'postpublish' || (step === 'postpack' && process.env.npm_command !== 'publish')) restore();
  else if (step !== 'postpack') {
    process.stderr.write('usage: pack-manifest.mjs prepack|postpack|postpublish (run from a package folder by npm)\n');
    process.exitCode = 2;
  }
}
