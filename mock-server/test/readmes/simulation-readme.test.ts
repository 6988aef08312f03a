// The Usage example of @gdx/simulation's README, run as written against the mock's HTTP server:
// the block is taken from the README, the names it imports handed in, and only what it elides
// filled in (the application's resource, legal source, evidence and risk assessment). An example
// that signs as an organisation without the role its call needs (a 403) fails here.
import { readFile } from 'node:fs/promises';
import { RegistrationClient } from '@gdx/registration';
import { credentialsOf, SimulationClient } from '@gdx/simulation';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { initialSubmission } from '../registration/harness.js';

const README = new URL('../../../packages/simulation/README.md', import.meta.url);
/** The names the example may import, as its package exports them. */
const EXPORTS: Record<string, unknown> = { credentialsOf, SimulationClient, RegistrationClient };
/** What the README's submission elides; the test puts a valid body's fields there. */
const ELIDED = '/* resource, legalSource, evidence, riskAssessment … */';

/** The first TypeScript block of a README section, e.g. `## Usage`. */
function sectionCode(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`the README has no "${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  const block = /```ts\n([\s\S]*?)```/.exec(markdown.slice(start, end < 0 ? undefined : end));
  if (!block?.[1]) throw new Error(`"${heading}" has no ts block`);
  return block[1];
}

/**
 * The block compiled to an async function of `sim` (the client the README's "Create a client"
 * makes), `README_REST` (the elided fields) and the names it imports, its import lines removed.
 */
function compile(code: string): { imports: string[]; run: (...args: unknown[]) => Promise<void> } {
  const imports = [...code.matchAll(/^import \{([^}]*)\} from '[^']+';$/gm)].flatMap((m) => (m[1] ?? '').split(',').map((name) => name.trim()));
  expect(code.split(ELIDED).length - 1, `the README elides the submission's fields once, as ${ELIDED}`).toBe(1);
  const body = code.replace(/^import .*$/gm, '').replace(ELIDED, '...README_REST,');
  const source = `async function readmeUsage(sim, README_REST, ${imports.join(', ')}) {\n${body}\n}`;
  const { outputText, diagnostics = [] } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None }, reportDiagnostics: true });
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  return { imports, run: new Function(`${outputText}\nreturn readmeUsage;`)() as (...args: unknown[]) => Promise<void> };
}

describe("@gdx/simulation README's Usage example", () => {
  let app: App;
  let server: RunningServer;

  beforeAll(async () => {
    // One attempt for the example's webhook, whose receiver (127.0.0.1:9000) does not exist here.
    app = createApp({ seed: 1, startAt: '2025-09-26T09:00:00+08:00', webhooks: { maxAttempts: 1 } });
    server = await startServer(app, { port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  it('runs as written against the mock: its registrant files the application and the registry accepts it', async () => {
    const { imports, run } = compile(sectionCode(await readFile(README, 'utf8'), '## Usage'));
    expect(imports.filter((name) => !(name in EXPORTS))).toEqual([]);
    const sim = new SimulationClient({ baseUrl: `${server.url}/_sim/v1` });
    const { type: _type, registrants: _registrants, ...elided } = initialSubmission({ id: '', creditCode: '', name: '', appKey: '', secret: '' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await run(sim, elided, ...imports.map((name) => EXPORTS[name]));
    } finally {
      log.mockRestore();
    }
    const [made] = (await sim.sandboxes.listPage()).items.filter((s) => s.id !== 'default');
    const applications = [];
    for await (const o of sim.objects.list(made!.id, { platform: 'registration', objectType: 'application' })) applications.push(o);
    expect(applications.map((o) => o.state)).toEqual(['under_review']);
  });
});
