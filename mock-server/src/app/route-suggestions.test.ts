import { describe, expect, it } from 'vitest';
import { sandboxIdOfPath, suggestRoutes } from './route-suggestions.js';
import type { RouteDefinition } from './router.js';

const routes: RouteDefinition<unknown>[] = [
  ['GET', '/registration/v1/applications'],
  ['POST', '/registration/v1/applications'],
  ['GET', '/registration/v1/applications/{applicationId}'],
  ['GET', '/registration/v1/applications/{applicationId}/events'],
  ['GET', '/registration/v1/registrations'],
  ['GET', '/sandboxes/{sandboxId}/registration/v1/applications'],
  ['GET', '/_sim/v1/sandboxes/{sandboxId}/requests'],
  ['DELETE', '/_sim/v1/sandboxes/{sandboxId}/requests'],
].map(([method, template]) => ({ method: method as string, template: template as string, value: undefined }));

describe('suggestRoutes', () => {
  it.each([
    ['a typo in a segment', 'POST', '/registration/v1/aplications', ['POST /registration/v1/applications']],
    ['case ignored', 'GET', '/registration/v1/Applications', ['GET /registration/v1/applications']],
    ['a missing segment', 'GET', '/registration/applications', ['GET /registration/v1/applications']],
    ['a parameter takes any segment', 'GET', '/registration/v1/applications/rga_1/event', ['GET /registration/v1/applications/{applicationId}/events']],
    ['the sandbox form', 'GET', '/sandboxes/sbx_1/registration/v1/aplications', ['GET /sandboxes/{sandboxId}/registration/v1/applications']],
    ['every method of the closest path when the method is not one of them', 'PATCH', '/_sim/v1/sandboxes/x/request', ['DELETE /_sim/v1/sandboxes/{sandboxId}/requests', 'GET /_sim/v1/sandboxes/{sandboxId}/requests']],
    ['nothing close', 'GET', '/catalog/v1/search', []],
    ['too many segments to look at', 'GET', `/${'a/'.repeat(20)}`, []],
  ])('%s', (_why, method, path, want) => {
    expect(suggestRoutes(routes, method, path).map((s) => `${s.method} ${s.path}`)).toEqual(want);
  });

  it('compares a very long segment whole instead of character by character', () => {
    // Each literal then costs a whole segment: the ties are ranked by path.
    expect(suggestRoutes(routes, 'GET', `/registration/v1/${'x'.repeat(5000)}`).map((s) => s.path)).toEqual([
      '/registration/v1/applications',
      '/registration/v1/applications/{applicationId}',
      '/registration/v1/registrations',
    ]);
  });
});

describe('sandboxIdOfPath', () => {
  it.each([
    ['/registration/v1/aplications', 'default'],
    ['/sandboxes/sbx_1/registration/v1/x', 'sbx_1'],
    ['/_sim/v1/sandboxes/sbx_2/requestz', 'sbx_2'],
    ['/_sim/v1/sandboxez', null],
    ['/sandboxes/bad.id/x', 'default'],
  ])('%s → %s', (path, want) => {
    expect(sandboxIdOfPath(path)).toBe(want);
  });
});
