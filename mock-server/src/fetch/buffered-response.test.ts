import { describe, expect, it } from 'vitest';
import { bufferedResponse } from './buffered-response.js';

const AT = 'http://mock.local/a';
const JSON_BODY = '{"名称":"住房公积金","n":1}';
const answer = (body: string | Uint8Array = JSON_BODY, status = 200) => ({ status, headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' }, body });

/** Each way of reading a body, as a function of the response. */
const READERS: Record<string, (r: Response) => Promise<unknown>> = {
  text: (r) => r.text(),
  json: (r) => r.json(),
  arrayBuffer: async (r) => new TextDecoder().decode(await r.arrayBuffer()),
  bytes: async (r) => {
    const bytes = await r.bytes();
    expect(bytes).toBeInstanceOf(Uint8Array);
    return new TextDecoder().decode(bytes);
  },
  blob: async (r) => (await r.blob()).text(),
  body: async (r) => new Response(r.body).text(),
};

describe('bufferedResponse: a Response over a body already in memory', () => {
  it.each(Object.keys(READERS))('reads the body with %s like a standard Response', async (reader) => {
    for (const body of [JSON_BODY, new TextEncoder().encode(JSON_BODY)]) {
      const read = READERS[reader]!;
      const ours = bufferedResponse(answer(body), AT);
      const standard = new Response(body, answer(body));
      expect(ours).toBeInstanceOf(Response);
      expect(ours.bodyUsed).toBe(false);
      expect(await read(ours)).toEqual(await read(standard));
      expect(ours.bodyUsed).toBe(true);
    }
  });

  it.each(Object.keys(READERS).filter((r) => r !== 'body'))('refuses a second read after %s, as fetch does', async (reader) => {
    const res = bufferedResponse(answer(), AT);
    await READERS[reader]!(res);
    for (const again of ['text', 'json', 'arrayBuffer', 'bytes', 'blob'] as const) await expect(res[again]()).rejects.toThrow(TypeError);
    expect(() => res.clone()).toThrow(TypeError);
  });

  it('keeps status and headers, and clones into independent readers', async () => {
    const res = bufferedResponse({ ...answer(), status: 201 }, AT);
    expect(res.status).toBe(201);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-request-id')).toBe('req_1');
    const copy = res.clone();
    expect(await copy.json()).toEqual({ 名称: '住房公积金', n: 1 });
    expect(await res.text()).toBe(JSON_BODY);
    const streamed = bufferedResponse(answer(), AT);
    void streamed.body;
    expect(await streamed.clone().text()).toBe(JSON_BODY);
    expect(await streamed.text()).toBe(JSON_BODY);
  });

  it('hands out bytes the caller owns: changing them leaves a clone intact', async () => {
    const content = new TextEncoder().encode(JSON_BODY);
    const res = bufferedResponse(answer(content), AT);
    const copy = res.clone();
    (await res.bytes()).fill(0);
    expect(await copy.text()).toBe(JSON_BODY);
    expect(content).toEqual(new TextEncoder().encode(JSON_BODY));
  });

  it('rejects json() of a body that is not JSON', async () => {
    await expect(bufferedResponse(answer('<html>'), AT).json()).rejects.toThrow(SyntaxError);
  });

  it.each([204, 304])('has no body for %i', async (status) => {
    const res = bufferedResponse({ status, headers: {}, body: '' }, AT);
    expect(res.body).toBeNull();
    expect(await res.text()).toBe('');
  });
});
