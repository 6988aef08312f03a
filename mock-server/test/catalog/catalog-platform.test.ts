import { describe, expect, it } from 'vitest';
import type { OperationContext, OperationResult, SandboxContext } from '../../src/app/platform-module.js';
import { createCatalogPlatform, type CatalogState, type EntrySummary } from '../../src/platforms/catalog/index.js';
import { createSeedData } from '../../src/sandbox/seed/index.js';
import { shaclViolations } from './shacl.js';

// Until the app core lands, the module is exercised through its PlatformModule interface with a
// minimal sandbox; the route tests through `createApp` belong in the behaviour suite.
const seed = createSeedData({ seed: 'platform', profile: 'xiamen', sandboxId: 'sbx_t' });
// Only the members the public operations read; cast because the core's interface is still growing.
const sandbox = {
  id: 'sbx_t',
  profile: 'xiamen',
  now: () => Date.parse('2025-09-26T10:00:00+08:00'),
  organisations: () => seed.organizations,
  organisation: (id: string) => seed.organizations.find((o) => o.id === id),
  emit: () => undefined,
} as unknown as SandboxContext;
const platform = createCatalogPlatform({ spec: { openapi: '3.1.0', paths: {} }, seedData: () => seed });
const state = platform.createState(sandbox);
platform.seed?.(sandbox, state);

function call(operationId: string, query: Record<string, unknown> = {}, params: Record<string, string> = {}): OperationResult {
  const ctx: OperationContext<CatalogState> = {
    sandbox,
    state,
    caller: undefined,
    operationId,
    params,
    query,
    body: undefined,
    requestId: 'req_1',
    problem: (code, options) => ({ status: code === 'NOT_FOUND' ? 404 : 400, body: { code, ...options } }),
  };
  const handler = platform.operations[operationId];
  if (!handler) throw new Error(`no handler ${operationId}`);
  const result = handler(ctx);
  // A handler may answer pre-rendered JSON (`json`); the tests read the body it stands for.
  return result.json === undefined ? result : { status: result.status, body: JSON.parse(result.json) as unknown };
}

describe('catalog platform: public operations', () => {
  it('seeds the published catalog', () => {
    expect(state.index.size).toBe(seed.catalogEntries.length);
  });

  it('searches with a filter and answers EntrySummary items, facets and a cursor', () => {
    const first = call('searchEntries', { q: '人口', sharingType: 'unconditional', limit: 3 });
    expect(first.status).toBe(200);
    const body = first.body as { items: EntrySummary[]; nextCursor: string | null; total: number; facets: Record<string, unknown[]> };
    expect(body.items).toHaveLength(3);
    for (const item of body.items) {
      expect(item.sharingType).toBe('unconditional');
      expect(item.region).toMatch(/^\d{6}$/);
      expect(item.modifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.keys(item.provider).sort()).toEqual(['creditCode', 'name']);
    }
    expect(Object.keys(body.facets).sort()).toEqual(['domain', 'grade', 'openingType', 'provider', 'region', 'sharingType', 'updateCycle']);
    const second = call('searchEntries', { q: '人口', sharingType: 'unconditional', limit: 3, cursor: body.nextCursor });
    const ids = (second.body as { items: EntrySummary[] }).items.map((i) => i.id);
    expect(ids.some((id) => body.items.some((i) => i.id === id))).toBe(false);
  });

  it('answers INVALID_CURSOR, as every list does, with a field pointer for a foreign cursor (CURSOR_MISMATCH) and a broken one', () => {
    const cursor = (call('searchEntries', { q: '人口', limit: 1 }).body as { nextCursor: string }).nextCursor;
    const result = call('searchEntries', { q: '法人', cursor });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 'INVALID_CURSOR', errors: [{ pointer: '/query/cursor', code: 'CURSOR_MISMATCH' }] });
    expect(call('searchEntries', { q: '法人', cursor: 'broken' }).body).toMatchObject({ code: 'INVALID_CURSOR', errors: [{ pointer: '/query/cursor', code: 'INVALID_CURSOR' }] });
  });

  it('exports DCAT as JSON-LD that passes the shapes, and 404s an unknown entry', async () => {
    const all = call('exportDcat');
    expect(all.headers?.['content-type']).toBe('application/ld+json');
    expect(await shaclViolations(all.body as object)).toEqual([]);
    const entry = seed.catalogEntries[7]!;
    const one = call('getDcatEntry', {}, { entryId: entry.id });
    expect(JSON.stringify(one.body)).toContain(entry.resourceCode);
    expect(call('getDcatEntry', {}, { entryId: 'ent_missing' }).status).toBe(404);
  });

  it('round-trips its state through a snapshot', () => {
    const copy = platform.importState(JSON.parse(JSON.stringify(platform.exportState(state))), sandbox);
    expect(copy.index.search({ q: '企业', limit: 50 })).toEqual(state.index.search({ q: '企业', limit: 50 }));
  });
});
