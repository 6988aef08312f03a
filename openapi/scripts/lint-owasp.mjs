#!/usr/bin/env node
// Spectral (`spectral:oas` and the OWASP API Security Top 10 ruleset, `.spectral.yaml`) over each
// contract, in one process: six `spectral lint` processes spent ~2.4 s of CPU each loading
// Spectral and bundling the ruleset before their first document (issue 12). Each document still
// gets its own linter, as it did with one process per document: one linter over all six (the
// CLI's multi-document mode) resolves the shared `common/*.yaml` once and reported 112 of the 164
// findings, with errors that name no file. The OWASP bound rules take each schema once instead of
// once per path that reaches it (scripts/spectral.mjs): the same findings for a third of the CPU.
//
// Usage: node scripts/lint-owasp.mjs [--every-path] [document.yaml …] (default: the documents
// redocly.yaml lists, so both linters see the same set). `--every-path` lints as Spectral alone
// does, every schema at every path, to compare.
// Prints Spectral's stylish report and exits 1 when any finding is an error, like
// `spectral lint --fail-severity=error`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stylish } from '@stoplight/spectral-formatters';
import { parse } from 'yaml';
import { lintDocument, loadRuleset, oncePerDefinition } from './spectral.mjs';

const ERROR = 0; // DiagnosticSeverity.Error
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The roots of the APIs redocly.yaml lists. */
function redoclyDocuments() {
  const { apis } = parse(fs.readFileSync(path.join(root, 'redocly.yaml'), 'utf8'));
  return Object.values(apis).map(({ root: file }) => path.join(root, file));
}

const args = process.argv.slice(2);
const everyPath = args.includes('--every-path');
const files = args.filter((arg) => arg !== '--every-path');
const documents = files.length > 0 ? files.map((file) => path.resolve(file)) : redoclyDocuments();
const loaded = await loadRuleset(path.join(root, '.spectral.yaml'));
const ruleset = everyPath ? loaded : oncePerDefinition(loaded);

let failed = false;
for (const file of documents) {
  const results = await lintDocument(ruleset, file);
  failed ||= results.some((result) => result.severity === ERROR);
  if (results.length > 0) process.stdout.write(stylish(results, { failSeverity: ERROR }));
}
process.exitCode = failed ? 1 : 0;
