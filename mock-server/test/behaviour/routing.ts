import { describe, expect, it } from 'vitest';
import { org, useMock } from '../support/harness.js';
import type { TransportFactory } from '../support/transports.js';

export function routingBehaviour(factory: TransportFactory): void {
  describe('routing and request checks', () => {
    const ctx = useMock(factory);

    it('answers an unknown path with a 404 problem carrying a request id', async () => {
      const res = await ctx.call('GET', '/nope/v1/things');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('answers a known path with a wrong method with 405 and Allow', async () => {
      const res = await ctx.call('DELETE', '/sharing/v1/notes');
      expect(res.status).toBe(405);
      expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
      expect(res.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    });

    it('refuses a non-JSON body with 415', async () => {
      const res = await ctx.call('POST', '/sharing/v1/notes', { rawBody: 'text=hi', contentType: 'application/x-www-form-urlencoded', as: org(ctx) });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses malformed JSON with 400', async () => {
      const res = await ctx.call('POST', '/sharing/v1/notes', { rawBody: '{"text":', as: org(ctx) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors[0].code).toBe('MALFORMED_JSON');
    });

    it('reports every invalid field with a JSON pointer and zh/en messages', async () => {
      const res = await ctx.call('POST', '/sharing/v1/notes', { body: { text: '', expiresIn: 99, extra: 1 }, as: org(ctx) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
      expect(pointers).toEqual(['/expiresIn', '/extra', '/text']);
      for (const e of res.body.errors) expect(e.message.zh.length).toBeGreaterThan(0);
    });

    it('checks the credit code check character with its own field code', async () => {
      const res = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x', holder: { creditCode: '91350200MA2Y8K3L1A' } }, as: org(ctx) });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/holder/creditCode', code: 'CREDIT_CODE_CHECKSUM' })]);
      const valid = (await ctx.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0].creditCode;
      expect((await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x', holder: { creditCode: valid } }, as: org(ctx) })).status).toBe(201);
    });

    it('validates and coerces query and path parameters', async () => {
      const bad = await ctx.call('GET', '/sharing/v1/notes?limit=500', { as: org(ctx) });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ pointer: '/query/limit', code: 'RANGE' });
      const badId = await ctx.call('GET', '/sharing/v1/notes/xyz', { as: org(ctx) });
      expect(badId.status).toBe(400);
      expect(badId.body.errors[0].pointer).toBe('/path/noteId');
      const ok = await ctx.call('GET', '/sharing/v1/notes?limit=5', { as: org(ctx) });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ items: [], nextCursor: null, total: 0 });
    });

    it('refuses a path parameter that is not valid percent-encoding with 400 at /path/<name>, not 404', async () => {
      for (const [path, pointer] of [
        ['/sharing/v1/notes/%E0%A4%A', '/path/noteId'],
        ['/_sim/v1/sandboxes/%ZZ', '/path/sandboxId'],
        ['/sandboxes/%ZZ/sharing/v1/notes', '/path/sandboxId'],
      ] as const) {
        const res = await ctx.call('GET', path, { as: org(ctx) });
        expect(res.status, path).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer, code: 'INVALID_ENCODING' }] });
        expect(res.body.errors[0].message.zh).toContain('百分号编码');
      }
    });

    it('serves the default sandbox at the root and others under /sandboxes/{id}', async () => {
      const created = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_a', profile: 'national' } });
      expect(created.status).toBe(201);
      expect(created.body.platforms.sharing).toBe(`${ctx.transport.baseUrl}/sandboxes/sbx_a/sharing/v1`);
      const other = created.body.organizations[0];
      const note = await ctx.call('POST', '/sandboxes/sbx_a/sharing/v1/notes', { body: { text: 'in a' }, as: other });
      expect(note.status).toBe(201);
      expect((await ctx.call('GET', '/sandboxes/sbx_a/sharing/v1/stats')).body).toEqual({ notes: 1 });
      expect((await ctx.call('GET', '/sharing/v1/stats')).body).toEqual({ notes: 0 });
      expect((await ctx.call('GET', '/sandboxes/missing/sharing/v1/stats')).status).toBe(404);
    });
  });
}
