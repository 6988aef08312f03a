// Bundles each OpenAPI document (resolving the cross-file $refs into components) into
// dist/bundled/<name>.json. Output is deterministic: source key order, two-space JSON, final newline.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, createConfig } from '@redocly/openapi-core';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const names = ['registration', 'sharing', 'open-data', 'catalog', 'simulation'];
const outDir = join(root, 'dist', 'bundled');

// An empty config: bundling needs no lint rules (those live in redocly.yaml for `npm run lint`).
const config = await createConfig({});
await mkdir(outDir, { recursive: true });

let failed = false;
for (const name of names) {
  const ref = join(root, name, 'openapi.yaml');
  const { bundle: result, problems } = await bundle({ ref, config, dereference: false });
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of errors) console.error(`${name}: ${p.message}`);
  if (errors.length > 0) {
    failed = true;
    continue;
  }
  await writeFile(join(outDir, `${name}.json`), `${JSON.stringify(result.parsed, null, 2)}\n`);
  console.log(`bundled ${name} → dist/bundled/${name}.json`);
}
if (failed) process.exit(1);
