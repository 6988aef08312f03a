// What a JSON body must be as text (QA pass of December 2026): UTF-8 (RFC 8259) — a body declared
// in another charset is refused 415 at the content type, bytes that are not UTF-8 400 saying so —
// and free of text no answer could carry: a lone surrogate (`"\ud800"`, which UTF-8 cannot encode:
// it came back as U+FFFD) or a NUL character, refused 400 INVALID_TEXT at the field, nothing stored.
import { gzipSync } from 'node:zlib';
import { signRequest } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type App } from '../../src/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { notesPlatform } from '../support/notes-platform.js';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';

const NOTES = '/sharing/v1/notes';

interface Problem {
  code: string;
  detail?: string;
  errors?: { pointer: string; code: string; message: { zh: string; en: string } }[];
}

describe('JSON bodies as text', () => {
  let app: App;
  let org: { id: string; appKey: string; secret: string };

  beforeAll(async () => {
    app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
    const sandbox = JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: {}, body: undefined })).body));
    org = sandbox.organizations[0];
  });
  afterAll(() => app.close());

  /** A signed create of a note with this body (text or bytes) and content type. */
  const create = async (body: string | Uint8Array, contentType = 'application/json', more: Record<string, string> = {}) => {
    const headers = { 'content-type': contentType, ...more, ...signRequest({ method: 'POST', url: NOTES, body, appKey: org.appKey, secret: org.secret }) };
    const answer = await app.dispatch({ method: 'POST', path: NOTES, query: '', headers, body });
    return { status: answer.status, body: JSON.parse(String(answer.body)) as Problem & { text?: string } };
  };
  const notes = async () => JSON.parse(String((await app.dispatch({ method: 'GET', path: '/sharing/v1/stats', query: '', headers: {}, body: undefined })).body)).notes as number;

  describe('the encoding', () => {
    it('refuses a body declared in another charset with 415 at the content type', async () => {
      const before = await notes();
      const gbk = new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc4, 0xe3, 0xba, 0xc3, 0x22, 0x7d]); // {"text":"你好"} in GBK
      const answer = await create(gbk, 'application/json; charset=gbk');
      expect(answer.status).toBe(415);
      expect(answer.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(answer.body.detail).toBe('JSON bodies must be UTF-8; charset=gbk is not accepted');
      expect(answer.body.errors).toEqual([
        {
          pointer: '/header/content-type',
          code: 'UNSUPPORTED_CHARSET',
          message: {
            en: 'JSON bodies must be UTF-8 (RFC 8259): send no charset or charset=utf-8, and encode the body in UTF-8; got charset=gbk',
            zh: 'JSON 请求体须为 UTF-8 编码（RFC 8259）：请不声明 charset 或声明 charset=utf-8，并以 UTF-8 编码请求体；收到 charset=gbk',
          },
        },
      ]);
      expect(await notes()).toBe(before);
    });

    it.each(['application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json; CHARSET=utf8'])('takes %s', async (contentType) => {
      const answer = await create('{"text":"你好"}', contentType);
      expect(answer.status).toBe(201);
      expect(answer.body.text).toBe('你好');
    });

    it('says that bytes which are not UTF-8 are not UTF-8', async () => {
      const answer = await create(new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc4, 0xe3, 0x22, 0x7d]));
      expect(answer.status).toBe(400);
      expect(answer.body.detail).toBe('the body is not valid UTF-8');
      expect(answer.body.errors).toEqual([{ pointer: '', code: 'INVALID_ENCODING', message: { en: 'The request body is not valid UTF-8 (JSON must be UTF-8, RFC 8259)', zh: '请求体不是合法的 UTF-8 编码（JSON 须为 UTF-8，RFC 8259）' } }]);
    });

    it.each([
      ['gzip', gzipSync('{"text":"x"}')],
      // Labelled, but sent plain: it was taken as it was.
      ['br', new TextEncoder().encode('{"text":"x"}')],
      ['gzip, identity', gzipSync('{"text":"x"}')],
    ])('refuses a body with Content-Encoding: %s with 415 at the content encoding, stores nothing', async (coding, body) => {
      const before = await notes();
      const answer = await create(body, 'application/json', { 'content-encoding': coding });
      expect(answer.status).toBe(415);
      expect(answer.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(answer.body.detail).toBe(`request bodies are taken without a content coding; Content-Encoding: ${coding} is not accepted`);
      expect(answer.body.errors).toEqual([{ pointer: '/header/content-encoding', code: 'UNSUPPORTED_CONTENT_ENCODING', message: { zh: expect.stringContaining(coding), en: expect.stringContaining(coding) } }]);
      expect(await notes()).toBe(before);
    });

    it.each(['identity', ' Identity ', ''])('takes Content-Encoding: %j (no coding)', async (coding) => {
      expect((await create('{"text":"x"}', 'application/json', { 'content-encoding': coding })).status).toBe(201);
    });

    it('quotes a content type readable', async () => {
      const answer = await create('{"text":"x"}', Buffer.from('text/纯文本', 'utf8').toString('latin1'));
      expect(answer.status).toBe(415);
      expect(answer.body.detail).toBe('expected application/json, got text/纯文本');
      expect(answer.body.errors).toEqual([{ pointer: '/header/content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: { zh: expect.any(String), en: expect.any(String) } }]);
    });
    it('says in Chinese too that a body came without a content type', async () => {
      const before = await notes();
      const headers = signRequest({ method: 'POST', url: NOTES, body: '{"text":"x"}', appKey: org.appKey, secret: org.secret });
      const answer = await app.dispatch({ method: 'POST', path: NOTES, query: '', headers, body: '{"text":"x"}' });
      expect(answer.status).toBe(415);
      const problem = JSON.parse(String(answer.body)) as Problem;
      expect(problem.detail).toBe('expected application/json, got no content type');
      expect(problem.errors).toEqual([
        {
          pointer: '/header/content-type',
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: { en: 'The body must be application/json (or a +json type); got no content type', zh: '请求体须为 application/json（或 +json 类型）；请求未声明 Content-Type' },
        },
      ]);
      expect(await notes()).toBe(before);
    });
  });

  describe('the text', () => {
    it.each([
      ['a lone high surrogate', '{"text":"a\\ud800"}', '/text'],
      ['a lone low surrogate', '{"text":"\\udc00b"}', '/text'],
      ['a NUL character', '{"text":"a\\u0000b"}', '/text'],
      ['a lone surrogate in a key', '{"text":"a","\\ud800":1}', '/\ud800'],
      ['a NUL in a nested key', '{"text":"a","holder":{"x\\u0000":1}}', '/holder/x\u0000'],
    ])('refuses %s at the field, stores nothing', async (_name, body, pointer) => {
      const before = await notes();
      const answer = await create(body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.errors).toEqual([{ pointer, code: 'INVALID_TEXT', message: { zh: expect.any(String), en: expect.any(String) } }]);
      expect(await notes()).toBe(before);
    });

    it('refuses a lone surrogate in a body handed over as a JavaScript string (app.dispatch)', async () => {
      const answer = await create('{"text":"a\ud800"}');
      expect(answer.body.errors).toEqual([expect.objectContaining({ pointer: '/text', code: 'INVALID_TEXT' })]);
    });

    it('takes escaped text that is well formed: a surrogate pair, other control characters', async () => {
      const answer = await create('{"text":"\\ud83d\\ude00 \\u4f60\\t"}');
      expect(answer.status).toBe(201);
      expect(answer.body.text).toBe('😀 你\t');
    });
  });
});

describe('a body acknowledged by an older mock is still replayed', () => {
  const tempDir = useTempDirs();

  it('with a NUL, a lone surrogate or a charset other than UTF-8', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const caller: string = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0].id;
    await first.app.close();
    const store = openDataDir(dataDir);
    const at = Date.parse('2026-12-05T09:00:00Z');
    const entry = (seq: number, body: string, contentType: string) => ({ seq, kind: 'command' as const, at, method: 'POST', path: NOTES, query: '', contentType, body, caller, status: 201 });
    const seq = store.lastSeq;
    store.append([entry(seq + 1, '{"text":"a\\u0000b"}', 'application/json'), entry(seq + 2, '{"text":"a\\ud800"}', 'application/json'), entry(seq + 3, '{"text":"ascii"}', 'application/json; charset=gbk')]);
    store.close();

    const logged: string[] = [];
    const second = openApp(dataDir, { logError: (message) => logged.push(message) });
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await second.call('GET', '/sharing/v1/stats')).body.notes).toBe(3);
    await second.app.close();
  });
});
