// `npm run lint:owasp` lints the six contracts in one process (scripts/lint-owasp.mjs); the
// contracts themselves are checked by that task. This proves the script fails the task on an
// error, as `spectral lint --fail-severity=error` did, and that its OWASP bound rules taking each
// schema once (scripts/spectral.mjs) report what Spectral alone reports.
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { lintDocument, loadRuleset, oncePerDefinition, SCHEMA_RULES } from '../scripts/spectral.mjs';

const script = fileURLToPath(new URL('../scripts/lint-owasp.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('fixtures/owasp-error/openapi.yaml', import.meta.url));
const refs = fileURLToPath(new URL('fixtures/owasp-refs/', import.meta.url));

it('exits 1 and reports the rule and the file when a document has an error', async () => {
  const run = promisify(execFile)(process.execPath, [script, fixture]);
  const failure = await run.then(() => undefined, (error: { code?: number; stdout?: string }) => error);
  expect(failure?.code).toBe(1);
  expect(failure?.stdout).toContain(fixture);
  expect(failure?.stdout).toMatch(/error\s+oas3-unused-component/);
}, 60_000);

it('reports with the bound rules taking each schema once what Spectral reports taking it at every path', async () => {
  const ruleset = await loadRuleset(`${refs}.spectral.yaml`);
  const everyPath = await lintDocument(ruleset, `${refs}openapi.yaml`);
  const once = await lintDocument(oncePerDefinition(ruleset), `${refs}openapi.yaml`);
  expect(once).toEqual(everyPath);
  // The shapes the fixture is for are still there: a `$ref` with siblings in the document is a
  // place of its own (Item.note and Text, Item.name and Name), a schema reached through an
  // exempted one is not exempted (Tree, Item), the exempted ones (ExemptPage, Exempt) report
  // nothing, shared.yaml's schemas are reported once each.
  const bound = everyPath
    .filter((result) => SCHEMA_RULES.includes(String(result.code)))
    .map((result) => `${String(result.code).replace('owasp:api4:2023-', '')} ${relative(refs, result.source ?? '')}#/${result.path.join('/')}`);
  expect(bound).toEqual([
    'string-restricted openapi.yaml#/paths//items/{id}/get/parameters/0/schema',
    'string-limit openapi.yaml#/components/schemas/Text',
    'string-restricted openapi.yaml#/components/schemas/Text',
    'string-restricted openapi.yaml#/components/schemas/Item/properties/name',
    'string-limit openapi.yaml#/components/schemas/Item/properties/note',
    'string-restricted openapi.yaml#/components/schemas/Item/properties/note',
    'integer-limit openapi.yaml#/components/schemas/Item/properties/total',
    'string-limit openapi.yaml#/components/schemas/Tree/properties/label',
    'string-restricted openapi.yaml#/components/schemas/Tree/properties/label',
    'string-limit openapi.yaml#/components/examples/First/value',
    'string-restricted openapi.yaml#/components/examples/First/value',
    'string-limit openapi.yaml#/components/examples/Second/value/fields/0',
    'string-restricted openapi.yaml#/components/examples/Second/value/fields/0',
    'string-limit openapi.yaml#/components/examples/Second/value/fields/1',
    'string-restricted openapi.yaml#/components/examples/Second/value/fields/1',
    'string-limit shared.yaml#/Problem/properties/title',
    'string-restricted shared.yaml#/Problem/properties/title',
    'string-restricted shared.yaml#/Problem/properties/detail',
    'integer-limit shared.yaml#/Problem/properties/status',
    'string-restricted shared.yaml#/Name',
    'integer-limit shared.yaml#/Count',
    'string-limit shared.yaml#/Nullable',
    'string-restricted shared.yaml#/Nullable',
  ]);
}, 60_000);
