#!/usr/bin/env node
// Spectral (`spectral:oas` and the OWASP API Security Top 10 ruleset, `.spectral.yaml`) over each
// contract, in one process: six `spectral lint` processes spent ~2.4 s of CPU each loading
// Spectral and bundling the ruleset before their first document (issue 12). Each document still
// gets its own linter, as it did with one process per document: one linter over all six (the
// CLI's multi-document mode) resolves the shared `common/*.yaml` once and reported 112 of the 164
// findings, with errors that name no file.
//
// Usage: node scripts/lint-owasp.mjs [document.yaml …] (default: the documents redocly.yaml lists,
// so both linters see the same set).
// Prints Spectral's stylish report and exits 1 when any finding is an error, like
// `spectral lint --fail-severity=error`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import spectralCore from '@stoplight/spectral-core';
import { stylish } from '@stoplight/spectral-formatters';
import spectralParsers from '@stoplight/spectral-parsers';
import { createHttpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import spectralRuntime from '@stoplight/spectral-runtime';
import { parse } from 'yaml';

const { Document, Spectral } = spectralCore;
const { fetch } = spectralRuntime;
const ERROR = 0; // DiagnosticSeverity.Error
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The roots of the APIs redocly.yaml lints. */
function redoclyDocuments() {
  const { apis } = parse(fs.readFileSync(path.join(root, 'redocly.yaml'), 'utf8'));
  return Object.values(apis).map(({ root: file }) => path.join(root, file));
}

const documents = process.argv.length > 2 ? process.argv.slice(2).map((file) => path.resolve(file)) : redoclyDocuments();
// `commonjs()` as the CLI adds it: the OWASP ruleset package is CommonJS.
const ruleset = await bundleAndLoadRuleset(path.join(root, '.spectral.yaml'), { fs, fetch }, [commonjs()]);

let failed = false;
for (const file of documents) {
  const spectral = new Spectral({ resolver: createHttpAndFileResolver() });
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(fs.readFileSync(file, 'utf8'), spectralParsers.Yaml, file));
  failed ||= results.some((result) => result.severity === ERROR);
  if (results.length > 0) process.stdout.write(stylish(results, { failSeverity: ERROR }));
}
process.exitCode = failed ? 1 : 0;
