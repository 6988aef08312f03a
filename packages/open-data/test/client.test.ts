// OpenDataClient over the real runtime with a recording fetch: routes, query, paging, signing.
import { recordingFetch } from '@gdx/codegen/recording-fetch';
import { describe, expect, it } from 'vitest';
import { OpenDataClient, type SubmitUsageReportBody } from '../src/index.js';

const baseUrl = 'http://127.0.0.1:4010/sandboxes/sbx_1/open-data/v1';
const report: SubmitUsageReportBody = {
  period: { from: '2025-10-20', to: '2025-12-31' },
  summary: '为 126 家中小企业提供信用评估，均在申请场景内使用。',
  withinScenario: true,
};

function client(answer: Parameters<typeof recordingFetch>[0], credentials = true) {
  const { fetch, requests } = recordingFetch(answer);
  const options = { baseUrl, fetch, maxRetries: 0, ...(credentials ? { credentials: { appKey: 'ak_test', secret: 's' } } : {}) };
  return { client: new OpenDataClient(options), requests };
}

describe('OpenDataClient', () => {
  it.each([
    { call: (c: OpenDataClient) => c.datasets.get('dst_1'), method: 'GET', path: '/datasets/dst_1' },
    { call: (c: OpenDataClient) => c.demands.get('dmd_1'), method: 'GET', path: '/demands/dmd_1' },
    { call: (c: OpenDataClient) => c.applications.get('oda_1'), method: 'GET', path: '/applications/oda_1' },
    { call: (c: OpenDataClient) => c.grants.get('grt_1'), method: 'GET', path: '/grants/grt_1' },
    { call: (c: OpenDataClient) => c.usageReports.submit('grt_1', report), method: 'POST', path: '/grants/grt_1/usage-reports' },
    { call: (c: OpenDataClient) => c.dataObjections.get('dob_1'), method: 'GET', path: '/data-objections/dob_1' },
  ])('$method $path', async ({ call, method, path }) => {
    const { client: c, requests } = client(() => ({ body: {} }));
    await call(c);
    expect(requests.map((r) => [r.method, r.url.pathname])).toEqual([[method, `/sandboxes/sbx_1/open-data/v1${path}`]]);
  });

  it('lists public datasets unsigned, with the filters in the query', async () => {
    const { client: c, requests } = client(() => ({ body: { items: [{ id: 'dst_1' }], nextCursor: null } }), false);
    const ids = (await c.datasets.list({ q: '公交 客流', openingType: 'open', limit: 50 }).toArray()).map((d) => d.id);
    expect(ids).toEqual(['dst_1']);
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toEqual({ q: '公交 客流', openingType: 'open', limit: '50' });
    expect(requests[0]?.headers).not.toHaveProperty('x-gdx-signature');
  });

  it('submits a usage report for a grant as an idempotent create', async () => {
    const { client: c, requests } = client(() => ({ status: 201, body: { id: 'usr_1' } }));
    await c.usageReports.submit('grt_1', report);
    expect(requests[0]?.body).toEqual(report);
    expect(requests[0]?.headers['idempotency-key']).toBeTruthy();
    expect(requests[0]?.headers['x-gdx-signature']).toBeTruthy();
  });

  it('pages through opening plans of a year', async () => {
    const { client: c, requests } = client((req) => ({
      body: req.url.searchParams.has('cursor') ? { items: [{ id: 'opl_2' }], nextCursor: null } : { items: [{ id: 'opl_1' }], nextCursor: 'p2' },
    }), false);
    const pages = [];
    for await (const page of c.openingPlans.list({ year: 2025 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([1, 1]);
    expect(requests.map((r) => r.url.searchParams.get('year'))).toEqual(['2025', '2025']);
  });
});
