// Copies Redoc's standalone bundle (a devDependency) into dist/reference/, so the published
// gdx-mock serves its reference pages offline without installing Redoc: the bundle without its
// source-map comment (the map is not shipped) and without the one image it fetches from a CDN
// (the Redocly logo of its sidebar badge: `data:,` instead, which Redoc hides as a broken image),
// and one licence file with Redoc's MIT licence and the notices of what the bundle contains.
// Run by `npm run build` after tsc.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const redoc = dirname(createRequire(import.meta.url).resolve('redoc/package.json'));
const { version } = JSON.parse(await readFile(join(redoc, 'package.json'), 'utf8'));
const out = join(root, 'dist', 'reference');
await mkdir(out, { recursive: true });

const CDN_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';
const bundle = await readFile(join(redoc, 'bundles', 'redoc.standalone.js'), 'utf8');
// Fails loudly when an upgrade moves the logo, rather than shipping a page that calls a CDN.
if (bundle.split(CDN_LOGO).length !== 2) throw new Error(`redoc ${version}: expected the bundle to name ${CDN_LOGO} once`);
await writeFile(join(out, 'redoc.standalone.js'), bundle.replace(CDN_LOGO, '"data:,"').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
const licence = await readFile(join(redoc, 'LICENSE'), 'utf8');
const notices = await readFile(join(redoc, 'bundles', 'redoc.standalone.js.LICENSE.txt'), 'utf8');
await writeFile(
  join(out, 'redoc.LICENSE.txt'),
  `redoc.standalone.js is Redoc ${version} (https://github.com/Redocly/redoc), unchanged but for its source-map comment and the URL of the Redocly logo (a CDN image; data:, instead).\n\n${licence.trim()}\n\n--- Notices of the libraries bundled in redoc.standalone.js ---\n\n${notices.trim()}\n`,
);
console.log(`copied Redoc ${version} → dist/reference/`);
