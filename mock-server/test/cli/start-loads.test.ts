import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/spawn-cli.js';

// What the built `gdx-mock` has loaded when it prints its banner (issue 12): the generated
// validators of the one contract its banner's reads go through, and none of the CommonJS
// dependencies only some requests or flags need. A regression would not fail any other test: a
// validator the bundle could not find is compiled by ajv instead, and a dependency imported
// with the app works, only slower. Nor does Node's ES loader lex a CommonJS module for its export
// names at start (cjs-module-lexer): every CommonJS dependency a start needs is required.
const WATCHED = {
  simulationValidators: '/dist/generated/validators/simulation.cjs',
  simulationBodyValidators: '/dist/generated/validators/simulation.bodies.cjs',
  ajvCompiler: '/node_modules/ajv/dist/2020.js',
  yaml: '/node_modules/yaml/dist/index.js',
  pinoPretty: '/node_modules/pino-pretty/index.js',
  // Without --data-dir: no SQLite driver.
  betterSqlite3: '/node_modules/better-sqlite3/lib/index.js',
  // Only a refused request reads ajv's words in Chinese.
  ajvLocalizeZh: '/node_modules/ajv-i18n/localize/zh/index.js',
};

// Runs the CLI in this child and, once the banner's first line is written, reports which watched
// files Node's CommonJS cache holds (ajv, yaml and pino-pretty are CommonJS, as are the validators).
const SCRIPT = `
import { createRequire } from 'node:module';
const cache = createRequire(${JSON.stringify(pathToFileURL(CLI).href)}).cache;
const watched = ${JSON.stringify(WATCHED)};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (!String(chunk).includes('listening on')) return write(chunk, ...rest);
  const files = Object.keys(cache).map((file) => file.replaceAll('\\\\', '/'));
  const loaded = Object.fromEntries(Object.entries(watched).map(([name, end]) => [name, files.some((file) => file.endsWith(end))]));
  const lexed = process.moduleLoadList.some((module) => module.includes('cjs-module-lexer'));
  write(JSON.stringify({ ...loaded, lexed }));
  process.exit(0);
};
process.argv = [process.execPath, 'gdx-mock', '--port', '0', '--start-at', '2025-09-26T10:00:00+08:00'];
await import(${JSON.stringify(pathToFileURL(CLI).href)});
`;

describe('gdx-mock start', () => {
  it('loads the simulation contract’s parameter validators, and neither its body validators, ajv’s compiler, yaml, pino-pretty, SQLite nor ajv-i18n, and lexes no CommonJS module', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      simulationValidators: true,
      simulationBodyValidators: false,
      ajvCompiler: false,
      yaml: false,
      pinoPretty: false,
      betterSqlite3: false,
      ajvLocalizeZh: false,
      lexed: false,
    });
  });
});
