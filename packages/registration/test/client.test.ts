// RegistrationClient over the real runtime with a recording fetch: routes, encoding, paging.
import { recordingFetch } from '@gdx/codegen/recording-fetch';
import { describe, expect, it } from 'vitest';
import { ConflictError, RegistrationClient, ResponseNotJsonError, type SubmitApplicationBody } from '../src/index.js';

const baseUrl = 'http://127.0.0.1:4010/sandboxes/sbx_1/registration/v1';
const credentials = { appKey: 'ak_test', secret: 'secret-for-tests' };
const cancellation: SubmitApplicationBody = {
  type: 'cancellation',
  registrationId: 'reg_01JC2M8N4P6R8T0V2X4Z6B8D0F',
  registrants: [{ creditCode: '9135020074505955XG', name: '厦门数据运营有限公司' }],
  cancellation: { ground: 'rights_ended', description: '授权运营期限届满。' },
};

function client(answer: Parameters<typeof recordingFetch>[0]) {
  const { fetch, requests } = recordingFetch(answer);
  return { client: new RegistrationClient({ baseUrl, credentials, fetch, maxRetries: 0 }), requests };
}

describe('RegistrationClient', () => {
  it('shows the raw response of a call to onResponse: the request id and whether a create was replayed', async () => {
    const { client: c } = client(() => ({ status: 201, body: { id: 'rga_1' }, headers: { 'x-request-id': 'req_7', 'idempotent-replayed': 'true' } }));
    const seen: (string | null)[] = [];
    await c.applications.submit(cancellation, { onResponse: (r) => void seen.push(r.requestId, r.headers.get('idempotent-replayed')) });
    expect(seen).toEqual(['req_7', 'true']);
  });

  it.each([
    { call: (c: RegistrationClient) => c.applications.get('rga_1'), method: 'GET', path: '/applications/rga_1' },
    { call: (c: RegistrationClient) => c.applications.resubmit('rga_1', { changes: {} }), method: 'POST', path: '/applications/rga_1/resubmissions' },
    { call: (c: RegistrationClient) => c.registrations.get('reg_1'), method: 'GET', path: '/registrations/reg_1' },
    { call: (c: RegistrationClient) => c.publicNotices.get('pn_1'), method: 'GET', path: '/public-notices/pn_1' },
    { call: (c: RegistrationClient) => c.lookup.get('GDX-2025/0001'), method: 'GET', path: '/lookup/GDX-2025%2F0001' },
  ])('$method $path', async ({ call, method, path }) => {
    const { client: c, requests } = client(() => ({ body: {} }));
    await call(c);
    expect(requests.map((r) => [r.method, r.url.pathname])).toEqual([[method, `/sandboxes/sbx_1/registration/v1${path}`]]);
  });

  it('submits with a body, a signature and an Idempotency-Key', async () => {
    const { client: c, requests } = client(() => ({ status: 201, body: { id: 'rga_1' } }));
    const created = await c.applications.submit(cancellation, { idempotencyKey: 'cancel-reg-1' });
    expect(created.id).toBe('rga_1');
    const [sent] = requests;
    expect(sent?.body).toEqual(cancellation);
    expect(sent?.headers['idempotency-key']).toBe('cancel-reg-1');
    expect(sent?.headers['x-gdx-app-key']).toBe('ak_test');
    expect(sent?.headers['x-gdx-signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('iterates applications across pages with the state filter', async () => {
    const { client: c, requests } = client((req) => ({
      body: req.url.searchParams.has('cursor')
        ? { items: [{ id: 'rga_3' }], nextCursor: null, total: 3 }
        : { items: [{ id: 'rga_1' }, { id: 'rga_2' }], nextCursor: 'cur_2', total: 3 },
    }));
    const ids = (await c.applications.list({ limit: 2, state: 'submitted' }).toArray()).map((a) => a.id);
    expect(ids).toEqual(['rga_1', 'rga_2', 'rga_3']);
    expect(requests.map((r) => Object.fromEntries(r.url.searchParams))).toEqual([
      { limit: '2', state: 'submitted' },
      { limit: '2', state: 'submitted', cursor: 'cur_2' },
    ]);
  });

  it('raises the runtime error class of a problem+json answer', async () => {
    const { client: c } = client(() => ({
      status: 409,
      body: { type: 'https://gdx.dev/problems/illegal-transition', title: 'Illegal transition', status: 409, code: 'ILLEGAL_TRANSITION' },
    }));
    await expect(c.applications.resubmit('rga_1', { changes: {} })).rejects.toBeInstanceOf(ConflictError);
  });

  it('rejects a captive portal’s 200 HTML page with ResponseNotJsonError instead of resolving it as the application', async () => {
    const portal = (async () => new Response('<html><title>Wi-Fi login</title></html>', { status: 200, headers: { 'content-type': 'text/html' } })) as typeof fetch;
    const c = new RegistrationClient({ baseUrl, fetch: portal, maxRetries: 0 });
    await expect(c.applications.get('rga_1')).rejects.toBeInstanceOf(ResponseNotJsonError);
    await expect(c.applications.get('rga_1')).rejects.toMatchObject({ code: 'RESPONSE_NOT_JSON', contentType: 'text/html', status: 200 });
  });
});
