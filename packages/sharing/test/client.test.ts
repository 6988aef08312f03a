// SharingClient over the real runtime with a recording fetch: routes, bodies, paging, errors.
import { recordingFetch } from '@gdx/codegen/recording-fetch';
import { describe, expect, it } from 'vitest';
import { SharingClient, UnprocessableEntityError, type SubmitRequestBody } from '../src/index.js';

const baseUrl = 'http://127.0.0.1:4010/sandboxes/sbx_1/sharing/v1';
const request: SubmitRequestBody = {
  entryId: 'ent_01J0P17600WN9TXA552WDHAJCY',
  scenario: { name: '低保资格核查', description: '核查申请人家庭车辆登记情况' },
  purpose: '最低生活保障资格审核',
  fields: ['号牌号码', '车辆类型'],
  deliveryMethod: 'api',
  periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
  securityMeasures: '专网访问，调用日志留存 6 个月。',
  condition: 'specific_scenario',
};

function client(answer: Parameters<typeof recordingFetch>[0]) {
  const { fetch, requests } = recordingFetch(answer);
  return { client: new SharingClient({ baseUrl, credentials: { appKey: 'ak_test', secret: 's' }, fetch, maxRetries: 0 }), requests };
}

describe('SharingClient', () => {
  it.each([
    { call: (c: SharingClient) => c.requests.get('shr_1'), method: 'GET', path: '/requests/shr_1' },
    { call: (c: SharingClient) => c.requests.dispute('shr_1', { text: '请予以协调。' }), method: 'POST', path: '/requests/shr_1/disputes' },
    { call: (c: SharingClient) => c.grants.get('grt 1'), method: 'GET', path: '/grants/grt%201' },
    { call: (c: SharingClient) => c.dataObjections.get('dob_1'), method: 'GET', path: '/data-objections/dob_1' },
    { call: (c: SharingClient) => c.qualityIssues.get('qi_1'), method: 'GET', path: '/quality-issues/qi_1' },
  ])('$method $path', async ({ call, method, path }) => {
    const { client: c, requests } = client(() => ({ body: {} }));
    await call(c);
    expect(requests.map((r) => [r.method, r.url.pathname])).toEqual([[method, `/sandboxes/sbx_1/sharing/v1${path}`]]);
  });

  it('submits a request with an Idempotency-Key generated once per call', async () => {
    const { client: c, requests } = client(() => ({ status: 201, body: { id: 'shr_1', state: 'delivered' } }));
    const created = await c.requests.submit(request);
    expect(created.id).toBe('shr_1');
    expect(requests[0]?.body).toEqual(request);
    expect(requests[0]?.headers['idempotency-key']).toBeTruthy();
  });

  it('surfaces NOT_SHAREABLE as UnprocessableEntityError with the legal basis', async () => {
    const { client: c } = client(() => ({
      status: 422,
      body: { type: 'https://gdx.dev/problems/not-shareable', title: 'Not shareable', status: 422, code: 'NOT_SHAREABLE',
        message: { zh: '该数据不予共享', en: 'The data is not shareable' }, detail: '《政务数据共享条例》第十三条' },
    }));
    const error = await c.requests.submit(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).code).toBe('NOT_SHAREABLE');
    expect((error as UnprocessableEntityError).problem?.detail).toContain('第十三条');
  });

  it('iterates request events across pages', async () => {
    const { client: c, requests } = client((req) => ({
      body: req.url.searchParams.get('cursor') === 'e2' ? { items: [{ seq: 3 }], nextCursor: null } : { items: [{ seq: 1 }, { seq: 2 }], nextCursor: 'e2' },
    }));
    const seqs = (await c.requests.events('shr_1', { limit: 2 }).toArray()).map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3]);
    expect(requests.map((r) => [r.url.pathname, Object.fromEntries(r.url.searchParams)])).toEqual([
      ['/sandboxes/sbx_1/sharing/v1/requests/shr_1/events', { limit: '2' }],
      ['/sandboxes/sbx_1/sharing/v1/requests/shr_1/events', { limit: '2', cursor: 'e2' }],
    ]);
  });
});
