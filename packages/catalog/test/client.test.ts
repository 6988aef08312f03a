// CatalogClient over the real runtime with a recording fetch: routes, PATCH, search, JSON-LD.
import { recordingFetch } from '@gdx/codegen/recording-fetch';
import { describe, expect, it } from 'vitest';
import { CatalogClient } from '../src/index.js';

const baseUrl = 'http://127.0.0.1:4010/sandboxes/sbx_1/catalog/v1';

function client(answer: Parameters<typeof recordingFetch>[0]) {
  const { fetch, requests } = recordingFetch(answer);
  return { client: new CatalogClient({ baseUrl, credentials: { appKey: 'ak_test', secret: 's' }, fetch, maxRetries: 0 }), requests };
}

describe('CatalogClient', () => {
  it.each([
    { call: (c: CatalogClient) => c.entries.get('ent_1'), method: 'GET', path: '/entries/ent_1', idempotent: false },
    { call: (c: CatalogClient) => c.entries.update('ent_1', { name: '机动车登记信息' }), method: 'PATCH', path: '/entries/ent_1', idempotent: false },
    { call: (c: CatalogClient) => c.entries.submit('ent_1'), method: 'POST', path: '/entries/ent_1/submissions', idempotent: true },
    { call: (c: CatalogClient) => c.entries.proposeChange('ent_1', { changes: { summary: '新增字段' } }), method: 'POST', path: '/entries/ent_1/changes', idempotent: true },
    {
      call: (c: CatalogClient) => c.entries.reclassify('ent_1', { openingType: 'open', ground: { kind: 'desensitisation', description: '删除身份证号后符合开放要求' } }),
      method: 'POST',
      path: '/entries/ent_1/reclassification',
      idempotent: true,
    },
    {
      call: (c: CatalogClient) => c.entries.answerSharingTypeDispute('ent_1', { answer: 'keep', reasons: [{ text: '涉及商业秘密，仅限定应用场景共享' }] }),
      method: 'POST',
      path: '/entries/ent_1/sharing-type-dispute/answer',
      idempotent: true,
    },
    { call: (c: CatalogClient) => c.entries.withdraw('ent_1', { reason: { text: '职能划转' } }), method: 'POST', path: '/entries/ent_1/withdrawal', idempotent: true },
    { call: (c: CatalogClient) => c.dcat.entry('ent_1'), method: 'GET', path: '/dcat/ent_1', idempotent: false },
  ])('$method $path', async ({ call, method, path, idempotent }) => {
    const { client: c, requests } = client(() => ({ body: {} }));
    await call(c);
    expect(requests.map((r) => [r.method, r.url.pathname, 'idempotency-key' in r.headers])).toEqual([
      [method, `/sandboxes/sbx_1/catalog/v1${path}`, idempotent],
    ]);
  });

  it('sends a PATCH body as JSON', async () => {
    const { client: c, requests } = client(() => ({ body: { id: 'ent_1' } }));
    await c.entries.update('ent_1', { summary: '更新摘要', updateCycle: 'weekly' });
    expect([requests[0]?.headers['content-type'], requests[0]?.body]).toEqual(['application/json', { summary: '更新摘要', updateCycle: 'weekly' }]);
  });

  it('search pages keep the facets; the iterator yields the items', async () => {
    const facets = { provider: [{ value: '113502006877488660', label: '厦门市交通运输局', count: 2 }], domain: [], sharingType: [], openingType: [], grade: [] };
    const { client: c, requests } = client((req) => ({
      body: req.url.searchParams.has('cursor')
        ? { items: [{ id: 'ent_2' }], nextCursor: null, total: 2, facets }
        : { items: [{ id: 'ent_1' }], nextCursor: 'k1', total: 2, facets },
    }));
    const page = await c.search.queryPage({ q: '机动车', sharingType: 'conditional' });
    expect(page.facets.provider[0]?.count).toBe(2);
    const ids = (await c.search.query({ q: '机动车' }).toArray()).map((e) => e.id);
    expect(ids).toEqual(['ent_1', 'ent_2']);
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toEqual({ q: '机动车', sharingType: 'conditional' });
  });

  it('asks for JSON-LD from the DCAT export', async () => {
    const { client: c, requests } = client(() => ({ body: { '@context': 'https://www.w3.org/ns/dcat', '@type': 'dcat:Catalog' } }));
    const doc = await c.dcat.export();
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(requests[0]?.headers.accept).toBe('application/ld+json');
  });
});
