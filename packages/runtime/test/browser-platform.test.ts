import { afterEach, describe, expect, it, vi } from 'vitest';

// Bundlers resolve `#platform` to src/platform/browser.ts under the `browser` condition; here
// the Node leaf is replaced by it to check what a browser client does.
describe('the runtime in a browser', () => {
  afterEach(() => {
    vi.doUnmock('../src/platform/node.js');
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  async function browserRuntime() {
    vi.doMock('../src/platform/node.js', () => import('../src/platform/browser.js'));
    return import('../src/index.js');
  }

  it('sends through the global fetch with no dispatcher and leaves the user-agent to the browser', async () => {
    const { ApiClient } = await browserRuntime();
    const seen: (RequestInit & { dispatcher?: unknown })[] = [];
    vi.stubGlobal('fetch', async (_input: unknown, init: RequestInit) => {
      seen.push(init);
      return new Response('{"ok":true}', { status: 200 });
    });
    const client = new ApiClient({ baseUrl: 'https://platform.invalid/catalog/v1' });
    await expect(client.request({ operationId: 'searchCatalog', method: 'GET', path: '/search' })).resolves.toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.dispatcher).toBeUndefined();
    expect(new Headers(seen[0]?.headers).has('user-agent')).toBe(false);
  });

  it('still sends a user-agent the caller sets', async () => {
    const { ApiClient } = await browserRuntime();
    const seen: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_input: unknown, init: RequestInit) => (seen.push(init), new Response(null, { status: 204 })));
    await new ApiClient({ baseUrl: 'https://platform.invalid', userAgent: 'agency-portal/2' }).request({ operationId: 'op', method: 'DELETE', path: '/a' });
    expect(new Headers(seen[0]?.headers).get('user-agent')).toBe('agency-portal/2');
  });

  it('refuses the undici transport with a typed, bilingual error', async () => {
    const { undiciTransport, GdxError } = await browserRuntime();
    let error: unknown;
    try {
      undiciTransport();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GdxError);
    expect(error).toMatchObject({ code: 'UNDICI_TRANSPORT_UNAVAILABLE' });
    expect((error as InstanceType<typeof GdxError>).messageZh).toMatch(/浏览器/);
  });
});
