// Bundles the `gdx-mock` CLI: dist/cli/main.js, as tsc built it, and the modules it imports
// become dist/cli.js and a few chunks in dist/cli-chunks/ (what only a flag or a later request
// needs, such as the SQLite store or `repair`, stays in a chunk of its own, loaded when used);
// the contracts' JSON texts become files in dist/cli-specs/ (`specFiles`).
// The compaction worker, dist/app/compaction-worker.js, becomes dist/compaction-worker.js in the
// same build, importing the chunks it shares with the CLI rather than a copy of them: a thread
// started for every snapshot of a data directory (at each `--compact-every` and at a stop), which
// loaded the app module by module, ~0.4 CPU-s more each time (issue 12).
// Run by `npm run build` after tsc (decision 0029).
//
// Why: a start spent about a third of its ~1.1 s of CPU loading ~500 ES modules one by one
// (resolving each, following the workspace packages' symlinks, reading and compiling it); the
// tests start the CLI dozens of times and vendors start it in every CI job (issue 12).
//
// Bundled: the mock's own modules, the `@gdx/*` packages but the console, and zod (ES modules,
// tree-shaken). Left to Node: the CommonJS dependencies (pino, ajv, yaml, better-sqlite3…),
// loaded from the package's node_modules as before, and `@gdx/console`, which finds its assets
// beside its own module. Every module still sees its own `import.meta.url` (see `moduleUrls`),
// so the files it finds beside it (validators, reference pages, the compaction worker, the
// manifest) are found as from dist/ unbundled: the unbundled CLI, dist/cli/main.js, runs the same.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const CHUNKS = 'cli-chunks';
const { dependencies } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** The package a bare specifier names (`@gdx/procedures`, `ajv`), or `undefined` for a path or `#import`. */
function packageOf(specifier) {
  if (/^[./#]/.test(specifier) || isAbsolute(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether a package's modules go into the bundle rather than being imported from node_modules at run time. */
const bundled = (name) => name === 'zod' || (name.startsWith('@gdx/') && name !== '@gdx/console');

const MODULE_URL = '__gdxModuleUrl__';
const posix = (path) => path.split(sep).join('/');

/**
 * Gives each bundled module its own `import.meta.url` back: the URL of its file under dist/,
 * written relative to the chunk it lands in. A module outside dist/ that reads it (another
 * package's) cannot be given that in a published install: the build fails instead.
 */
const moduleUrls = {
  name: 'module-urls',
  transform(code, id) {
    // The bundler's own runtime (a virtual module) reads it as the chunk's: left as it is.
    if (!code.includes('import.meta.url') || !isAbsolute(id)) return null;
    const path = relative(dist, id);
    if (path.startsWith('..') || isAbsolute(path)) this.error(`${id} reads import.meta.url: leave its package out of the bundle (scripts/bundle-cli.mjs, \`bundled\`)`);
    return { code: code.replaceAll('import.meta.url', `${MODULE_URL}(${JSON.stringify(posix(path))})`), map: null };
  },
  renderChunk(code, chunk) {
    const from = dirname(chunk.fileName);
    const pattern = new RegExp(`${MODULE_URL}\\("([^"]+)"\\)`, 'g');
    const url = (path) => {
      const fromChunk = posix(relative(from, path));
      return `new URL(${JSON.stringify(fromChunk.startsWith('.') ? fromChunk : `./${fromChunk}`)}, import.meta.url).href`;
    };
    return { code: code.replace(pattern, (_, path) => url(path)), map: null };
  },
};

/**
 * The bundled contracts' JSON texts (1.1 MB of string constants in @gdx/openapi, which works in
 * browsers without a file system) become files in dist/cli-specs/, each read when first asked for.
 * Why: as string literals in an ES chunk, a start decoded them (UTF-8) and V8 scanned them, escaped
 * quote by escaped quote, before `JSON.parse` read them once more (issue 12). The texts are the same
 * strings, so `loadBundledSpec` parses what it parsed before.
 */
const SPECS = 'cli-specs';
const specFiles = {
  name: 'spec-files',
  async load(id) {
    if (!id.endsWith(join('openapi', 'dist', 'generated', 'bundled-specs.js'))) return null;
    const { bundledSpecTexts } = await import(pathToFileURL(id).href);
    await mkdir(join(dist, SPECS), { recursive: true });
    const getters = [];
    for (const [name, text] of Object.entries(bundledSpecTexts)) {
      await writeFile(join(dist, SPECS, `${name}.json`), text);
      getters.push(`  get ${JSON.stringify(name)}() { return (texts[${JSON.stringify(name)}] ??= readFileSync(new URL(${MODULE_URL}(${JSON.stringify(`${SPECS}/${name}.json`)})), 'utf8')); },`);
    }
    // Enumerable getters on a plain object: read as the constants were, by name, each file once.
    return [`import { readFileSync } from 'node:fs';`, `const texts = {};`, `export const bundledSpecTexts = {`, ...getters, `};`].join('\n');
  },
};

await rm(join(dist, CHUNKS), { recursive: true, force: true });
await rm(join(dist, SPECS), { recursive: true, force: true });
const output = await build({
  input: { cli: join(dist, 'cli', 'main.js'), 'compaction-worker': join(dist, 'app', 'compaction-worker.js') },
  platform: 'node',
  // Node's own conditions: never `source` (the TypeScript sources) nor a browser leaf.
  resolve: { conditionNames: ['node', 'import', 'default'] },
  external: (specifier) => {
    const name = packageOf(specifier);
    return name !== undefined && !bundled(name);
  },
  plugins: [specFiles, moduleUrls],
  output: { dir: dist, format: 'esm', entryFileNames: '[name].js', chunkFileNames: `${CHUNKS}/[name]-[hash].js` },
  // A warning fails the build: an ineffective dynamic import, say, would load at every start
  // what is meant to be loaded when used.
  onLog: (level, log, handle) => handle(level === 'warn' ? 'error' : level, log),
  logLevel: 'warn',
});

// Left to Node, each must be a dependency of this package, or an install may not have it.
const builtins = new Set(builtinModules);
const chunks = new Set(output.output.map((chunk) => chunk.fileName));
const missing = new Set();
for (const chunk of output.output) {
  for (const specifier of chunk.type === 'chunk' ? [...chunk.imports, ...chunk.dynamicImports] : []) {
    const name = chunks.has(specifier) ? undefined : packageOf(specifier);
    if (name !== undefined && !specifier.startsWith('node:') && !builtins.has(name) && !(name in dependencies)) missing.add(name);
  }
}
if (missing.size > 0) throw new Error(`the bundled CLI and compaction worker import ${[...missing].join(', ')}, not dependencies of @gdx/mock-server`);
console.log(`bundled dist/cli/main.js → dist/cli.js and dist/app/compaction-worker.js → dist/compaction-worker.js, with ${output.output.length - 2} chunks in dist/${CHUNKS}/`);
