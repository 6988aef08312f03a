// `tsc` of TypeScript 7, the native compiler, for the builds and the type check (decision 0022).
// It is installed beside TypeScript 5.9 under the alias `typescript7`: 5.9 stays `typescript`,
// whose JavaScript API openapi-typescript and dependency-cruiser need, and whose `tsc` bin
// npm links; this script runs 7's launcher, which starts the platform's compiler binary with the
// arguments given here (`node scripts/tsc-native.mjs -p tsconfig.build.json`).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const packageDir = dirname(createRequire(import.meta.url).resolve('typescript7/package.json'));
await import(pathToFileURL(join(packageDir, 'lib', 'tsc.js')).href);
