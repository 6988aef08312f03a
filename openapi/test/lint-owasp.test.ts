// `npm run lint:owasp` lints the six contracts in one process (scripts/lint-owasp.mjs); the
// contracts themselves are checked by that task. This proves the script fails the task on an
// error, as `spectral lint --fail-severity=error` did.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/lint-owasp.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('fixtures/owasp-error/openapi.yaml', import.meta.url));

it('exits 1 and reports the rule and the file when a document has an error', async () => {
  const run = promisify(execFile)(process.execPath, [script, fixture]);
  const failure = await run.then(() => undefined, (error: { code?: number; stdout?: string }) => error);
  expect(failure?.code).toBe(1);
  expect(failure?.stdout).toContain(fixture);
  expect(failure?.stdout).toMatch(/error\s+oas3-unused-component/);
}, 60_000);
