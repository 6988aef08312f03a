#!/usr/bin/env node
// Packs every published workspace (every one not `private`) into one folder, as a release would
// pack it, for installing outside the repository before anything is on the npm registry:
//   npm run pack:all                        (builds them first, then runs this)
//   npm install /path/to/gdx/gdx-packs/*.tgz
// All the tarballs go to npm together, so each `@gdx/*` dependency is one of them.
//
// The working tree is only read. `npm pack` in a package folder would run its `prepack`, which
// writes the published manifest over package.json until `postpack` puts it back (left rewritten if
// the pack is interrupted); here each package folder (but its node_modules) is mirrored in a
// temporary folder with hard links, package.json there is replaced by `publishedManifest`
// (pack-manifest.mjs, the same function the release's prepack uses), and those folders are packed
// with `--ignore-scripts`: npm picks the files from each mirror by the package's own rules
// (`files`, ignore files), as it does from the package folder when the release publishes it.
// (Asking npm for the list first, with `npm pack --dry-run`, cost a second npm run that compressed
// every tarball once more, and copying the files cost more than linking them.)
// usage: node scripts/pack-all.mjs [--out <dir>]   (default: gdx-packs/ at the repository root;
// a relative <dir> is taken from where `npm run pack:all -- --out <dir>` was typed)
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { publishedManifest, workspaceDirs } from './pack-manifest.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const run = promisify(execFile);
/** npm's output is one JSON document per command; the largest (every file of every package) is a few MB. */
const NPM_OPTIONS = { maxBuffer: 64 * 1024 * 1024 };

/**
 * The folders (relative to `root`) of the workspaces that are published: every workspace of the
 * root package.json (entries are folders or `folder/*`, as this repository writes them) whose
 * manifest is not `private`.
 *
 * @example
 * publishedWorkspaceDirs('/work/gdx'); // ['mock-server', 'openapi', 'packages/authorized-operation', …]
 */
export function publishedWorkspaceDirs(root) {
  return workspaceDirs(root)
    .filter((dir) => !JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).private)
    .sort();
}

/**
 * Mirrors the folder `source` at `target` with hard links (copies where `target` is on another
 * file system), leaving out the paths in `skipped`. npm only reads the mirror; the one file
 * written there, package.json, is never linked.
 */
async function linkTree(source, target, skipped) {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    if (skipped.has(from)) continue;
    if (entry.isDirectory()) await linkTree(from, to, skipped);
    else await link(from, to).catch((error) => (error.code === 'EXDEV' ? copyFile(from, to) : Promise.reject(error)));
  }
}

/**
 * Packs every published workspace of the repository at `root` into `outDir` (created if needed;
 * the `.tgz` files already there are removed first, so an older version is never installed
 * beside a newer one) and answers the tarballs' file names. Packs what is built: build first.
 *
 * @example
 * await packAll('/work/gdx', '/work/gdx/gdx-packs'); // ['gdx-authorized-operation-0.2.0.tgz', …]
 */
export async function packAll(root, outDir) {
  const dirs = publishedWorkspaceDirs(root);
  const stage = await mkdtemp(join(tmpdir(), 'gdx-pack-all-'));
  try {
    const staged = [];
    for (const [index, dir] of dirs.entries()) {
      const source = join(root, dir);
      const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
      const target = join(stage, String(index));
      // npm never packs a package's own node_modules (no package bundles dependencies) nor, from here, its package.json.
      const skipped = new Set([join(source, 'node_modules'), join(source, 'package.json')]);
      await linkTree(source, target, skipped);
      await writeFile(join(target, 'package.json'), `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
      staged.push(target);
    }
    await mkdir(outDir, { recursive: true });
    for (const name of await readdir(outDir)) if (name.endsWith('.tgz')) await rm(join(outDir, name));
    const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir, ...staged], { cwd: stage, ...NPM_OPTIONS });
    return JSON.parse(packed.stdout).map((entry) => entry.filename);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  let out;
  try {
    out = parseArgs({ options: { out: { type: 'string' } } }).values.out;
  } catch (error) {
    process.stderr.write(`pack-all: ${error.message}\nusage: node scripts/pack-all.mjs [--out <dir>]\n`);
    process.exit(2);
  }
  // Under `npm run`, the working directory is the repository root: a relative --out means the folder the command was typed in.
  const outDir = out === undefined ? join(ROOT, 'gdx-packs') : resolve(process.env.INIT_CWD ?? process.cwd(), out);
  const files = await packAll(ROOT, outDir);
  process.stdout.write(`pack-all: ${files.length} packages in ${outDir}\n${files.map((file) => `  ${file}\n`).join('')}` +
    `Install them together, e.g. in your project: npm install ${outDir}/*.tgz\n`);
}
