import { readFile } from 'node:fs/promises';
import { createApp } from '@gdx/mock-server';
import { createFetch } from '@gdx/mock-server/fetch';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../src/cli/parse-args.js';
import { buildChecks, consoleReporter, type ConformanceOptions } from '../src/index.js';

const README = new URL('../README.md', import.meta.url);

/** The first TypeScript block of a README section, e.g. `## Library`. */
function sectionCode(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`the README has no "${heading}" section`);
  const block = /```ts\n([\s\S]*?)```/.exec(markdown.slice(start));
  if (!block?.[1]) throw new Error(`"${heading}" has no ts block`);
  return block[1];
}

describe('README', () => {
  it('lists every built-in check that is not generated from the documents', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const missing = buildChecks({}).filter((c) => !c.id.startsWith('CON-') && !readme.includes(`| \`${c.id}\` |`)).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('CLI: the options table names every option of --help, and only those', async () => {
    const readme = await readFile(README, 'utf8');
    const cli = readme.slice(readme.indexOf('\n## CLI\n'), readme.indexOf('\n## Library\n'));
    // A table row's first cell (`--only <glob>` / `--skip <glob>`); in --help, an option starts its line.
    const documented = cli.split('\n').filter((line) => line.startsWith('| `-')).flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]));
    const helped = [...USAGE.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(helped.sort());
  });

  it('Library example: imports every name it uses and hands runConformance a fetch that reaches the mock in-process', async () => {
    const code = sectionCode(await readFile(README, 'utf8'), '## Library');
    const imports = [...code.matchAll(/^import \{([^}]*)\} from '[^']+';$/gm)].flatMap((m) => (m[1] ?? '').split(',').map((name) => name.trim()));
    // What the example may import, as the packages export them; runConformance only records its options
    // (a full run is the CLI tests' job), so the report's XML and its file are stubs too.
    let options: ConformanceOptions | undefined;
    const available: Record<string, unknown> = {
      createApp,
      createFetch,
      consoleReporter,
      junitXml: () => '<testsuites/>',
      runConformance: async (given: ConformanceOptions) => ((options = given), { ok: true, results: [] }),
      writeFile: async () => undefined,
    };
    expect(imports.filter((name) => !(name in available))).toEqual([]);
    const source = `async function libraryExample(${imports.join(', ')}) {\n${code.replace(/^import .*$/gm, '')}\nreturn app;\n}`;
    const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } });
    const run = new Function(`${outputText}\nreturn libraryExample;`)() as (...args: unknown[]) => Promise<{ close(): Promise<void> }>;
    const app = await run(...imports.map((name) => available[name]));
    try {
      expect(typeof options?.fetch, 'the fetch option the example passes').toBe('function');
      const health = await options!.fetch!(`${options!.simulationUrl}/health`);
      expect(health.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
