// What the CLI refuses to call a pass or a failed check (issue 10): a selection of no checks, a
// base URL serving another sandbox, a profile the simulation API refuses (exit 2), and a target
// nothing answers at (exit 4, naming the URL and the cause).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../src/cli/main.js';
import { faultyFetch } from './e2e/support/faulty-mock.js';
import { inProcessMock, MOCK_ORIGIN, SIM_URL } from './e2e/support/mock.js';
import { freePort } from './support/free-port.js';

function io(fetchImpl?: typeof fetch) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), color: false, ...(fetchImpl ? { fetch: fetchImpl } : {}) } };
}

describe('gdx-conformance refuses what would mislead CI', () => {
  it('exits 2 when --only selects no check, instead of passing 0 checks', async () => {
    const t = io(inProcessMock().fetch);
    const dir = await mkdtemp(join(tmpdir(), 'gdx-refusal-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const junit = join(dir, 'never-written.xml');
    expect(await main(['--sim-url', SIM_URL, '--only', 'REG-ACEPT-*', '--junit', junit], t.io)).toBe(2);
    expect(existsSync(junit)).toBe(false);
    expect(t.err.join('')).toContain('no check matches the selection (only REG-ACEPT-*');
    expect(t.out.join('')).not.toContain('PASS');
  });

  it('exits 2 for --base-url with --sim-url but no --sandbox', async () => {
    const t = io(inProcessMock().fetch);
    expect(await main(['--base-url', MOCK_ORIGIN, '--sim-url', SIM_URL], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--base-url with --sim-url needs --sandbox');
  });

  it('exits 2 when the base URL serves another sandbox than --sandbox', async () => {
    const { fetch } = inProcessMock();
    const created = await fetch(`${SIM_URL}/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile: 'national' }) });
    const { id } = (await created.json()) as { id: string };
    const t = io(fetch);
    // The mock's root serves the default sandbox, not `id`.
    expect(await main(['--base-url', MOCK_ORIGIN, '--sim-url', SIM_URL, '--sandbox', id, '--only', 'SEC-SIG-01'], t.io)).toBe(2);
    expect(t.err.join('')).toContain(`${MOCK_ORIGIN} does not know the app keys of sandbox ${id} (401 APP_KEY_UNKNOWN)`);
    // The matching pair runs.
    expect(await main(['--base-url', MOCK_ORIGIN, '--sim-url', SIM_URL, '--sandbox', 'default', '--only', 'SEC-SIG-01'], io(fetch).io)).toBe(0);
  });

  it('exits 2 for a profile the simulation API refuses', async () => {
    const t = io(inProcessMock().fetch);
    expect(await main(['--sim-url', SIM_URL, '--profile', 'shanghai', '--only', 'SEC-SIG-01'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--profile shanghai: simulation API answered 4');
  });

  it('exits 2 naming --sim-url, not the profile, when nothing serves POST …/sandboxes there', async () => {
    const t = io(inProcessMock().fetch);
    expect(await main(['--sim-url', `${MOCK_ORIGIN}/wrong/_sim/v1`, '--only', 'SEC-SIG-01'], t.io)).toBe(2);
    expect(t.err.join('')).toContain(`--sim-url ${MOCK_ORIGIN}/wrong/_sim/v1 (not the simulation API root, …/_sim/v1?): simulation API answered 404`);
    expect(t.err.join('')).not.toContain('--profile');
  });

  describe('a --sim-url where something else answers (a web server, not the simulation API)', () => {
    /** A server on loopback answering every request `status` with an HTML page, as `python3 -m http.server` answers a POST 501. */
    const htmlServer = async (status: number): Promise<{ url: string; close: () => Promise<void> }> => {
      const server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'text/html' }).end('<html><body>Unsupported method</body></html>'));
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}/_sim/v1`, close: () => new Promise((done) => server.close(() => done())) };
    };

    it('exits 2 naming --sim-url, the request and its answer when creating a sandbox is answered 501 text/html', async () => {
      const server = await htmlServer(501);
      try {
        const t = io();
        expect(await main(['--sim-url', server.url, '--only', 'SEC-SIG-01'], t.io)).toBe(2);
        expect(t.err.join('')).toContain(`--sim-url ${server.url} does not serve the gdx simulation API (its root ends in …/_sim/v1): POST ${server.url}/sandboxes answered 501 text/html, not JSON`);
        expect(t.out.join('')).not.toContain('SEC-SIG-01');
      } finally {
        await server.close();
      }
    });

    it('exits 2 when reading --sandbox is answered 200 with a page', async () => {
      const server = await htmlServer(200);
      try {
        const t = io();
        expect(await main(['--sim-url', server.url, '--sandbox', 'default', '--only', 'SEC-SIG-01'], t.io)).toBe(2);
        expect(t.err.join('')).toContain(`--sim-url ${server.url} does not serve the gdx simulation API (its root ends in …/_sim/v1): GET ${server.url}/sandboxes/default answered 200 text/html, not JSON`);
      } finally {
        await server.close();
      }
    });
  });

  it('exits 4 naming the URL and the cause when nothing answers', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/_sim/v1`;
    const t = io();
    expect(await main(['--sim-url', url, '--only', 'SEC-SIG-01'], t.io)).toBe(4);
    expect(t.err.join('')).toMatch(new RegExp(`cannot connect to ${url.replace(/[.]/g, '\\.')}: ECONNREFUSED`));
  });

  describe('the pre-run check of the app keys (a signed GET /registration/v1/applications)', () => {
    const KEYS_URL = `${MOCK_ORIGIN}/registration/v1/applications`;
    /** The mock, except that the pre-run request gets `broken` instead of an answer. */
    const breaking = (broken: (init?: RequestInit) => Promise<Response>): typeof fetch => {
      const { fetch } = inProcessMock();
      return (input, init) => (String(input).startsWith(`${KEYS_URL}?`) ? broken(init) : fetch(input, init));
    };
    const args = ['--base-url', MOCK_ORIGIN, '--sim-url', SIM_URL, '--sandbox', 'default', '--only', 'SEC-SIG-01'];

    it('exits 4 naming the URL and the cause on a connection reset', async () => {
      const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
      const t = io(breaking(() => Promise.reject(new TypeError('fetch failed', { cause: reset }))));
      expect(await main(args, t.io)).toBe(4);
      expect(t.err.join('')).toContain(`cannot connect to ${KEYS_URL}: UND_ERR_SOCKET (other side closed)`);
    });

    it('gives up a hang after the request share of --timeout-ms (1 s of 2 s), exit 4', async () => {
      const hang = (init?: RequestInit) => new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
      const t = io(breaking(hang));
      const started = Date.now();
      expect(await main([...args, '--timeout-ms', '2000'], t.io)).toBe(4);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(t.err.join('')).toContain(`cannot connect to ${KEYS_URL}: no answer in time`);
    });
  });

  describe('--org credentials the platform refuses (no simulation API)', () => {
    /** Two organisations of the mock's default sandbox, as `appKey:secret:creditCode`. */
    const seeded = async (fetchImpl: typeof fetch): Promise<string[]> => {
      const sandbox = (await (await fetchImpl(`${SIM_URL}/sandboxes/default`)).json()) as { organizations: { appKey: string; secret: string; creditCode: string }[] };
      return sandbox.organizations.slice(0, 2).map((o) => `${o.appKey}:${o.secret}:${o.creditCode}`);
    };

    it('exits 2 naming the --org and the refusal for an unknown app key, before any check', async () => {
      const { fetch } = inProcessMock();
      const [, second] = await seeded(fetch);
      const t = io(fetch);
      expect(await main(['--base-url', MOCK_ORIGIN, '--org', 'ak_nobody:secret:91350100M000100Y43', '--org', second!, '--only', 'CON-INPUT-REG-*'], t.io)).toBe(2);
      expect(t.err.join('')).toContain(`--org #1 (ak_nobody): ${MOCK_ORIGIN} refuses its credentials: a signed GET ${MOCK_ORIGIN}/registration/v1/applications?limit=1 answered 401 application/problem+json APP_KEY_UNKNOWN`);
      expect(t.out.join('')).not.toContain('CON-INPUT');
    });

    it('exits 2 for a wrong secret of the second --org (401 SIGNATURE_INVALID); the right ones run', async () => {
      const { fetch } = inProcessMock();
      const [first, second] = await seeded(fetch);
      const [appKey, , creditCode] = second!.split(':');
      const t = io(fetch);
      expect(await main(['--base-url', MOCK_ORIGIN, '--org', first!, '--org', `${appKey}:wrong-secret:${creditCode}`, '--only', 'SEC-SIG-01'], t.io)).toBe(2);
      expect(t.err.join('')).toContain(`--org #2 (${appKey}): ${MOCK_ORIGIN} refuses its credentials`);
      expect(t.err.join('')).toContain('401 application/problem+json SIGNATURE_INVALID');
      expect(await main(['--base-url', MOCK_ORIGIN, '--org', first!, '--org', second!, '--only', 'SEC-SIG-01'], io(fetch).io)).toBe(0);
    });
  });

  describe('a --base-url under which no platform is served (the pre-run signed GET answers 404: no route)', () => {
    /** Two organisations of the mock's default sandbox, as `appKey:secret:creditCode`. */
    const orgs = async (fetchImpl: typeof fetch): Promise<string[]> => {
      const sandbox = (await (await fetchImpl(`${SIM_URL}/sandboxes/default`)).json()) as { organizations: { appKey: string; secret: string; creditCode: string }[] };
      return sandbox.organizations.slice(0, 2).flatMap((o) => ['--org', `${o.appKey}:${o.secret}:${o.creditCode}`]);
    };
    /** The mock, except that `answer` replaces what it says to the platform requests it matches. */
    const answering = (answer: (url: URL) => Response | undefined): typeof fetch => {
      const { fetch } = inProcessMock();
      return async (input, init) => answer(new URL(new Request(input).url)) ?? fetch(input, init);
    };
    const plain404 = () => new Response('<html><body>404 Not Found</body></html>', { status: 404, headers: { 'content-type': 'text/html' } });

    it('exits 2 once for a base URL that already holds a platform path, naming the request, the answer and the root to give', async () => {
      const { fetch } = inProcessMock();
      const t = io(fetch);
      expect(await main(['--base-url', `${MOCK_ORIGIN}/registration/v1`, ...(await orgs(fetch)), '--only', 'REG-*,CON-INPUT-REG-*'], t.io)).toBe(2);
      const err = t.err.join('');
      expect(err).toContain(`--base-url ${MOCK_ORIGIN}/registration/v1 serves none of the platforms: a signed GET ${MOCK_ORIGIN}/registration/v1/registration/v1/applications?limit=1 answered 404 application/problem+json NOT_FOUND: no route for /registration/v1/registration/v1/applications`);
      expect(err).toContain(`GET ${MOCK_ORIGIN}/registration/v1/catalog/v1/entries?limit=1 404 application/problem+json NOT_FOUND`);
      expect(err).toContain(`here probably --base-url ${MOCK_ORIGIN} (`);
      expect(err.match(/gdx-conformance:/g)).toHaveLength(1);
      expect(t.out.join('')).not.toContain('REG-');
    });

    it('exits 2 for such a base URL given with --sim-url and --sandbox as well', async () => {
      const t = io(inProcessMock().fetch);
      expect(await main(['--base-url', `${MOCK_ORIGIN}/sandboxes/default/catalog/v1`, '--sim-url', SIM_URL, '--sandbox', 'default', '--only', 'SEC-SIG-01'], t.io)).toBe(2);
      expect(t.err.join('')).toContain(`--base-url ${MOCK_ORIGIN}/sandboxes/default/catalog/v1 serves none of the platforms`);
      expect(t.err.join('')).toContain(`here probably --base-url ${MOCK_ORIGIN}/sandboxes/default (`);
    });

    it("exits 2 for a gateway whose plain 404 answers every platform's path, asking for the root", async () => {
      const t = io(answering((url) => (url.pathname.startsWith('/api/') ? plain404() : undefined)));
      expect(await main(['--base-url', `${MOCK_ORIGIN}/api`, '--org', 'ak_1:s1', '--org', 'ak_2:s2', '--only', 'SEC-SIG-01'], t.io)).toBe(2);
      expect(t.err.join('')).toContain(`--base-url ${MOCK_ORIGIN}/api serves none of the platforms: a signed GET ${MOCK_ORIGIN}/api/registration/v1/applications?limit=1 answered 404 text/html`);
      expect(t.err.join('')).toContain('Give the server root, or the prefix under which /registration/v1/… is served (');
    });

    it("exits 2 for a wrong prefix on a platform whose unknown routes answer the contract's own 404 NOT_FOUND, naming the URL tried", async () => {
      const fetch = faultyFetch(inProcessMock().fetch, 'route-404-as-not-found');
      const t = io(fetch);
      expect(await main(['--base-url', `${MOCK_ORIGIN}/registration/v1`, ...(await orgs(fetch)), '--only', 'CON-SCHEMA-REG-*'], t.io)).toBe(2);
      const err = t.err.join('');
      expect(err).toContain(`--base-url ${MOCK_ORIGIN}/registration/v1 serves none of the platforms: a signed GET ${MOCK_ORIGIN}/registration/v1/registration/v1/applications?limit=1 answered 404 application/problem+json NOT_FOUND`);
      expect(err).not.toContain('ROUTE_NOT_FOUND');
      expect(err).toContain(`here probably --base-url ${MOCK_ORIGIN} (`);
      expect(t.out.join('')).not.toContain('CON-SCHEMA-REG-');
    });

    it("exits 2 for the base URL of a sandbox that does not exist (the mock's contract-shaped 404 NOT_FOUND on every list)", async () => {
      const { fetch } = inProcessMock();
      const t = io(fetch);
      expect(await main(['--base-url', `${MOCK_ORIGIN}/sandboxes/nope`, ...(await orgs(fetch)), '--only', 'CON-SCHEMA-REG-*'], t.io)).toBe(2);
      expect(t.err.join('')).toContain(`--base-url ${MOCK_ORIGIN}/sandboxes/nope serves none of the platforms: a signed GET ${MOCK_ORIGIN}/sandboxes/nope/registration/v1/applications?limit=1 answered 404 application/problem+json NOT_FOUND: sandbox nope does not exist`);
    });

    it("runs a platform serving some platforms only, whichever 404 the others answer", async () => {
      const notFound = () => new Response(JSON.stringify({ type: 'https://gdx.dev/problems/not-found', title: 'Not found', status: 404, code: 'NOT_FOUND', message: { zh: '资源不存在', en: 'Not found' } }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
      const keys = await orgs(inProcessMock().fetch);
      for (const answer of [notFound, plain404]) {
        const t = io(answering((url) => (url.pathname.startsWith('/registration/') ? answer() : undefined)));
        expect(await main(['--base-url', MOCK_ORIGIN, ...keys, '--only', 'CON-SPEC-CAT'], t.io)).toBe(0);
        expect(t.err.join('')).toBe('');
        expect(t.out.join('')).toContain('CON-SPEC-CAT');
      }
    });
  });

  it.each([['--base-url', ['--base-url', 'notaurl', '--org', 'a:b', '--org', 'c:d']], ['--sim-url', ['--sim-url', 'notaurl']]])('exits 2 with the usage for %s notaurl, before connecting', async (name, argv) => {
    const t = io(inProcessMock().fetch);
    expect(await main(argv, t.io)).toBe(2);
    expect(t.err.join('')).toContain(`${name} must be an absolute http:// or https:// URL, got "notaurl"`);
    expect(t.err.join('')).toContain('Usage');
  });

  it('exits 2 with the usage for an unwritable --junit before running any check', async () => {
    const t = io(inProcessMock().fetch);
    expect(await main(['--sim-url', SIM_URL, '--only', 'SEC-SIG-01', '--junit', '/nonexistent/dir/out.xml'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--junit /nonexistent/dir/out.xml: cannot be written (ENOENT)');
    expect(t.err.join('')).toContain('Usage');
    expect(t.out.join('')).not.toContain('SEC-SIG-01');
  });
});
