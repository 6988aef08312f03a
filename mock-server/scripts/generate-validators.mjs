// Writes the request validators of the bundled contracts as ajv standalone code
// (https://ajv.js.org/standalone.html) into dist/generated/validators/, so that a process loads
// them instead of compiling them on each operation's first request (issue 12, decision 0027).
// Run by `npm run build` after tsc: it compiles with the built modules of the runtime compiler
// (dist/app/validator-schemas.js: the same options, document rewrites and operation schemas), so
// a generated validator answers exactly what a compiled one would.
//
// Two CommonJS modules per contract: CommonJS so that the mock loads a contract's validators
// synchronously on the first request to one of its operations (`require`; Node 20 cannot require
// ES modules), not all six at start (~35 ms). `<name>.cjs` exports the fingerprint of the
// document it was generated from and `load(formats)`, which evaluates the code of the coercing
// ajv instance (path and query) and returns the operation table: by operation id, its path,
// query and body validators (`null`: no such part). The bodies' code, most of it (650 of the
// simulation contract's 820 kB), is `<name>.bodies.cjs`, required when an operation with a body
// is first looked up: `gdx-mock`'s start reads two sandboxes' facts through the simulation API,
// and parsing all of it cost each start ~35 ms of CPU (issue 12).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _ } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import { documentFingerprint } from '../dist/app/document-fingerprint.js';
import { checkedDocument, documentId, operationSchemas, validatorAjv } from '../dist/app/validator-schemas.js';
import { readSpecOperations } from '../dist/app/spec-operations.js';

const standaloneCode = standaloneCodeModule.default ?? standaloneCodeModule;
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'generated', 'validators');

// The generated code names a format `formats["date-time"]`: `load`'s argument, the definitions
// the runtime compiler registers (`VALIDATOR_FORMATS`). Its runtime helpers it `require`s from ajv.
const code = { source: true, esm: false, formats: _`formats` };

/** One instance's standalone code in a function of its own (the two instances' names overlap), returning its exports. */
const scoped = (source) => `(function () {\nconst exports = {};\n${withLengthShortcuts(source)}\nreturn exports;\n})()`;

/**
 * ajv checks `maxLength` and `minLength` by counting a string's code points (`ucs2length`, a
 * scan of every string the schema bounds). A string has at most as many code points as UTF-16
 * units and at least half as many, so most strings are answered by their `length`: over a
 * maximum only when `length` is over it too, under a minimum when `length` is under it, never
 * when `length` is twice the minimum or more. Only the rest are counted. The comparisons ajv
 * writes, `funcN(dataN) > 200` and `funcN(dataN) < 1` with `funcN` its `ucs2length`, get these
 * shortcuts in front; the answers are the same (test/app/generated-validators.test.ts).
 */
function withLengthShortcuts(source) {
  const named = /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/.exec(source);
  if (named === null) return source;
  const count = named[1];
  return source.replace(new RegExp(`\\b${count}\\((data\\d*)\\) ([<>]) (\\d+)\\b`, 'g'), (_, data, op, limit) =>
    op === '>'
      ? `(${data}.length > ${limit} && ${count}(${data}) > ${limit})`
      : `(${data}.length < ${limit} || (${data}.length < ${2 * Number(limit)} && ${count}(${data}) < ${limit}))`,
  );
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const name of SPEC_NAMES) {
  const doc = loadBundledSpec(name);
  const coercing = validatorAjv(true, code);
  const plain = validatorAjv(false, code);
  const checked = checkedDocument(doc);
  coercing.addSchema(checked, documentId(name));
  plain.addSchema(checked, documentId(name));
  const parameterExports = {};
  const bodyExports = {};
  const table = [];
  for (const [i, op] of readSpecOperations(doc).entries()) {
    const schemas = operationSchemas(op, name);
    const entry = [];
    for (const [part, ajv, exports] of [
      ['path', coercing, parameterExports],
      ['query', coercing, parameterExports],
      ['body', plain, bodyExports],
    ]) {
      const schema = schemas[part];
      if (schema === undefined) {
        entry.push('null');
        continue;
      }
      const id = `${part}${i}`;
      ajv.addSchema(schema, id);
      exports[id] = id;
      entry.push(part === 'body' ? `bodies().${id}` : `parameters.${id}`);
    }
    // An operation with a body is a getter: its lookup requires the bodies' module.
    const key = JSON.stringify(op.operationId);
    table.push(schemas.body === undefined ? `  ${key}: [${entry.join(', ')}],` : `  get ${key}() { return [${entry.join(', ')}]; },`);
  }
  const header = ['// Generated by scripts/generate-validators.mjs from the bundled contract: do not edit.', "'use strict';"];
  await writeFile(
    join(out, `${name}.cjs`),
    [
      ...header,
      `exports.fingerprint = ${JSON.stringify(documentFingerprint(JSON.stringify(doc)))};`,
      'exports.load = function load(formats) {',
      `const parameters = ${scoped(standaloneCode(coercing, parameterExports))};`,
      'let loaded;',
      `const bodies = () => (loaded ??= require(${JSON.stringify(`./${name}.bodies.cjs`)}).load(formats));`,
      'return {',
      ...table,
      '};',
      '};',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(out, `${name}.bodies.cjs`),
    [...header, 'exports.load = function load(formats) {', `return ${scoped(standaloneCode(plain, bodyExports))};`, '};', ''].join('\n'),
  );
}
console.log(`generated the request validators of ${SPEC_NAMES.length} contracts → dist/generated/validators/`);
