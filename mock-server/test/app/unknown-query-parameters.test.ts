// Every operation refuses a query parameter its contract does not declare: a typo such as
// `GET /registration/v1/applications?stat=submitted` listed every application, and
// `…/webhooks/deliveries?webhookID=x` the whole log. 400 VALIDATION_FAILED, one UNKNOWN_PARAMETER
// error at `/query/<name>` naming the parameters the operation takes, nothing changed. `_` (the
// cache-buster of HTTP tooling) is taken and ignored; a journal entry acknowledged with an
// undeclared parameter by an older mock is replayed as it ran.
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, defaultPlatforms, type App, type OpenApiDocument } from '../../src/index.js';
import { readSpecOperations } from '../../src/app/spec-operations.js';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';
import { IN_PROCESS, useMock } from '../support/harness.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { Harness, idem, initialSubmission, ok, submit } from '../registration/harness.js';

interface FieldError {
  pointer: string;
  code: string;
  message: { zh: string; en: string };
}

/** The one field error of a 400 VALIDATION_FAILED answer. */
function refusal(reply: { status: number; body: { code?: string; errors?: FieldError[] } }): FieldError {
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(reply.body.code).toBe('VALIDATION_FAILED');
  expect(reply.body.errors).toHaveLength(1);
  return reply.body.errors![0]!;
}

describe('a platform operation refuses a query parameter its contract does not declare', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a list: 400 at /query/<name>, in both languages, naming the parameters it takes; declared ones and `_` still work', async () => {
    h = await Harness.start(IN_PROCESS, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });
    const registrant = h.orgs[0]!;
    await submit(h, registrant, initialSubmission(registrant));

    const error = refusal(await h.call(registrant, 'GET', '/applications?stat=submitted'));
    expect(error).toEqual({
      pointer: '/query/stat',
      code: 'UNKNOWN_PARAMETER',
      message: {
        en: 'Unknown query parameter "stat" (did you mean "state"?): listApplications takes limit, cursor, state',
        zh: '未知的查询参数 "stat"（是否应为 "state"？）：listApplications 仅接受 limit、cursor、state',
      },
    });

    const all = await ok(h.call(registrant, 'GET', '/applications'));
    expect(all.items).toHaveLength(1);
    // A declared filter still filters; the cache-buster is ignored.
    expect((await ok(h.call(registrant, 'GET', '/applications?state=registered'))).items).toEqual([]);
    expect((await ok(h.call(registrant, 'GET', '/applications?state=submitted'))).items).toEqual(all.items);
    expect(await ok(h.call(registrant, 'GET', '/applications?limit=5&_=1700000000000'))).toEqual(all);
  });

  it('a write: refused before it changes anything', async () => {
    h = await Harness.start(IN_PROCESS, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });
    const registrant = h.orgs[0]!;
    const error = refusal(await h.call(registrant, 'POST', '/applications?draft=true', {}, initialSubmission(registrant), idem()));
    expect(error.pointer).toBe('/query/draft');
    expect(error.message.en).toBe('Unknown query parameter "draft": submitApplication takes no query parameters');
    expect((await ok(h.call(registrant, 'GET', '/applications'))).items).toEqual([]);
  });
});

describe('a simulation API operation refuses a query parameter its contract does not declare', () => {
  const ctx = useMock(IN_PROCESS);

  it('a list: the delivery log with webhookID= (for webhookId=)', async () => {
    const error = refusal(await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries?webhookID=x'));
    expect(error.pointer).toBe('/query/webhookID');
    expect(error.code).toBe('UNKNOWN_PARAMETER');
    expect(error.message.en).toContain('webhookId');
    expect(error.message.zh).toContain('"webhookID"');
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries?limit=5&_=1')).status).toBe(200);
  });

  it('a write: the clock does not move; every unknown parameter is named, escaped as a JSON pointer', async () => {
    const before = (await ctx.call('GET', '/_sim/v1/sandboxes/default/clock')).body;
    const refused = await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance?dryRun=1&a/b~c=2', { body: { duration: 'P1D' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: FieldError) => e.pointer)).toEqual(['/query/dryRun', '/query/a~1b~0c']);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/clock')).body).toEqual(before);
  });

  it('an operation that takes none says so', async () => {
    const error = refusal(await ctx.call('GET', `/_sim/v1/sandboxes/default?verbose=1`));
    expect(error.message).toEqual({ en: 'Unknown query parameter "verbose": getSandbox takes no query parameters', zh: '未知的查询参数 "verbose"：getSandbox 不接受查询参数' });
  });
});

describe('every operation of every contract refuses an undeclared query parameter, from its contract', () => {
  let app: App;
  let org: { appKey: string; secret: string };
  beforeAll(async () => {
    app = createApp({ platforms: defaultPlatforms({ catalogEntries: 2 }), seed: 3, startAt: '2025-09-26T10:00:00+08:00', logError: () => undefined });
    org = JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: {}, body: undefined })).body)).organizations[0];
  });
  afterAll(() => app.close());

  for (const name of SPEC_NAMES) {
    const root = name === 'simulation' ? '/_sim/v1' : `/${name}/v1`;
    for (const op of readSpecOperations(loadBundledSpec(name) as OpenApiDocument)) {
      it(`${name} ${op.operationId}`, async () => {
        // Signed, in the default sandbox, with a JSON body: the query is the first thing refused.
        const path = root + op.path.replace(/\{(\w+)\}/g, (_, param: string) => (param === 'sandboxId' ? 'default' : 'x'));
        const query = 'zz_undeclared=1&_=2';
        const body = op.jsonBody ? '{}' : undefined;
        const headers = { ...(body !== undefined || op.method !== 'GET' ? { 'content-type': 'application/json' } : {}), ...signRequest({ method: op.method, url: `${path}?${query}`, body, appKey: org.appKey, secret: org.secret }) };
        const answer = await app.dispatch({ method: op.method, path, query, headers, body });
        const problem = JSON.parse(String(answer.body)) as { code: string; errors: { pointer: string; code: string }[] };
        expect([answer.status, problem.code, problem.errors[0]], String(answer.body)).toEqual([400, 'VALIDATION_FAILED', expect.objectContaining({ pointer: '/query/zz_undeclared', code: 'UNKNOWN_PARAMETER' })]);
        expect(problem.errors.filter((e) => e.code === 'UNKNOWN_PARAMETER')).toHaveLength(1);
      });
    }
  }
});

describe('createApp({ ignoredQueryParameters })', () => {
  const ctx = useMock(IN_PROCESS, { ignoredQueryParameters: ['utm_source'] });

  it('takes and ignores the names given, besides `_`; any other undeclared one is still refused', async () => {
    const plain = await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries');
    expect(await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries?utm_source=ci&_=1')).toMatchObject({ status: 200, body: plain.body });
    const error = refusal(await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries?utm_medium=ci'));
    expect(error.pointer).toBe('/query/utm_medium');
  });
});

describe('a write acknowledged with an undeclared query parameter by an older mock', () => {
  const tempDir = useTempDirs();

  it('is replayed as it ran, while the same request live is refused', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const caller: string = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0].id;
    await first.app.close();
    journalAcknowledged(dataDir, [{ path: '/sharing/v1/notes', query: 'draft=1', body: { text: 'kept' }, caller, status: 201, at: '2026-12-05T09:00:00Z' }]);

    const logged: string[] = [];
    const second = openApp(dataDir, { logError: (message) => logged.push(message) });
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await second.call('GET', '/sharing/v1/stats')).body.notes).toBe(1);
    const org0 = (await second.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    expect(refusal(await second.call('POST', '/sharing/v1/notes?draft=1', { body: { text: 'live' }, as: org0 })).pointer).toBe('/query/draft');
    expect((await second.call('GET', '/sharing/v1/stats')).body.notes).toBe(1);
    await second.app.close();
  });
});
