import { problem, type ProblemCode } from '@gdx/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ApiClient,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GdxError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseNotJsonError,
  UnprocessableEntityError,
} from '../src/index.js';
import { json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();
let client: ApiClient;
const submit = { operationId: 'submitApplication', method: 'POST', path: '/applications', body: {} } as const;

beforeAll(() => {
  client = new ApiClient({ baseUrl: `${server.origin}/registration/v1`, maxRetries: 0 });
});

async function failWith(status: number, body: unknown, headers?: Record<string, string>): Promise<ApiError> {
  server.enqueue(json(status, body, { 'content-type': 'application/problem+json', ...headers }));
  const error = await client.request(submit).catch((e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected ApiError, got ${String(error)}`);
  return error;
}

describe('messages keep each language apart', () => {
  // Details as the gdx mock writes them: `中文 / English`, English then Chinese, or one language.
  it.each([
    ['English only', 'no such application', undefined, 'no such application'],
    ['Chinese only', '申请不存在', '申请不存在', undefined],
    ['中文 / English', '已有待评估的申请 / a pending application exists', '已有待评估的申请', 'a pending application exists'],
    [
      '中文 / English with a Chinese name in the English',
      '该操作须由登记机构（registrar）办理，厦门数据运营有限公司不具备该角色 / This operation requires the registrar role, which 厦门数据运营有限公司 does not hold',
      '该操作须由登记机构（registrar）办理，厦门数据运营有限公司不具备该角色',
      'This operation requires the registrar role, which 厦门数据运营有限公司 does not hold',
    ],
    ['a separator inside the Chinese', '请改用 duration / to 推进 / advance by duration / to instead', '请改用 duration / to 推进', 'advance by duration / to instead'],
    [
      'English then Chinese',
      'The holiday schedule for 2027 is not published. 2027 年节假日安排未公布，请改用 duration / to 推进。',
      '2027 年节假日安排未公布，请改用 duration / to 推进。',
      'The holiday schedule for 2027 is not published.',
    ],
  ] as const)('%s', async (_case, detail, zh, en) => {
    const body = problem('CONFLICT', { detail });
    const error = await failWith(409, body);
    const where = 'submitApplication, HTTP 409, req_test';
    expect(error.messageZh).toBe(`[CONFLICT] ${body.message.zh}${zh === undefined ? '' : `：${zh}`}（${where}）`);
    expect(error.message).toBe(`[CONFLICT] ${body.message.en}${en === undefined ? '' : `: ${en}`} (${where})`);
    expect(error.problem?.detail).toBe(detail);
  });
});

describe('error mapping', () => {
  it.each([
    ['VALIDATION_FAILED', BadRequestError],
    ['SIGNATURE_INVALID', AuthenticationError],
    ['FORBIDDEN', PermissionDeniedError],
    ['NOT_FOUND', NotFoundError],
    ['ILLEGAL_TRANSITION', ConflictError],
    ['NOT_SHAREABLE', UnprocessableEntityError],
    ['RATE_LIMITED', RateLimitError],
    ['INTERNAL', InternalServerError],
    ['SERVICE_UNAVAILABLE', InternalServerError],
    ['METHOD_NOT_ALLOWED', ApiError],
  ] as const)('%s → %s', async (code, ErrorClass) => {
    const body = problem(code as ProblemCode, { detail: 'because', requestId: 'req_body' });
    const error = await failWith(body.status, body);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(GdxError);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.code).toBe(code);
    expect(error.status).toBe(body.status);
    expect(error.retryable).toBe([429, 500, 503].includes(body.status));
    expect(error.problem).toEqual(body);
    expect(error.operationId).toBe('submitApplication');
    expect(error.message).toBe(`[${code}] ${body.message.en}: because (submitApplication, HTTP ${body.status}, req_test)`);
    expect(error.messageZh).toBe(`[${code}] ${body.message.zh}（submitApplication, HTTP ${body.status}, req_test）`);
  });

  it('exposes field errors with pointers, the request id header and the raw headers', async () => {
    const errors = [
      { pointer: '/registrant/creditCode', code: 'CREDIT_CODE_CHECKSUM', message: { zh: '校验位错误', en: 'Check character is wrong' } },
    ];
    const error = await failWith(400, problem('VALIDATION_FAILED', { errors }), { 'x-request-id': 'req_hdr' });
    expect(error.problem?.errors?.[0]?.pointer).toBe('/registrant/creditCode');
    expect(error.requestId).toBe('req_hdr');
    expect(error.headers.get('content-type')).toBe('application/problem+json');
  });

  it('names the refused fields and the request id in the message, a log line being all some users keep', async () => {
    const field = (pointer: string, en: string, zh: string) => ({ pointer, code: 'RANGE', message: { en, zh } });
    const errors = [
      field('/query/limit', 'must be <= 200', '应当 <= 200'),
      field('/name', 'required', '缺少必填字段'),
      field('/a', 'x', '甲'),
      field('/b', 'y', '乙'),
    ];
    const error = await failWith(400, problem('VALIDATION_FAILED', { detail: '4 fields are invalid', errors }), { 'x-request-id': 'req_hdr' });
    expect(error.message).toBe(
      '[VALIDATION_FAILED] Request validation failed: 4 fields are invalid [/query/limit: must be <= 200; /name: required; /a: x; and 1 more] (submitApplication, HTTP 400, req_hdr)',
    );
    expect(error.messageZh).toBe('[VALIDATION_FAILED] 请求参数校验失败【/query/limit：应当 <= 200；/name：缺少必填字段；/a：甲；另有 1 项】（submitApplication, HTTP 400, req_hdr）');
  });

  it('gives a BadRequestError, not a TypeError from the runtime, for a problem whose errors or detail are malformed', async () => {
    const malformed = { ...problem('VALIDATION_FAILED'), detail: { text: 'not a string' }, errors: [null, 'x', { pointer: 7, message: null, code: { nested: true } }, { pointer: '/name', code: 'REQUIRED' }] };
    const error = await failWith(400, malformed);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, problem: { errors: malformed.errors } });
    expect(error.message).toBe('[VALIDATION_FAILED] Request validation failed [?: ; ?: ; 7: ; and 1 more] (submitApplication, HTTP 400, req_test)');
    expect(error.messageZh).toBe('[VALIDATION_FAILED] 请求参数校验失败【?：；?：；7：；另有 1 项】（submitApplication, HTTP 400, req_test）');
  });

  it.each([
    ['no message', {}, 'Conflict', '平台返回错误'],
    ['an English message only', { message: { en: 'Illegal transition' } }, 'Illegal transition', '平台返回错误'],
    ['a plain-string message', { message: '状态不允许该操作 / the state does not allow it' }, 'the state does not allow it', '状态不允许该操作'],
  ] as const)('keeps the code of a problem+json with %s, filling in the message', async (_case, members, en, zh) => {
    const body = { type: 'about:blank', title: 'Conflict', status: 409, code: 'ILLEGAL_TRANSITION', detail: 'already approved', ...members };
    const error = await failWith(409, body);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', problem: { code: 'ILLEGAL_TRANSITION', detail: 'already approved', message: { en, zh } } });
    expect(error.message).toBe(`[ILLEGAL_TRANSITION] ${en}: already approved (submitApplication, HTTP 409, req_test)`);
    expect(error.messageZh).toBe(`[ILLEGAL_TRANSITION] ${zh}（submitApplication, HTTP 409, req_test）`);
  });

  it('reads a JSON body with a code as a problem only when it says it is one (application/problem+json)', async () => {
    server.enqueue(json(409, { code: 'ILLEGAL_TRANSITION' }));
    const error = await client.request(submit).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_409', problem: undefined });
  });

  it('falls back to HTTP_<status> when the body is not a problem', async () => {
    server.enqueue((_req, res) => {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end("I'm a teapot");
    });
    const error = await client.request(submit).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'HTTP_418', status: 418, problem: undefined, body: "I'm a teapot", requestId: undefined });
    expect((error as ApiError).message).toBe("[HTTP_418] Unexpected response: I'm a teapot (submitApplication, HTTP 418)");
  });

  it('quotes the start of a gateway’s HTML error page in the message, its text only', async () => {
    server.enqueue((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(`<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>${' '.repeat(50)}${'x'.repeat(300)}</body></html>`);
    });
    const error = (await client.request(submit).catch((e: unknown) => e)) as ApiError;
    const text = '502 Bad Gateway 502 Bad Gateway nginx ';
    const excerpt = `${text}${'x'.repeat(200 - text.length)}…`; // cut at 200 characters
    expect(error.message).toBe(`[HTTP_502] Unexpected response: ${excerpt} (submitApplication, HTTP 502)`);
    expect(error.messageZh).toBe(`[HTTP_502] 平台返回错误：${excerpt}（submitApplication, HTTP 502）`);
  });

  it('returns undefined for an empty 2xx body and text for non-JSON content of an operation declaring no JSON body', async () => {
    server.enqueue(json(204, undefined), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('a,b\n1,2');
    });
    await expect(client.request(submit)).resolves.toBeUndefined();
    await expect(client.request(submit)).resolves.toBe('a,b\n1,2');
  });

  describe('an operation that declares a JSON body (responseSchema)', () => {
    const getApp = {
      operationId: 'getApplication', method: 'GET', path: '/applications/{id}', pathParams: { id: 'rga_1' },
      responseSchema: z.object({ id: z.string() }),
    } as const;
    const answer = (status: number, contentType: string | undefined, body: string) =>
      server.enqueue((_req, res) => {
        res.writeHead(status, contentType === undefined ? {} : { 'content-type': contentType });
        res.end(body);
      });

    it('rejects a captive portal’s 200 HTML page, naming the content type and quoting the page', async () => {
      answer(200, 'text/html; charset=utf-8', '<html><head><title>Wi-Fi login</title></head><body><h1>Accept the terms to go online</h1></body></html>');
      const error = await client.request(getApp).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseNotJsonError);
      expect(error).toMatchObject({ code: 'RESPONSE_NOT_JSON', retryable: false, status: 200, contentType: 'text/html; charset=utf-8', reason: 'content-type', operationId: 'getApplication' });
      expect((error as GdxError).message).toBe('[RESPONSE_NOT_JSON] Response of getApplication (HTTP 200, content type text/html; charset=utf-8) is not JSON: Wi-Fi login Accept the terms to go online');
      expect((error as GdxError).messageZh).toBe('[RESPONSE_NOT_JSON] getApplication 的响应（HTTP 200，内容类型 text/html; charset=utf-8）不是 JSON：Wi-Fi login Accept the terms to go online');
    });

    it('rejects an empty 2xx, also one that says application/json', async () => {
      answer(200, 'application/json', '');
      const error = await client.request(getApp).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'RESPONSE_NOT_JSON', reason: 'empty', status: 200 });
      expect((error as GdxError).message).toBe('[RESPONSE_NOT_JSON] Response of getApplication (HTTP 200, content type application/json) is empty, not JSON');
      expect((error as GdxError).messageZh).toBe('[RESPONSE_NOT_JSON] getApplication 的响应（HTTP 200，内容类型 application/json）为空，不是 JSON');
      answer(204, undefined, '');
      await expect(client.request(getApp)).rejects.toMatchObject({ code: 'RESPONSE_NOT_JSON', reason: 'empty', status: 204, contentType: null });
    });

    it('rejects a body that does not parse, with or without a content type', async () => {
      answer(200, 'application/json', '{oops');
      await expect(client.request(getApp)).rejects.toMatchObject({ code: 'RESPONSE_NOT_JSON', reason: 'invalid', body: '{oops' });
      answer(200, undefined, 'OK');
      const error = await client.request(getApp).catch((e: unknown) => e);
      expect((error as GdxError).message).toBe('[RESPONSE_NOT_JSON] Response of getApplication (HTTP 200, no content type) is not JSON: OK');
      expect((error as GdxError).messageZh).toBe('[RESPONSE_NOT_JSON] getApplication 的响应（HTTP 200，无内容类型）不是 JSON：OK');
    });

    it('resolves JSON of any JSON media type, or of none', async () => {
      answer(200, 'application/ld+json; charset=utf-8', '{"id":"rga_1"}');
      await expect(client.request(getApp)).resolves.toEqual({ id: 'rga_1' });
      answer(200, undefined, '{"id":"rga_2"}');
      await expect(client.request(getApp)).resolves.toEqual({ id: 'rga_2' });
    });
  });

  it('throws RESPONSE_NOT_JSON for a JSON content type with a broken body', async () => {
    server.enqueue((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{oops');
    });
    await expect(client.request(submit)).rejects.toMatchObject({ code: 'RESPONSE_NOT_JSON' });
  });

  it('reports a missing path parameter before sending', async () => {
    const req = { operationId: 'getApplication', method: 'GET', path: '/applications/{applicationId}' } as const;
    await expect(client.request(req)).rejects.toMatchObject({ code: 'PATH_PARAM_MISSING' });
    expect(server.received).toHaveLength(0);
  });

  it('rejects a relative baseUrl', () => {
    expect(() => new ApiClient({ baseUrl: '/registration/v1' })).toThrow(expect.objectContaining({ code: 'INVALID_BASE_URL' }));
  });

  // `localhost:3000/…` parses as a URL of scheme `localhost:` with no origin: every request would
  // have gone to `null/…` and failed as a connection error, retried.
  it('rejects a baseUrl without a host, naming the URL a missing scheme probably meant', () => {
    const thrown = (() => {
      try {
        new ApiClient({ baseUrl: 'localhost:3000/registration/v1' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toMatchObject({ code: 'INVALID_BASE_URL' });
    expect((thrown as GdxError).message).toContain('did you mean http://localhost:3000/registration/v1?');
    expect((thrown as GdxError).messageZh).toContain('是否应为 http://localhost:3000/registration/v1');
    expect(() => new ApiClient({ baseUrl: 'mailto:registry@example.gov.cn' })).toThrow(expect.objectContaining({ code: 'INVALID_BASE_URL', message: expect.not.stringContaining('did you mean') }));
    expect(() => new ApiClient({ baseUrl: 'http://localhost:3000/registration/v1' })).not.toThrow();
  });
});

describe('a file asked by byte range or conditionally (an operation declaring no JSON body)', () => {
  const getFile = { operationId: 'getDatasetFile', method: 'GET', path: '/datasets/{id}/files/{name}', pathParams: { id: 'ods_1', name: 'a.json' } } as const;

  it('resolves a 206 as its text, unparsed: a piece of a JSON file is no JSON', async () => {
    server.enqueue((_req, res) => {
      res.writeHead(206, { 'content-type': 'application/json', 'content-range': 'bytes 0-9/40' });
      res.end('[{"a":1},{');
    });
    await expect(client.request(getFile, { headers: { range: 'bytes=0-9' } })).resolves.toBe('[{"a":1},{');
  });

  it('rejects a 304 with an ApiError saying the copy is current, the ETag in its headers', async () => {
    server.enqueue((_req, res) => {
      res.writeHead(304, { etag: '"abc"' });
      res.end();
    });
    const error = (await client.request(getFile, { headers: { 'if-none-match': '"abc"' } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.headers.get('etag'), error.retryable]).toEqual([304, 'HTTP_304', '"abc"', false]);
    expect(error.message).toBe('[HTTP_304] Not modified: the copy that If-None-Match or If-Modified-Since names is current; the ETag and Last-Modified headers name it (getDatasetFile, HTTP 304)');
    expect(error.messageZh).toContain('未修改');
  });
});
