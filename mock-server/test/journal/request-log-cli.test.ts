import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { RegistrationClient } from '@gdx/registration';
import { credentialsOf, SimulationClient } from '@gdx/simulation';
import { describe, expect, it } from 'vitest';
import { initialSubmission } from '../registration/harness.js';
import { CLI, killed, useChildren } from '../support/spawn-cli.js';

// The request log and the journal of the built `gdx-mock`, as CI runs it: stdout is a pipe, so
// the log is JSON lines under the default `--log-format auto`.

interface Running {
  child: ChildProcess;
  url: string;
  /** Stops the server and resolves with everything it wrote to stdout. */
  stop(): Promise<string>;
}

const children = useChildren('SIGTERM');

async function start(args: readonly string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', '3', '--start-at', '2025-09-26T10:00:00+08:00', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      // The banner's last line names where the secrets are: the whole banner is out.
      const match = /listening on (http:\/\/\S+)[\s\S]*secrets .*\n/.exec(out);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`gdx-mock exited with ${code}: ${err}`)));
  });
  return {
    child,
    url,
    async stop() {
      child.kill('SIGTERM');
      await killed(child);
      return out;
    },
  };
}

/** The JSON lines of a stdout (the banner before them is text). */
const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** A vendor's system under test: files one application in the default sandbox; its sandbox view for the ids. */
async function fileOne(url: string, token?: string) {
  const sim = new SimulationClient({ baseUrl: `${url}/_sim/v1`, maxRetries: 0, ...(token ? { bearerToken: token } : {}) });
  const sbx = await sim.sandboxes.get('default');
  const org = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
  const registration = new RegistrationClient({ baseUrl: sbx.platforms.registration, credentials: credentialsOf(org), maxRetries: 0 });
  await registration.applications.submit(initialSubmission({ ...org, secret: org.secret }) as never);
  await fetch(`${url}/registration/v1/aplications`);
  return { sim, org };
}

describe('gdx-mock request log', () => {
  it('writes one JSON line per request with the sandbox, organisation, operation, status, problem code, duration and request id', async () => {
    const mock = await start([]);
    const { sim, org } = await fileOne(mock.url);
    const journal = await sim.requests.listPage('default');
    const lines = jsonLines(await mock.stop());

    const submit = lines.find((line) => line.operationId === 'submitApplication');
    expect(submit).toMatchObject({ level: 30, sandboxId: 'default', organizationId: org.id, method: 'POST', path: '/registration/v1/applications', status: 201, problemCode: null });
    expect(submit?.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/);
    expect(submit?.durationMs).toEqual(expect.any(Number));
    expect(submit?.requestId).toBe(journal.items.find((e) => e.operationId === 'submitApplication')?.requestId);
    expect(submit?.msg).toMatch(/^POST \/registration\/v1\/applications 201 /);

    const typo = lines.find((line) => line.path === '/registration/v1/aplications');
    expect(typo).toMatchObject({ level: 40, sandboxId: 'default', operationId: null, status: 404, problemCode: 'NOT_FOUND' });
    // The journal read is logged (it is a request) but not journaled.
    expect(lines.some((line) => line.operationId === 'listRequests')).toBe(true);
    expect(journal.items.some((e) => e.operationId === 'listRequests')).toBe(false);
  });

  it('--log-level silent writes no line; warn only the refusals; --log-format pretty writes readable lines', async () => {
    const silent = await start(['--log-level', 'silent']);
    await fileOne(silent.url);
    const quiet = await silent.stop();
    expect(jsonLines(quiet)).toEqual([]);
    expect(quiet).not.toMatch(/aplications/);

    const warn = await start([], { GDX_MOCK_LOG_LEVEL: 'warn' });
    await fileOne(warn.url);
    expect(jsonLines(await warn.stop()).map((line) => `${line.status} ${line.path}`)).toEqual(['404 /registration/v1/aplications']);

    const pretty = await start(['--log-format', 'pretty']);
    await fileOne(pretty.url);
    const text = await pretty.stop();
    expect(jsonLines(text)).toEqual([]);
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2}T[\d:.]+\+08:00\] WARN: GET \/registration\/v1\/aplications 404 NOT_FOUND [\d.]+ ms default req_\w+ from 127\.0\.0\.1$/m);
  });

  it('refuses a level or format it does not know, naming the flag or variable', () => {
    const bad = spawnSync(process.execPath, [CLI, '--log-level', 'loud'], { encoding: 'utf8', timeout: 20_000 });
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('--log-level must be one of fatal, error, warn, info, debug, trace, silent: loud')]);
    const variable = spawnSync(process.execPath, [CLI], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, GDX_MOCK_LOG_FORMAT: 'xml' } });
    expect([variable.status, variable.stderr]).toEqual([2, expect.stringContaining('GDX_MOCK_LOG_FORMAT must be one of auto, json, pretty: xml')]);
    expect(spawnSync(process.execPath, [CLI, '-h'], { encoding: 'utf8', timeout: 20_000 }).stdout).toMatch(/--journal-size <n>[\s\S]*\[\$GDX_MOCK_JOURNAL_SIZE\]/);
  });
});

describe('gdx-mock request journal', () => {
  it('--journal-size bounds each sandbox journal (dropped counts the evicted); with a sim token, clearing it needs the token', async () => {
    const token = 'journal-test-token-0123456789';
    const mock = await start(['--log-level', 'silent', '--journal-size', '2'], { GDX_MOCK_SIM_TOKEN: token });
    await fetch(`${mock.url}/registration/v1/registrations/reg_unknown`);
    const { sim } = await fileOne(mock.url, token);
    const page = await sim.requests.listPage('default');
    // An unsigned read (401), the submit and the typo: three requests, two kept (reads
    // of the simulation API, the SUT's and the banner's, are not journaled).
    expect(page.items.map((e) => e.status)).toEqual([404, 201]);
    expect(page.dropped).toBe(1);

    const without = await fetch(`${mock.url}/_sim/v1/sandboxes/default/requests`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    expect([without.status, ((await without.json()) as { code: string }).code]).toEqual([401, 'SIM_TOKEN_REQUIRED']);
    expect((await sim.requests.listPage('default')).items).toHaveLength(2);
    await sim.requests.clear('default');
    expect(await sim.requests.listPage('default')).toEqual({ items: [], nextCursor: null, dropped: 1 });
  });
});
