import { RegistrationClient } from '@gdx/registration';
import { ApiError } from '@gdx/runtime';
import { credentialsOf, expectJournal, SimulationClient, type Sandbox } from '@gdx/simulation';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { startServer } from '../../src/server/index.js';
import { initialSubmission } from '../registration/harness.js';
import { closedSchemaErrors } from '../support/contract.js';

// The request journal as a vendor's test uses it: the standalone HTTP server, the registration SDK
// for the system under test, the simulation SDK (answers validated against the simulation
// contract) to read the journal.

let app: App;
let close: () => Promise<void>;
let base: string;
let sim: SimulationClient;
let sbx: Sandbox;
let registration: RegistrationClient;

async function start(options: AppOptions = {}): Promise<void> {
  app = createApp({ seed: 3, logError: () => undefined, ...options });
  const running = await startServer(app, { port: 0 });
  base = running.url;
  close = async () => {
    await running.close();
    await app.close();
  };
  sim = new SimulationClient({ baseUrl: `${running.url}/_sim/v1`, maxRetries: 0, validateResponses: true });
  sbx = await sim.sandboxes.create({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00', seed: 9, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
  registration = new RegistrationClient({ baseUrl: sbx.platforms.registration, credentials: credentialsOf(registrant()), maxRetries: 0 });
}
beforeEach(() => start());
afterEach(() => close());

const registrant = () => sbx.organizations.find((o) => o.roles.includes('registrant'))!;
const submit = () => registration.applications.submit(initialSubmission({ ...registrant(), secret: registrant().secret }) as never);
const journal = (query: Record<string, unknown> = {}) => sim.requests.listPage(sbx.id, query as never);
/** The error a call must fail with (a success fails the test). */
const rejection = <E = ApiError>(promise: Promise<unknown>): Promise<E> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as E,
  );
/** A raw GET of the journal, to see the problem of a bad query as a client without the SDK does. */
const rawList = async (query: string) => {
  const response = await fetch(`${base}/_sim/v1/sandboxes/${sbx.id}/requests?${query}`);
  return { status: response.status, body: (await response.json()) as { code: string; errors: { pointer: string; message: { zh: string; en: string } }[] } };
};

describe('the request journal', () => {
  it('keeps each request with its operation, organisation, status, problem and bodies, newest first', async () => {
    const submitted = await submit();
    const stranger = new RegistrationClient({ baseUrl: sbx.platforms.registration, credentials: { ...credentialsOf(registrant()), secret: 'not-the-secret-0000' }, maxRetries: 0 });
    const refused = await rejection(stranger.applications.submit(initialSubmission({ ...registrant() }) as never));
    expect(refused).toBeInstanceOf(ApiError);

    const page = await journal();
    expect(page.dropped).toBe(0);
    expect(page.nextCursor).toBeNull();
    const [last, first] = page.items;
    expect(first).toMatchObject({
      method: 'POST',
      path: `/sandboxes/${sbx.id}/registration/v1/applications`,
      platform: 'registration',
      operationId: 'submitApplication',
      organizationId: registrant().id,
      appKey: registrant().appKey,
      status: 201,
      problemCode: null,
      problem: null,
      requestBody: { type: 'initial', resource: { name: '公共交通客流数据产品' } },
      requestBodyTruncated: false,
      responseBody: { id: submitted.id, state: 'submitted' },
      responseBodyTruncated: false,
      simulatedAt: '2025-09-26T10:00:00+08:00',
    });
    expect(first?.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/);
    // The organisation of the key is recorded also when its signature fails: who tried shows.
    expect(last).toMatchObject({ operationId: 'submitApplication', organizationId: registrant().id, status: 401, problemCode: 'SIGNATURE_INVALID', problem: { code: 'SIGNATURE_INVALID', requestId: refused.requestId } });
    expect(last!.seq).toBeGreaterThan(first!.seq);
    expect(await sim.requests.get(sbx.id, refused.requestId!)).toEqual(last);
  });

  it('leaves out a request the embedding process marks journal: false, and only that one', async () => {
    const write = (journal?: false) =>
      app.dispatch({ method: 'PUT', path: `/_sim/v1/sandboxes/${sbx.id}/faults`, query: '', headers: { 'content-type': 'application/json' }, body: '{"rules":[]}', ...(journal === false ? { journal } : {}) });
    expect((await write(false)).status).toBe(200);
    expect((await journal()).items).toEqual([]);
    expect((await write()).status).toBe(200);
    expect((await journal()).items.map((e) => `${e.method} ${e.operationId} ${e.status}`)).toEqual(['PUT setFaults 200']);
  });

  it('leaves out reads of the simulation API (a console polling the sandbox takes no room) and keeps its writes', async () => {
    await submit();
    await sim.clock.get(sbx.id);
    await sim.objects.listPage(sbx.id);
    await sim.events.feedPage(sbx.id, { limit: 200 });
    await sim.sandboxes.get(sbx.id);
    expect((await fetch(`${base}/_sim/v1/sandboxes/${sbx.id}/faults`, { method: 'HEAD' })).status).toBe(200);
    await expect(sim.objects.timeline(sbx.id, 'registration', 'application', 'rga_01JB0000000000000000000000')).rejects.toBeInstanceOf(ApiError);
    await sim.clock.advance(sbx.id, { workingDays: 1 });
    expect((await journal()).items.map((e) => `${e.method} ${e.platform} ${e.operationId} ${e.status}`)).toEqual(['POST sim advanceClock 200', 'POST registration submitApplication 201']);
  });

  it('filters by request id, operation, status or class, organisation, method and path prefix; reads of the journal are not journaled', async () => {
    await submit();
    await registration.applications.listPage({ limit: 5 } as never);
    await expect(registration.applications.get('rga_01JB0000000000000000000000')).rejects.toBeInstanceOf(ApiError);
    const all = await journal();
    expect(all.items.map((e) => `${e.method} ${e.operationId} ${e.status}`)).toEqual(['GET getApplication 404', 'GET listApplications 200', 'POST submitApplication 201']);
    expect((await journal()).items).toHaveLength(3);

    const ids = (page: { items: { operationId: string | null }[] }) => page.items.map((e) => e.operationId);
    expect(ids(await journal({ operation: 'submitApplication' }))).toEqual(['submitApplication']);
    expect(ids(await journal({ status: '2xx' }))).toEqual(['listApplications', 'submitApplication']);
    expect(ids(await journal({ status: '404' }))).toEqual(['getApplication']);
    expect(ids(await journal({ method: 'post' }))).toEqual(['submitApplication']);
    expect(ids(await journal({ organizationId: registrant().id, status: '4xx' }))).toEqual(['getApplication']);
    expect(ids(await journal({ organizationId: 'org_nobody' }))).toEqual([]);
    expect(ids(await journal({ path: `/sandboxes/${sbx.id}/registration/v1/applications/` }))).toEqual(['getApplication']);
    expect(ids(await journal({ requestId: all.items[1]!.requestId }))).toEqual(['listApplications']);
    expect(ids(await journal({ since: all.items[1]!.seq }))).toEqual(['getApplication']);
  });

  it('names the platform of the matched operation for each of the five, as the contract allows', async () => {
    // Unsigned reads, so each is refused 401 before its handler: only the operation matched matters.
    const reads = { registration: 'applications', sharing: 'requests', 'open-data': 'applications', catalog: 'entries', 'authorized-operation': 'plans' } as const;
    for (const [platform, collection] of Object.entries(reads)) {
      expect((await fetch(`${sbx.platforms[platform as keyof typeof reads]}/${collection}`)).status).toBe(401);
    }
    // The SDK validates the page against JournalEntry: a platform its enum lacked failed the read.
    const page = await journal();
    expect(page.items.map((e) => `${e.platform} ${e.operationId} ${e.problemCode}`)).toEqual([
      'authorized-operation listPlans SIGNATURE_MISSING',
      'catalog listEntries SIGNATURE_MISSING',
      'open-data listApplications SIGNATURE_MISSING',
      'sharing listRequests SIGNATURE_MISSING',
      'registration listApplications SIGNATURE_MISSING',
    ]);
    expect(await journal({ operation: 'listPlans' })).toMatchObject({ items: [{ platform: 'authorized-operation', status: 401 }] });
  });

  it('pages newest first by cursor', async () => {
    for (let i = 0; i < 5; i++) await registration.applications.listPage({ limit: 1 } as never);
    const first = await journal({ limit: 2 });
    const second = await journal({ limit: 2, cursor: first.nextCursor });
    const third = await journal({ limit: 2, cursor: second.nextCursor });
    const seqs = [...first.items, ...second.items, ...third.items].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it('answers a bad filter with 400 problem+json pointing at the parameter, in Chinese and English', async () => {
    for (const [query, pointer] of [
      ['status=4x', '/query/status'],
      ['status=600', '/query/status'],
      ['limit=0', '/query/limit'],
      ['limit=201', '/query/limit'],
      ['since=-1', '/query/since'],
      ['method=P%20ST', '/query/method'],
      ['method=G%C3%89T', '/query/method'],
      [`method=${'X'.repeat(2049)}`, '/query/method'],
      ['path=registration', '/query/path'],
      [`operation=${'x'.repeat(129)}`, '/query/operation'],
    ] as const) {
      const { status, body } = await rawList(query);
      expect([query, status, body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      expect(body.errors.map((e) => e.pointer)).toContain(pointer);
      expect(body.errors[0]!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    const { status, body } = await rawList('cursor=bm90LWEtY3Vyc29y');
    expect([status, body.code, body.errors[0]?.pointer]).toEqual([400, 'INVALID_CURSOR', '/query/cursor']);
  });

  it('refuses an operation filter no request could match, with the operationId it is probably a slip for', async () => {
    await submit();
    const { status, body } = await rawList('operation=submitAplication');
    expect([status, body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(body.errors).toEqual([
      {
        pointer: '/query/operation',
        code: 'INVALID',
        message: {
          en: 'no operation is called "submitAplication" (did you mean "submitApplication"?): no request could match; name the operationId of a platform or simulation-API operation',
          zh: '没有名为 "submitAplication" 的接口（是否应为 "submitApplication"？）：不会有请求与之匹配；请填写平台接口或模拟接口的 operationId',
        },
      },
    ]);
    // Every operation of the platforms and of the simulation API is a filter, journaled or not yet.
    expect((await journal({ operation: 'advanceClock' })).items).toEqual([]);
    expect((await journal({ operation: 'submitApplication' })).items).toHaveLength(1);
  });

  it('finds a request by the method it was sent with, in any case, also one the mock serves no operation with', async () => {
    await submit();
    // TRACE through the HTTP server (fetch refuses to send it), any RFC 9110 token in process.
    const trace = await new Promise<number>((resolve, reject) => {
      request(`${sbx.platforms.registration}/applications`, { method: 'TRACE' }, (answer) => resolve(answer.resume().statusCode!)).on('error', reject).end();
    });
    expect(trace).toBe(405);
    const extension = `X-VENDOR-${'LONG'.repeat(10)}`;
    for (const method of ['M-SEARCH', extension]) expect((await createFetch(app)(`${sbx.platforms.registration}/applications`, { method })).status).toBe(405);

    // The SDK checks each page against the contract's JournalEntry: a method longer than 16 failed it.
    const found = async (method: string) => (await journal({ method })).items.map((e) => `${e.method} ${e.status}`);
    expect(await found('trace')).toEqual(['TRACE 405']);
    expect(await found('M-SEARCH')).toEqual(['M-SEARCH 405']);
    expect(await found(extension.toLowerCase())).toEqual([`${extension} 405`]);
    expect(await found('Post')).toEqual(['POST 201']);
    // A token nothing was sent with matches nothing; one that is no token is refused (above).
    expect(await found('PSOT')).toEqual([]);
  });

  // It changes with every request and holds the bodies clients sent: a proxy cache must keep none of it.
  it('is read with Cache-Control: no-store, the list, an entry and an entry not (yet) journaled', async () => {
    await submit();
    const requestId = (await journal()).items[0]!.requestId;
    for (const path of ['requests', `requests/${requestId}`, 'requests/req_unknown']) {
      const answer = await fetch(`${base}/_sim/v1/sandboxes/${sbx.id}/${path}`);
      expect([path, answer.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
  });

  it('answers 404 REQUEST_NOT_FOUND for an unknown request id', async () => {
    const error = await rejection(sim.requests.get(sbx.id, 'req_unknown'));
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.problem?.code]).toEqual([404, 'REQUEST_NOT_FOUND']);
  });

  it('is cleared by DELETE (seq goes on), emptied by a reset (whose own request opens the new journal), gone with a delete, empty after an import', async () => {
    await submit();
    const before = await journal();
    await sim.requests.clear(sbx.id);
    expect((await journal()).items).toEqual([]);
    await registration.applications.listPage({ limit: 1 } as never);
    expect((await journal()).items[0]!.seq).toBe(before.items[0]!.seq + 1);

    await sim.sandboxes.reset(sbx.id);
    expect((await journal()).items.map((e) => e.operationId)).toEqual(['resetSandbox']);

    const snapshot = await sim.snapshots.export(sbx.id);
    const copy = await sim.snapshots.import({ snapshot, id: 'copy_of_journal' } as never);
    expect((await sim.requests.listPage(copy.id)).items).toEqual([]);

    await sim.sandboxes.delete(sbx.id);
    const gone = await rejection(journal());
    expect([gone.status, gone.problem?.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('keeps no secret: the organisations’ secrets in a reset’s answer and a webhook’s secret (accepted, refused, malformed) read [redacted]', async () => {
    await sim.sandboxes.reset(sbx.id);
    const [reset] = (await journal()).items;
    const organizations = (reset!.responseBody as { organizations: { secret: string }[] }).organizations;
    expect(organizations.length).toBeGreaterThan(0);
    expect(organizations.every((o) => o.secret === '[redacted]')).toBe(true);
    expect(JSON.stringify(reset)).not.toContain(registrant().secret);

    const secret = 'whsec_0123456789abcdef';
    const post = (body: string) => fetch(`${base}/_sim/v1/sandboxes/${sbx.id}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const hook = { organizationId: registrant().id, url: 'https://receiver.example/hook', secret };
    expect((await post(JSON.stringify(hook))).status).toBe(201);
    expect((await post(JSON.stringify({ ...hook, organizationId: 'org_nobody' }))).status).toBe(400);
    expect((await post(`{"organizationId":"${registrant().id}","secret":"${secret}",`)).status).toBe(400);
    const entries = (await journal()).items;
    expect(entries.map((e) => e.status)).toEqual([400, 400, 201, 200]);
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect(entries[2]!.requestBody).toEqual({ ...hook, secret: '[redacted]' });
    expect(entries[1]!.requestBody).toMatchObject({ organizationId: 'org_nobody', secret: '[redacted]' });
    expect(entries[0]!.requestBody).toBe(`{"organizationId":"${registrant().id}","secret":"[redacted]",`);
    // Only the journal's copy is redacted: the webhook keeps its secret to sign deliveries.
    expect((await sim.webhooks.listPage(sbx.id)).items).toHaveLength(1);
  });

  it('keeps a bounded number of entries and counts the evicted ones in dropped', async () => {
    await close();
    await start({ requestJournal: { entries: 3 } });
    await registration.applications.listPage({ limit: 1 } as never);
    const oldest = (await journal()).items[0]!.requestId;
    for (let i = 0; i < 4; i++) await registration.applications.listPage({ limit: 1 } as never);
    const page = await journal();
    expect(page.items).toHaveLength(3);
    // The sandbox's creation was journaled nowhere (no sandbox yet); five lists, two evicted.
    expect(page.dropped).toBe(2);
    const evicted = await rejection(sim.requests.get(sbx.id, oldest));
    expect([evicted.status, evicted.problem?.code]).toEqual([404, 'REQUEST_NOT_FOUND']);
  });

  it('cuts a body longer than the per-body bound and flags it', async () => {
    await close();
    await start({ requestJournal: { bodyBytes: 64 } });
    await submit();
    const [entry] = (await journal()).items;
    expect(entry).toMatchObject({ requestBodyTruncated: true, responseBodyTruncated: true, status: 201 });
    expect(typeof entry!.requestBody).toBe('string');
    expect(new TextEncoder().encode(entry!.requestBody as string).byteLength).toBeLessThanOrEqual(64);
    expect(entry!.requestBody as string).toMatch(/^\{"type":"initial"/);
  });

  it('journals nothing with entries: 0', async () => {
    await close();
    await start({ requestJournal: { entries: 0 } });
    await submit();
    expect(await journal()).toEqual({ items: [], nextCursor: null, dropped: 0 });
  });

  it('journals the in-process fetch transport too', async () => {
    const fetch = createFetch(app);
    const local = new SimulationClient({ baseUrl: 'http://mock.local/_sim/v1', fetch, maxRetries: 0 });
    await fetch(`http://mock.local/sandboxes/${sbx.id}/registration/v1/aplications`);
    const [entry] = (await local.requests.listPage(sbx.id)).items;
    expect(entry).toMatchObject({ method: 'GET', path: `/sandboxes/${sbx.id}/registration/v1/aplications`, platform: null, operationId: null, status: 404, problemCode: 'NOT_FOUND' });
  });
});

describe('expectJournal, the assertion helper of @gdx/simulation', () => {
  it('passes with the matching entries', async () => {
    const submitted = await submit();
    const [entry] = await expectJournal(sim, sbx.id).toContainExactly(1, { operation: 'submitApplication', status: 201, body: { type: 'initial', resource: { name: /客流/ } } });
    expect(entry?.responseBody).toMatchObject({ id: submitted.id });
    await expectJournal(sim, sbx.id).toContainNone({ status: '5xx' });
  });

  it('fails with a readable message listing the closest requests and what differed', async () => {
    await submit();
    await registration.applications.listPage({ limit: 1 } as never);
    const failure = await rejection<Error>(
      expectJournal(sim, sbx.id).toContainExactly(1, { operation: 'submitApplication', body: { type: 'initial', resource: { name: '另一个数据产品' } } }),
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure.message).toContain(`Expected exactly 1 request(s) matching`);
    expect(failure.message).toContain(`in the request journal of sandbox ${sbx.id}; found 0 among 2 journaled request(s).`);
    const lines = failure.message.split('\n');
    const closest = lines.indexOf('Closest requests:');
    // The submit differs in one field, the list in two: the submit comes first, with its difference.
    expect(lines[closest + 1]).toMatch(/^ {2}#\d+ POST \/sandboxes\/.+\/registration\/v1\/applications → 201 \(submitApplication, req_/);
    expect(lines[closest + 2]).toBe('    body/resource/name: expected "另一个数据产品", got "公共交通客流数据产品"');
    expect(failure.message).toContain('operation: expected "submitApplication", got "listApplications"');
  });

  it('fails when more requests match than expected, listing them', async () => {
    await submit();
    await submit();
    const failure = await rejection<Error>(expectJournal(sim, sbx.id).toContainExactly(1, { operation: 'submitApplication' }));
    expect(failure.message).toMatch(/found 2 among 2 journaled request\(s\)\.\nMatching:\n {2}#\d+ POST .+\n {2}#\d+ POST /);
  });
});

describe('unknown routes', () => {
  const raw = async (method: string, path: string) => {
    const response = await fetch(`${base}${path}`, { method });
    return { status: response.status, allow: response.headers.get('allow'), body: (await response.json()) as { detail: string; suggestedRoutes: unknown; errors: { message: { zh: string; en: string } }[]; allowedMethods?: string[] } };
  };

  it('a 404 names the closest documented routes, in both languages', async () => {
    const typo = await raw('POST', '/registration/v1/aplications');
    expect(typo.status).toBe(404);
    expect(typo.body.suggestedRoutes).toEqual([{ method: 'POST', path: '/registration/v1/applications' }]);
    expect(typo.body.errors[0]?.message).toEqual({
      zh: '没有与该路径匹配的接口；最接近的：POST /registration/v1/applications',
      en: 'No operation has this path; the closest: POST /registration/v1/applications',
    });
    const sandboxed = await raw('GET', `/sandboxes/${sbx.id}/registration/v1/applications/rga_1/event`);
    expect(sandboxed.body.suggestedRoutes).toEqual([{ method: 'GET', path: '/sandboxes/{sandboxId}/registration/v1/applications/{applicationId}/events' }]);
    const simulation = await raw('GET', `/_sim/v1/sandboxes/${sbx.id}/request`);
    expect(simulation.body.suggestedRoutes).toContainEqual({ method: 'GET', path: '/_sim/v1/sandboxes/{sandboxId}/requests' });
    const nothing = await raw('GET', '/nothing/like/any/route/at/all');
    expect(nothing.body.suggestedRoutes).toEqual([]);
    expect(nothing.body.errors[0]?.message.en).toBe('No operation has this path (see the contracts under /openapi)');
  });

  it('a 405 lists the allowed methods, also in Allow', async () => {
    const answer = await raw('PUT', '/registration/v1/applications');
    expect([answer.status, answer.allow, answer.body.allowedMethods]).toEqual([405, 'GET, HEAD, POST, OPTIONS', ['GET', 'HEAD', 'POST']]);
    expect(answer.body.errors[0]?.message).toEqual({ zh: '该路径不支持 PUT，可用方法：GET, HEAD, POST', en: 'PUT is not allowed here; use GET, HEAD, POST' });
  });

  it('both answers are problems the common contract declares, suggestedRoutes and allowedMethods included', async () => {
    for (const [method, path] of [['POST', '/registration/v1/aplications'], ['GET', `/_sim/v1/sandboxes/${sbx.id}/request`], ['PUT', '/registration/v1/applications']]) {
      const answer = await raw(method!, path!);
      expect(answer.body.suggestedRoutes ?? answer.body.allowedMethods, `${method} ${path}`).toBeDefined();
      for (const spec of ['registration', 'simulation'] as const) expect(closedSchemaErrors(spec, 'ProblemDetails', answer.body), `${method} ${path} in ${spec}`).toEqual([]);
    }
  });
});
