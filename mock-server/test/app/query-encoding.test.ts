// A query name or value that is not valid percent-encoding (`q=%FF`, `q=%E0%A4%A`) was read as
// U+FFFD and answered 200, while the same bytes in a path parameter are 400 INVALID_ENCODING; a
// NUL (`q=a%00b`) was taken, while a JSON body refuses it (INVALID_TEXT). Both are now 400
// VALIDATION_FAILED at `/query/<name>` — the name as the client wrote it when the name is the
// fault — on every operation, nothing changed; a journal entry an older mock acknowledged with
// such a query is replayed as it ran.
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, defaultPlatforms, type App, type OpenApiDocument } from '../../src/index.js';
import { readSpecOperations } from '../../src/app/spec-operations.js';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';
import { IN_PROCESS, useMock } from '../support/harness.js';
import { journalAcknowledged } from '../support/older-journal.js';

interface Problem {
  code: string;
  errors: Array<{ pointer: string; code: string; message: { zh: string; en: string } }>;
}

describe('a query that cannot be read as text is refused', () => {
  let app: App;
  beforeAll(() => {
    app = createApp({ platforms: defaultPlatforms({ catalogEntries: 2 }), seed: 3, startAt: '2025-09-26T10:00:00+08:00', logError: () => undefined });
  });
  afterAll(() => app.close());

  /** A public list of the open-data platform, with this raw query. */
  async function listDatasets(query: string): Promise<{ status: number; body: Problem }> {
    const answer = await app.dispatch({ method: 'GET', path: '/open-data/v1/datasets', query, headers: {}, body: undefined });
    return { status: answer.status, body: JSON.parse(String(answer.body)) as Problem };
  }

  it.each(['q=%FF', 'q=%E0%A4%A', 'q=100%', 'q=%ZZ', 'limit=5&q=%C0%AF'])('%s: 400 INVALID_ENCODING at /query/q, in both languages', async (query) => {
    const { status, body } = await listDatasets(query);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual([
      {
        pointer: '/query/q',
        code: 'INVALID_ENCODING',
        message: { en: 'The query parameter q is not valid percent-encoding (%XX of UTF-8 bytes, RFC 3986 §2.1)', zh: '查询参数 q 的百分号编码无效（须为 UTF-8 字节的 %XX 编码，RFC 3986 §2.1）' },
      },
    ]);
  });

  it('a name that is not valid percent-encoding is named as the client wrote it, not as U+FFFD', async () => {
    const { status, body } = await listDatasets('%FF=1&q=a');
    expect(status).toBe(400);
    expect(body.errors.map((e) => [e.pointer, e.code])).toEqual([['/query/%FF', 'INVALID_ENCODING']]);
    expect(body.errors[0]!.message.en).toBe('The query parameter name %FF is not valid percent-encoding (%XX of UTF-8 bytes, RFC 3986 §2.1)');
  });

  it('a NUL in a value or a name is 400 INVALID_TEXT, as in a JSON body', async () => {
    const value = await listDatasets('q=a%00b');
    expect(value.status).toBe(400);
    expect(value.body.errors).toEqual([{ pointer: '/query/q', code: 'INVALID_TEXT', message: { en: 'The query parameter q holds a NUL character (%00), which is not allowed', zh: '查询参数 q 含有 NUL 字符（%00），不允许' } }]);
    const name = await listDatasets('a%00b=1');
    expect(name.body.errors.map((e) => [e.pointer, e.code])).toEqual([['/query/a%00b', 'INVALID_TEXT']]);
  });

  it('every unreadable parameter is named once; valid percent-encoding and `+` still read as before', async () => {
    const refused = await listDatasets('q=%FF&q=%FE&provider=%00&limit=5');
    expect(refused.body.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/query/q', 'INVALID_ENCODING'],
      ['/query/provider', 'INVALID_TEXT'],
    ]);
    for (const query of ['q=%E4%BA%BA%E5%8F%A3', 'q=a+b', 'q=%2B%25', 'q=', 'q']) expect((await listDatasets(query)).status, query).toBe(200);
  });

  for (const name of SPEC_NAMES) {
    const root = name === 'simulation' ? '/_sim/v1' : `/${name}/v1`;
    it(`on every ${name} operation, before the handler`, async () => {
      const org = JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: {}, body: undefined })).body)).organizations[0] as { appKey: string; secret: string };
      for (const op of readSpecOperations(loadBundledSpec(name) as OpenApiDocument)) {
        // Signed, in the default sandbox, with a JSON body; `_` is taken by every operation.
        const path = root + op.path.replace(/\{(\w+)\}/g, (_, param: string) => (param === 'sandboxId' ? 'default' : 'x'));
        const query = '_=%E0%A4%A';
        const body = op.jsonBody ? '{}' : undefined;
        const headers = { ...(body !== undefined || op.method !== 'GET' ? { 'content-type': 'application/json' } : {}), ...signRequest({ method: op.method, url: `${path}?${query}`, body, appKey: org.appKey, secret: org.secret }) };
        const answer = await app.dispatch({ method: op.method, path, query, headers, body });
        const problem = JSON.parse(String(answer.body)) as Problem;
        expect([answer.status, problem.code, problem.errors], `${op.method} ${op.path}: ${String(answer.body)}`).toEqual([400, 'VALIDATION_FAILED', [expect.objectContaining({ pointer: '/query/_', code: 'INVALID_ENCODING' })]]);
      }
    });
  }
});

describe('a write with an unreadable query', () => {
  const ctx = useMock(IN_PROCESS);

  it('changes nothing: a signed platform write and a simulation-API write', async () => {
    const as = ctx.orgs[0]!;
    const refused = await ctx.call('POST', '/sharing/v1/notes?_=%FF', { body: { text: 'lost' }, as });
    expect([refused.status, refused.body.errors[0].pointer]).toEqual([400, '/query/_']);
    expect((await ctx.call('GET', '/sharing/v1/stats')).body.notes).toBe(0);

    const before = (await ctx.call('GET', '/_sim/v1/sandboxes/default/clock')).body;
    const advance = await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance?_=a%00b', { body: { duration: 'P1D' } });
    expect([advance.status, advance.body.errors[0].code]).toEqual([400, 'INVALID_TEXT']);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/clock')).body).toEqual(before);
  });
});

describe('a write acknowledged with an unreadable query by an older mock', () => {
  const tempDir = useTempDirs();

  it('is replayed as it ran', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const caller: string = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0].id;
    await first.app.close();
    journalAcknowledged(dataDir, [{ path: '/sharing/v1/notes', query: '_=%FF', body: { text: 'kept' }, caller, status: 201, at: '2026-12-05T09:00:00Z' }]);

    const logged: string[] = [];
    const second = openApp(dataDir, { logError: (message) => logged.push(message) });
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await second.call('GET', '/sharing/v1/stats')).body.notes).toBe(1);
    await second.app.close();
  });
});
