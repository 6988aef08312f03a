// The generated fixture client over the real runtime: what reaches the wire.
import { describe, expect, it } from 'vitest';
import { MiniClient } from '../src/generated/client.js';
import { NotFoundError } from '../src/generated/runtime.js';
import type { Transport } from '@gdx/runtime';
import { recordingFetch } from '../src/recording-fetch.js';

const baseUrl = 'http://127.0.0.1:4010/sandboxes/sbx_1/mini/v1';
const application = {
  id: 'rga_1',
  state: 'submitted',
  createdAt: '2025-09-26T10:00:00+08:00',
  deadline: null,
  input: { type: 'initial', name: 'A', contact: { phone: '13800000000' } },
};

describe('generated client over @gdx/runtime', () => {
  it('close() releases the transport', async () => {
    let closed = 0;
    const transport: Transport = {
      send: async () => ({ status: 200, headers: new Headers(), body: '{}' }),
      close: async () => {
        closed += 1;
      },
    };
    await new MiniClient({ baseUrl, transport }).close();
    expect(closed).toBe(1);
  });

  it('submit sends JSON with an Idempotency-Key and returns the body', async () => {
    const { fetch, requests } = recordingFetch(() => ({ status: 201, body: application }));
    const client = new MiniClient({ baseUrl, fetch, validateResponses: true });
    const created = await client.applications.submit({ type: 'initial', name: 'A', contact: { phone: '13800000000' } });
    expect(created.id).toBe('rga_1');
    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.pathname).toBe('/sandboxes/sbx_1/mini/v1/applications');
    expect(sent?.headers['idempotency-key']).toMatch(/^.{1,255}$/);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toEqual({ type: 'initial', name: 'A', contact: { phone: '13800000000' } });
  });

  it('uses a caller-chosen Idempotency-Key', async () => {
    const { fetch, requests } = recordingFetch(() => ({ status: 201, body: application }));
    await new MiniClient({ baseUrl, fetch }).applications.submit(
      { type: 'cancellation', registrationId: 'reg_1' },
      { idempotencyKey: 'order-42' },
    );
    expect(requests[0]?.headers['idempotency-key']).toBe('order-42');
  });

  it('percent-encodes path params', async () => {
    const { fetch, requests } = recordingFetch(() => ({ status: 200, body: application }));
    await new MiniClient({ baseUrl, fetch }).applications.get('rga 1/../x');
    expect(requests[0]?.url.pathname).toBe('/sandboxes/sbx_1/mini/v1/applications/rga%201%2F..%2Fx');
  });

  it('serialises query arrays as repeated parameters and follows cursors', async () => {
    const { fetch, requests } = recordingFetch((req) =>
      req.url.searchParams.get('cursor') === 'c2'
        ? { body: { items: [{ ...application, id: 'rga_3' }], nextCursor: null } }
        : { body: { items: [application, { ...application, id: 'rga_2' }], nextCursor: 'c2' } },
    );
    const ids: string[] = [];
    for await (const app of new MiniClient({ baseUrl, fetch }).applications.list({ limit: 2, state: ['submitted', 'registered'] })) {
      ids.push(app.id);
    }
    expect(ids).toEqual(['rga_1', 'rga_2', 'rga_3']);
    expect(requests.map((r) => [r.url.searchParams.getAll('state'), r.url.searchParams.get('limit'), r.url.searchParams.get('cursor')])).toEqual([
      [['submitted', 'registered'], '2', null],
      [['submitted', 'registered'], '2', 'c2'],
    ]);
  });

  it('listPage returns one page with its cursor', async () => {
    const { fetch } = recordingFetch(() => ({ body: { items: [application], nextCursor: 'next', total: 9 } }));
    const page = await new MiniClient({ baseUrl, fetch }).applications.listPage();
    expect([page.items.length, page.nextCursor, page.total]).toEqual([1, 'next', 9]);
  });

  it('turns a problem+json 404 into NotFoundError', async () => {
    const { fetch } = recordingFetch(() => ({
      status: 404,
      body: { type: 'https://gdx.dev/problems/not-found', title: 'Not found', status: 404, code: 'NOT_FOUND', message: { zh: '资源不存在', en: 'Not found' } },
    }));
    await expect(new MiniClient({ baseUrl, fetch, maxRetries: 0 }).applications.get('rga_9')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a 204 answer resolves to undefined', async () => {
    const { fetch, requests } = recordingFetch(() => ({ status: 204 }));
    await expect(new MiniClient({ baseUrl, fetch }).sandboxes.delete('sbx_1')).resolves.toBeUndefined();
    expect(requests[0]?.method).toBe('DELETE');
  });
});

describe('non-application/json answers', () => {
  it('asks for the media type the spec names and parses it as JSON', async () => {
    const { fetch, requests } = recordingFetch(() => ({ body: { '@context': 'https://www.w3.org/ns/dcat' }, headers: { 'content-type': 'application/ld+json' } }));
    const doc = await new MiniClient({ baseUrl, fetch }).dcat.export({ headers: { 'x-trace': '1' } });
    expect(doc).toEqual({ '@context': 'https://www.w3.org/ns/dcat' });
    expect([requests[0]?.headers.accept, requests[0]?.headers['x-trace']]).toEqual(['application/ld+json', '1']);
  });
});
