// The drift test every SDK runs: the spec's examples, the generated zod schemas and the
// component list must agree, and the api.md kept in git must be the generated one. Registered as
// Vitest tests so an SDK's test file is one call.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectExamples, loadBundledSpec, mutants, type GeneratedSchemas } from './drift.js';

/**
 * Registers the drift tests of one SDK. `packageRoot` is the SDK's directory (default: the working
 * directory), where its `api.md` and `src/generated/api.md` are: pass it when the tests run from
 * elsewhere, as the repository's shared Vitest run does from the root.
 * @example
 * import * as generated from '../src/generated/schemas.js';
 * describeDrift('registration', generated, new URL('..', import.meta.url));
 */
export function describeDrift(specName: string, generated: GeneratedSchemas, packageRoot: URL | string = process.cwd()): void {
  const doc = loadBundledSpec(specName);
  const cases = collectExamples(doc, generated);
  const broken = cases.flatMap((c) => mutants(doc, c.jsonSchema, c.value).map((m) => ({ ...m, where: c.where, parser: c.parser })));

  describe(`${specName}: spec examples and generated zod schemas agree`, () => {
    it('the spec has examples to check', () => {
      expect(cases.length).toBeGreaterThan(0);
      expect(broken.length).toBeGreaterThan(0);
    });

    it.each(cases)('$where parses', ({ parser, value }) => {
      expect(parser.safeParse(value).success).toBe(true);
    });

    it.each(broken)('$where, $name, is rejected', ({ parser, value }) => {
      expect(parser.safeParse(value).success).toBe(false);
    });

    it('every component schema has a zod schema and vice versa', () => {
      const components = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
      expect(Object.keys(generated.schemas).sort()).toEqual(Object.keys(components).sort());
    });
  });

  // generated/ is git-ignored, yet api.md is read on GitHub and shipped in the tarball: the
  // package root keeps a copy in git, compared here with what `npm run generate` just wrote.
  // After a contract change: `npx vitest run -u test/drift.test.ts` in the SDK updates it.
  describe(`${specName}: api.md`, () => {
    it('the api.md in git is the generated one', async () => {
      const root = packageRoot instanceof URL ? fileURLToPath(packageRoot) : packageRoot;
      await expect(readFileSync(resolve(root, 'src/generated/api.md'), 'utf8')).toMatchFileSnapshot(resolve(root, 'api.md'));
    });
  });
}
