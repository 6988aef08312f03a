import { describe, expect, it } from 'vitest';
import { Router } from './router.js';

const router = new Router([
  { method: 'GET', template: '/sandboxes', value: 'list' },
  { method: 'POST', template: '/sandboxes', value: 'create' },
  { method: 'POST', template: '/sandboxes/import', value: 'import' },
  { method: 'GET', template: '/sandboxes/{sandboxId}', value: 'get' },
  { method: 'GET', template: '/sandboxes/{id}/events', value: 'events' },
  { method: 'GET', template: '/sandboxes/{sandboxId}/catalog/v1/entries/{entryId}', value: 'entry' },
]);

describe('Router', () => {
  it.each([
    { method: 'GET', path: '/sandboxes', want: { kind: 'found', value: 'list', params: {} } },
    { method: 'POST', path: '/sandboxes/import', want: { kind: 'found', value: 'import', params: {} } },
    // A concrete path wins over a template (as OpenAPI matches), also for the method check.
    { method: 'GET', path: '/sandboxes/import', want: { kind: 'method_not_allowed', allow: ['POST'] } },
    { method: 'GET', path: '/sandboxes/a%20b', want: { kind: 'found', value: 'get', params: { sandboxId: 'a b' } } },
    { method: 'GET', path: '/sandboxes/x/events', want: { kind: 'found', value: 'events', params: { id: 'x' } } },
    { method: 'GET', path: '/sandboxes/s1/catalog/v1/entries/e1', want: { kind: 'found', value: 'entry', params: { sandboxId: 's1', entryId: 'e1' } } },
    // HEAD is answered wherever GET is, so a 405 names it too.
    { method: 'DELETE', path: '/sandboxes', want: { kind: 'method_not_allowed', allow: ['GET', 'HEAD', 'POST'] } },
    { method: 'HEAD', path: '/sandboxes/x/events', want: { kind: 'found', value: 'events', params: { id: 'x' } } },
    { method: 'GET', path: '/sandboxes/', want: { kind: 'not_found' } },
    // A segment that does not decode still matches its parameter, kept as sent and named.
    { method: 'GET', path: '/sandboxes/%E0%A4%A', want: { kind: 'found', value: 'get', params: { sandboxId: '%E0%A4%A' }, undecodable: 'sandboxId' } },
    { method: 'GET', path: '/sandboxes/s1/catalog/v1/entries/%ZZ', want: { kind: 'found', value: 'entry', params: { sandboxId: 's1', entryId: '%ZZ' }, undecodable: 'entryId' } },
    { method: 'GET', path: '/sandboxes/%/catalog/v1/entries/%ZZ', want: { kind: 'found', value: 'entry', params: { sandboxId: '%', entryId: '%ZZ' }, undecodable: 'sandboxId' } },
    { method: 'GET', path: '/sandboxes/%/nothing', want: { kind: 'not_found' } },
    { method: 'GET', path: '/nothing', want: { kind: 'not_found' } },
    { method: 'GET', path: '/sandboxes/x/catalog/v1', want: { kind: 'not_found' } },
  ])('$method $path', ({ method, path, want }) => {
    expect(router.match(method, path)).toEqual(want);
  });

  it('refuses a duplicate route', () => {
    expect(() => new Router([{ method: 'GET', template: '/a/{x}', value: 1 }, { method: 'GET', template: '/a/{y}', value: 2 }])).toThrow(/duplicate/);
  });
});
