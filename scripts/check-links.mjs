#!/usr/bin/env node
// Checks the links of every README.md in the repository, offline:
// - a relative link must name a file or folder that exists;
// - in the README of a published package (shown on npm), it must also stay inside the package
//   and be shipped by its `files`, since anything else is a dead link there: point at the
//   repository instead, with an absolute https://github.com/gdx-toolkit/gdx/blob/main/… link;
// - such an absolute link into this repository must name something that exists here.
// Anchors (#…) are not checked. Exits 1 listing every broken link.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const REPOSITORY = /^https:\/\/github\.com\/gdx-toolkit\/gdx\/(?:blob|tree)\/main\/([^#?]*)/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'generated', 'coverage', '.git', '.turbo']);
/** Files npm packs whatever `files` says. */
const ALWAYS_PACKED = /^(package\.json|README(\..*)?|LICEN[CS]E(\..*)?)$/i;

function* readmes(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) yield* readmes(join(folder, entry.name));
    else if (entry.isFile() && entry.name === 'README.md') yield join(folder, entry.name);
  }
}

/** Link targets of a Markdown text: inline links and images, reference definitions, HTML src/href. */
function linkTargets(markdown) {
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const patterns = [/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm, /\s(?:src|href)="([^"]+)"/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));
}

/** The `files` of the published package whose README this is, or undefined. */
function publishedFiles(readme) {
  const manifestPath = join(dirname(readme), 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return manifest.private ? undefined : (manifest.files ?? []);
}

function isPacked(pathInPackage, files) {
  if (ALWAYS_PACKED.test(pathInPackage)) return true;
  return files.some((entry) => {
    const clean = entry.replace(/^\.\//, '').replace(/\/$/, '');
    return pathInPackage === clean || pathInPackage.startsWith(`${clean}/`);
  });
}

/** Why the link `target` of `readme` is broken, or undefined when it is fine. */
export function brokenLink(readme, target) {
  const inRepository = REPOSITORY.exec(target);
  if (inRepository) {
    const path = decodeURIComponent(inRepository[1]);
    return existsSync(join(ROOT, path)) ? undefined : `${path} does not exist in the repository`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return undefined;
  const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
  const absolute = resolve(dirname(readme), path);
  if (!existsSync(absolute)) return 'no such file';
  const files = publishedFiles(readme);
  if (files === undefined) return undefined;
  const inPackage = relative(dirname(readme), absolute);
  if (inPackage.startsWith('..')) return 'outside the published package: link to https://github.com/gdx-toolkit/gdx/blob/main/…';
  if (inPackage !== '' && !isPacked(inPackage.split(sep).join('/'), files)) return 'not in the published tarball (`files`): link to the repository instead';
  return undefined;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let checked = 0;
  const broken = [];
  for (const readme of readmes(ROOT)) {
    for (const target of linkTargets(readFileSync(readme, 'utf8'))) {
      checked += 1;
      const reason = brokenLink(readme, target);
      if (reason) broken.push(`${relative(ROOT, readme)}: ${target} — ${reason}`);
    }
  }
  for (const line of broken) console.error(line);
  console.log(`check-links: ${checked} links in README files, ${broken.length} broken`);
  if (broken.length > 0) process.exitCode = 1;
}
