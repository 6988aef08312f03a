import { describe, expect, it } from 'vitest';
import type { App } from '../app/create-app.js';
import type { DispatchRequest, DispatchResponse } from '../app/dispatch-types.js';
import { createFetch } from './create-fetch.js';

/** An app that records what reached `dispatch` and answers `answer`. */
function recordingApp(answer: DispatchResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }) {
  const seen: DispatchRequest[] = [];
  const app = { dispatch: async (req: DispatchRequest) => (seen.push(req), answer) } as unknown as App;
  return { fetch: createFetch(app), seen };
}

const text = (body: DispatchRequest['body']) => (body === undefined || typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));

describe('createFetch: what reaches app.dispatch', () => {
  it.each([
    {
      name: 'a URL string with a record of headers',
      call: ['http://mock.local/catalog/v1/search?q=%E6%95%B0&limit=2', { headers: { Accept: 'application/json', 'X-Gdx-Nonce': 'n' } }],
      want: { method: 'GET', path: '/catalog/v1/search', query: 'q=%E6%95%B0&limit=2', headers: { accept: 'application/json', 'x-gdx-nonce': 'n', host: 'mock.local' }, body: undefined, origin: 'http://mock.local' },
    },
    {
      name: 'a URL object, header pairs and a JSON string body',
      call: [new URL('http://127.0.0.1:4010/x/y'), { method: 'post', headers: [['Content-Type', 'application/json']], body: '{"a":"数"}' }],
      want: { method: 'POST', path: '/x/y', query: '', headers: { 'content-type': 'application/json', host: '127.0.0.1:4010' }, body: '{"a":"数"}', origin: 'http://127.0.0.1:4010' },
    },
    {
      name: 'Headers and bytes; a method fetch does not normalise keeps its case',
      call: ['http://mock.local/e/1', { method: 'patch', headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode('{}') }],
      want: { method: 'patch', path: '/e/1', query: '', headers: { 'content-type': 'application/json', host: 'mock.local' }, body: '{}', origin: 'http://mock.local' },
    },
    {
      name: 'a string body without a content type, typed as fetch types it',
      call: ['http://mock.local/n', { method: 'PUT', body: 'hi' }],
      want: { method: 'PUT', path: '/n', query: '', headers: { 'content-type': 'text/plain;charset=UTF-8', host: 'mock.local' }, body: 'hi', origin: 'http://mock.local' },
    },
    {
      name: 'form parameters (through Request, which types them)',
      call: ['http://mock.local/f?x=1', { method: 'POST', body: new URLSearchParams({ a: '1' }) }],
      want: { method: 'POST', path: '/f', query: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', host: 'mock.local' }, body: 'a=1', origin: 'http://mock.local' },
    },
    {
      name: 'a Request',
      call: [new Request('http://mock.local/r/2?z', { method: 'DELETE', headers: { 'X-A': 'b' } })],
      want: { method: 'DELETE', path: '/r/2', query: 'z', headers: { 'x-a': 'b', host: 'mock.local' }, body: undefined, origin: 'http://mock.local' },
    },
  ] as { name: string; call: Parameters<typeof fetch>; want: DispatchRequest }[])('$name', async ({ call, want }) => {
    const { fetch, seen } = recordingApp();
    await fetch(...call);
    expect(seen).toHaveLength(1);
    expect({ ...seen[0]!, body: text(seen[0]!.body) }).toEqual(want);
  });

  it('refuses a GET with a body and an aborted signal before dispatching, as fetch does', async () => {
    const { fetch, seen } = recordingApp();
    await expect(fetch('http://mock.local/a', { body: 'x' })).rejects.toThrow(TypeError);
    const aborted = AbortSignal.abort(new Error('stop'));
    await expect(fetch('http://mock.local/a', { signal: aborted })).rejects.toThrow('stop');
    await expect(fetch(new Request('http://mock.local/a', { signal: aborted }))).rejects.toThrow('stop');
    expect(seen).toHaveLength(0);
  });
});

describe('createFetch: what fetch refuses to send', () => {
  it.each([
    { name: 'TRACE', init: { method: 'TRACE' } },
    { name: 'track, in any case', init: { method: 'track' } },
    { name: 'CONNECT', init: { method: 'CONNECT' } },
    { name: 'a method that is no token', init: { method: 'GET X' } },
    { name: 'an empty method', init: { method: '' } },
    { name: 'a header name that is no token', init: { headers: { 'bad name': 'x' } } },
    { name: 'CR LF in a header value (a header injected)', init: { headers: [['x-a', 'a\r\nx-b: c']] as [string, string][] } },
    { name: 'a header value past latin1', init: { headers: { 'x-a': 'q=人口' } } },
  ] as { name: string; init: RequestInit }[])('$name: TypeError as from fetch, nothing dispatched', async ({ init }) => {
    const { fetch, seen } = recordingApp();
    const url = 'http://mock.local/a';
    // What Node's fetch throws before sending: the same refusal, by the same checks.
    const standard = (() => {
      try {
        new Request(url, init);
      } catch (error) {
        return error as TypeError;
      }
      throw new Error('Request accepted it');
    })();
    expect(standard).toBeInstanceOf(TypeError);
    await expect(fetch(url, init)).rejects.toThrow(new TypeError(standard.message));
    await expect(fetch(url, init)).rejects.toBeInstanceOf(TypeError);
    expect(seen).toHaveLength(0);
  });

  it('keeps what Headers keeps: a value without the spaces at its ends', async () => {
    const { fetch, seen } = recordingApp();
    await fetch('http://mock.local/a', { method: 'BREW', headers: { 'X-A': ' \tb c\t ' } });
    expect(seen[0]).toMatchObject({ method: 'BREW', headers: { 'x-a': 'b c' } });
  });
});

describe('createFetch: an abort while the app answers', () => {
  /** An app whose answer comes only when the test releases it. */
  function pendingApp() {
    let release: (answer: DispatchResponse) => void = () => undefined;
    let dispatched = 0;
    const app = { dispatch: () => (dispatched++, new Promise<DispatchResponse>((resolve) => (release = resolve))) } as unknown as App;
    return { fetch: createFetch(app), release: (answer: DispatchResponse) => release(answer), dispatched: () => dispatched };
  }
  const late: DispatchResponse = { status: 200, headers: {}, body: 'late' };

  it('rejects at once with a DOMException AbortError, and drops the late answer', async () => {
    const app = pendingApp();
    const controller = new AbortController();
    const pending = app.fetch('http://mock.local/slow', { signal: controller.signal });
    await Promise.resolve();
    expect(app.dispatched()).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pending).rejects.toBeInstanceOf(DOMException);
    app.release(late);
  });

  it.each([
    { name: 'init.signal', call: (f: typeof fetch, signal: AbortSignal) => f('http://mock.local/slow', { signal }) },
    { name: "a Request's signal", call: (f: typeof fetch, signal: AbortSignal) => f(new Request('http://mock.local/slow', { signal })) },
  ])('rejects with the reason the caller gave, through $name', async ({ call }) => {
    const app = pendingApp();
    const controller = new AbortController();
    const pending = call(app.fetch, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    app.release(late);
  });

  it('answers as usual when the signal does not fire', async () => {
    const app = pendingApp();
    const pending = app.fetch('http://mock.local/slow', { signal: new AbortController().signal });
    await Promise.resolve();
    app.release(late);
    expect(await (await pending).text()).toBe('late');
  });
});

describe('createFetch: the Response', () => {
  it('carries the status, headers and body of the answer', async () => {
    const { fetch } = recordingApp({ status: 201, headers: { 'content-type': 'application/ld+json', 'x-request-id': 'req_1' }, body: '{"名":1}' });
    const res = await fetch('http://mock.local/x');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    expect(res.headers.get('x-request-id')).toBe('req_1');
    expect(await res.json()).toEqual({ 名: 1 });
  });

  it.each([
    { name: 'a URL string (without its fragment)', call: ['http://mock.local/catalog/v1/search?q=%E6%95%B0#top'], url: 'http://mock.local/catalog/v1/search?q=%E6%95%B0' },
    { name: 'a URL object', call: [new URL('http://127.0.0.1:4010/x/y')], url: 'http://127.0.0.1:4010/x/y' },
    { name: 'a Request', call: [new Request('http://mock.local/r/2?z=1', { method: 'DELETE' })], url: 'http://mock.local/r/2?z=1' },
  ] as { name: string; call: Parameters<typeof fetch>; url: string }[])('sets url to the request URL, as fetch does, for $name', async ({ call, url }) => {
    const res = await recordingApp().fetch(...call);
    expect(res.url).toBe(url);
    expect(res.clone().url).toBe(url);
    void res.body; // from now on a standard Response streams the body
    expect(res.clone().url).toBe(url);
    expect(await res.clone().json()).toEqual({ ok: true });
    expect((await recordingApp({ status: 204, headers: {}, body: '' }).fetch(...call)).url).toBe(url);
  });

  it('answers 204 without a body and rejects a connection reset like a dropped connection', async () => {
    expect((await recordingApp({ status: 204, headers: {}, body: '' }).fetch('http://mock.local/x')).body).toBeNull();
    const reset = recordingApp({ status: 0, headers: {}, body: '', connectionReset: true });
    await expect(reset.fetch('http://mock.local/x')).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
  });
});
