import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectOperations } from '../src/operations.mjs';

const mini = () => JSON.parse(readFileSync(new URL('./fixtures/mini.json', import.meta.url), 'utf8'));

describe('collectOperations', () => {
  const ops = collectOperations(mini());
  const byId = Object.fromEntries(ops.map((op) => [op.operationId, op]));

  it('maps every operation to its resource and method', () => {
    expect(ops.map((op) => `${op.resource}.${op.name}`).sort()).toEqual([
      'applications.get',
      'applications.list',
      'applications.submit',
      'applications.withdraw',
      'dcat.export',
      'publicNotices.list',
      'sandboxes.delete',
    ]);
  });

  it.each([
    { id: 'submitApplication', idempotent: true, paginated: false, isPublic: false, pathParams: [], bodyRequired: true },
    { id: 'listApplications', idempotent: false, paginated: true, isPublic: false, pathParams: [], bodyRequired: false },
    { id: 'listPublicNotices', idempotent: false, paginated: true, isPublic: true, pathParams: [], bodyRequired: false },
    { id: 'withdrawApplication', idempotent: false, paginated: false, isPublic: false, pathParams: ['applicationId'], bodyRequired: false },
  ])('$id', ({ id, ...want }) => {
    const op = byId[id];
    expect(op).toBeDefined();
    expect({ idempotent: op?.idempotent, paginated: op?.paginated, isPublic: op?.isPublic, pathParams: op?.pathParams, bodyRequired: op?.body.required }).toEqual(want);
  });

  it('marks optional authentication (`security: [{ …schemes }, {}]`), not a public operation', () => {
    const doc = mini();
    doc.paths['/applications/{applicationId}'].get.security = [{ gdxAppKey: [] }, {}];
    const op = collectOperations(doc).find((o) => o.operationId === 'getApplication');
    expect({ isPublic: op?.isPublic, isOptional: op?.isOptional }).toEqual({ isPublic: false, isOptional: true });
    expect(byId.listPublicNotices?.isOptional).toBe(false);
  });

  it('records a bodiless 204 answer as no JSON response', () => {
    expect(byId.deleteSandbox?.response).toEqual({ status: '204', mediaType: undefined, schema: undefined, otherMedia: [] });
  });

  it('holds an answer that may also come as text (a CSV file) to no JSON schema', () => {
    const doc = mini();
    const ok = doc.paths['/applications/{applicationId}'].get.responses['200'];
    ok.content['text/csv'] = { schema: { type: 'string', maxLength: 100 } };
    const op = collectOperations(doc).find((o) => o.operationId === 'getApplication');
    expect(op?.response).toMatchObject({ mediaType: 'application/json', schema: undefined, otherMedia: ['text/csv'] });
  });

  it('rejects an operation without x-gdx-method', () => {
    const doc = mini();
    delete doc.paths['/applications'].get['x-gdx-method'];
    expect(() => collectOperations(doc)).toThrow(/GET \/applications: operationId, x-gdx-resource and x-gdx-method are required/);
  });

  it('rejects two operations mapped to the same SDK method', () => {
    const doc = mini();
    doc.paths['/applications/{applicationId}'].get['x-gdx-method'] = 'list';
    expect(() => collectOperations(doc)).toThrow(/applications.list is declared by both/);
  });
});
