// AuthorizedOperationClient over the real runtime with a recording fetch: routes, encoding, paging,
// the unsigned public lists and typed errors.
import { recordingFetch } from '@gdx/codegen/recording-fetch';
import { describe, expect, it } from 'vitest';
import { AuthorizedOperationClient, UnprocessableEntityError, type CalculateMarBody } from '../src/index.js';

const baseUrl = 'http://127.0.0.1:4010/sandboxes/sbx_1/authorized-operation/v1';
const credentials = { appKey: 'ak_test', secret: 'secret-for-tests' };
const domainExample: CalculateMarBody = { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000, actualRevenueFen: 990_000_000 };

function client(answer: Parameters<typeof recordingFetch>[0], withCredentials = true) {
  const { fetch, requests } = recordingFetch(answer);
  return { client: new AuthorizedOperationClient({ baseUrl, ...(withCredentials ? { credentials } : {}), fetch, maxRetries: 0 }), requests };
}

describe('AuthorizedOperationClient', () => {
  it.each([
    { call: (c: AuthorizedOperationClient) => c.plans.get('aop_1'), method: 'GET', path: '/plans/aop_1' },
    { call: (c: AuthorizedOperationClient) => c.plans.submit('aop_1', {}), method: 'POST', path: '/plans/aop_1/submissions' },
    { call: (c: AuthorizedOperationClient) => c.selections.bid('aos_1', { proposal: '方案', eligibility: { goodCredit: true } }), method: 'POST', path: '/selections/aos_1/bids' },
    { call: (c: AuthorizedOperationClient) => c.authorizations.get('aoa_1'), method: 'GET', path: '/authorizations/aoa_1' },
    { call: (c: AuthorizedOperationClient) => c.pricing.get('aoa_1'), method: 'GET', path: '/authorizations/aoa_1/pricing' },
    { call: (c: AuthorizedOperationClient) => c.dataAccess.reportAgreement('aoq_1', { signedOn: '2026-01-20', agreement: { name: 'a.pdf', mediaType: 'application/pdf', digest: `sha256:${'0'.repeat(64)}`, size: 1 } }), method: 'POST', path: '/data-access-requests/aoq_1/agreement-reports' },
    { call: (c: AuthorizedOperationClient) => c.products.setFee('aod_1', { actualFen: 45_000, effectiveFrom: '2026-03-10', displayed: true }), method: 'POST', path: '/products/aod_1/fees' },
  ])('$method $path', async ({ call, method, path }) => {
    const { client: c, requests } = client(() => ({ body: {} }));
    await call(c);
    expect(requests.map((r) => [r.method, r.url.pathname])).toEqual([[method, `/sandboxes/sbx_1/authorized-operation/v1${path}`]]);
  });

  it('sends the MAR inputs as integers, signed, with an Idempotency-Key', async () => {
    const { client: c, requests } = client(() => ({ body: { calculation: { marFen: 894_000_000 }, deviation: null } }));
    const result = await c.pricing.calculate(domainExample, { idempotencyKey: 'mar-2026' });
    expect(result.calculation.marFen).toBe(894_000_000);
    const [sent] = requests;
    expect(sent?.body).toEqual(domainExample);
    expect(sent?.headers['idempotency-key']).toBe('mar-2026');
    expect(sent?.headers['x-gdx-signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('iterates a year of annual reports across pages under one authorization', async () => {
    const { client: c, requests } = client((req) => ({
      body: req.url.searchParams.has('cursor') ? { items: [{ id: 'aor_3' }], nextCursor: null, total: 3 } : { items: [{ id: 'aor_1' }, { id: 'aor_2' }], nextCursor: 'cur_2', total: 3 },
    }));
    const ids = (await c.annualReports.list('aoa_1', { limit: 2 }).toArray()).map((r) => r.id);
    expect(ids).toEqual(['aor_1', 'aor_2', 'aor_3']);
    expect(requests.map((r) => [r.url.pathname, Object.fromEntries(r.url.searchParams)])).toEqual([
      ['/sandboxes/sbx_1/authorized-operation/v1/authorizations/aoa_1/annual-reports', { limit: '2' }],
      ['/sandboxes/sbx_1/authorized-operation/v1/authorizations/aoa_1/annual-reports', { limit: '2', cursor: 'cur_2' }],
    ]);
  });

  it('reads the public product list without credentials, filtered by use category', async () => {
    const { client: c, requests } = client(() => ({ body: { items: [], nextCursor: null, total: 0 } }), false);
    await c.disclosures.productsPage({ useCategory: 'industry' });
    expect(requests[0]?.url.search).toBe('?useCategory=industry');
    expect(requests[0]?.headers['x-gdx-signature']).toBeUndefined();
  });

  it('raises the runtime error class of a refused fee with its stable code', async () => {
    const { client: c } = client(() => ({
      status: 422,
      body: { type: 'https://gdx.dev/problems/fee-above-ceiling', title: 'Fee above ceiling', status: 422, code: 'FEE_ABOVE_CEILING', message: { zh: '超过最高收费标准', en: 'Fee above the ceiling' } },
    }));
    const refused = c.products.setFee('aod_1', { actualFen: 50_001, effectiveFrom: '2026-03-10', displayed: true });
    await expect(refused).rejects.toBeInstanceOf(UnprocessableEntityError);
    await expect(refused).rejects.toMatchObject({ code: 'FEE_ABOVE_CEILING' });
  });
});
